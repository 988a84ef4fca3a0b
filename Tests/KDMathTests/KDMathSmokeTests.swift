import Testing
@testable import KDMath
