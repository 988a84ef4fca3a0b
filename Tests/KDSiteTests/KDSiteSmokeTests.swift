import Testing
@testable import KDSite
