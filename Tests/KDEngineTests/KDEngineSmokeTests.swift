import Testing
@testable import KDEngine
