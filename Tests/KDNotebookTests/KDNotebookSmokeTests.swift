import Testing
@testable import KDNotebook
