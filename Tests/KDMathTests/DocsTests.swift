import Foundation
import Testing

@testable import KDMath

/// docs/math.md lists the supported TeX; these tests keep that list and the tables in step.
@Suite("docs/math.md names exactly the supported commands")
struct DocsTests {
    /// The commands named in the "Supported TeX" section, up to "Not supported".
    static let documented: Set<String> = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/math.md").standardizedFileURL
        guard let text = try? String(contentsOf: url, encoding: .utf8),
            let start = text.range(of: "## Supported TeX"),
            let end = text.range(of: "Not supported", range: start.upperBound..<text.endIndex)
        else { return [] }
        let section = String(text[start.upperBound..<end.lowerBound])
        var names: Set<String> = []
        let scalars = Array(section.unicodeScalars)
        var i = 0
        while i < scalars.count {
            defer { i += 1 }
            guard scalars[i] == "\\", i + 1 < scalars.count else { continue }
            var j = i + 1
            if scalars[j].properties.isAlphabetic && scalars[j].isASCII {
                while j < scalars.count, scalars[j].isASCII, scalars[j].properties.isAlphabetic { j += 1 }
            } else {
                j += 1
            }
            names.insert(String(String.UnicodeScalarView(scalars[(i + 1)..<j])))
            i = j - 1
        }
        return names
    }()

    @Test func everyDocumentedCommandExists() {
        #expect(Self.documented.count > 400)
        let known = Set(CommandTable.commands.keys).union(TeXParser.textCommandNames)
        #expect(Self.documented.subtracting(known).sorted() == [])
    }

    @Test func everyCommandIsDocumented() {
        #expect(Set(CommandTable.commands.keys).subtracting(Self.documented).sorted() == [])
    }
}
