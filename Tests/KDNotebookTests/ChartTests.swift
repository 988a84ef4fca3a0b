import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import KDNotebook

@Suite("Charts")
struct ChartTests {
    @Test func writeGallery() throws {
        let figures = ChartGallery.charts.enumerated().map { $1.render(id: "g\($0)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kdnotebook-gallery")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try ChartGallery.page(figures, dark: false).write(to: directory.appendingPathComponent("light.html"), atomically: true, encoding: .utf8)
        try ChartGallery.page(figures, dark: true).write(to: directory.appendingPathComponent("dark.html"), atomically: true, encoding: .utf8)
        for figure in figures { try XMLCheck.assertWellFormed(figure.svg) }
    }
}

enum XMLCheck {
    /// Parses `markup` as XML; throws with the parser's message when it is not well-formed.
    static func assertWellFormed(_ markup: String) throws {
        let parser = XMLParser(data: Data(markup.utf8))
        let ok = parser.parse()
        if !ok {
            throw XMLError(message: parser.parserError.map { "\($0)" } ?? "unknown", line: parser.lineNumber, column: parser.columnNumber)
        }
    }

    struct XMLError: Error, CustomStringConvertible {
        var message: String
        var line: Int
        var column: Int
        var description: String { "not well-formed XML at \(line):\(column): \(message)" }
    }
}
