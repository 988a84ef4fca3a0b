import Testing
@testable import KDMarkdown
