/// The `main.swift` kdsite writes for one page: its running blocks in document order, each
/// announced to KDNotebook (`_kdBeginBlock`, so every output lands under its block) and
/// placed at its Markdown line with `#sourceLocation`, so swiftc's diagnostics, `#line` and
/// traps name `Content/lessons/….md:LINE`.
///
/// ```swift
/// import Foundation
/// import KDEngine
/// import KDNotebook
/// _kdBeginBlock(1, line: 12)
/// #sourceLocation(file: "Content/lessons/02-the-teacher.md", line: 12)
/// …block 1…
/// #sourceLocation()
/// ```
struct ProgramSource: Sendable {
    let text: String
    let blocks: [SnippetBlock]
    /// For each line of `text` (0-based), the number of the block it belongs to, or nil for
    /// generated lines before the first block.
    private let blockOfLine: [Int?]

    static let preamble = ["import Foundation", "import KDEngine", "import KDNotebook"]

    /// The program made of `blocks` (in the order given) of the page at `path`.
    init(path: String, blocks: [SnippetBlock]) {
        var lines = Self.preamble
        var owners: [Int?] = Array(repeating: nil, count: lines.count)
        let file = Self.literal(path)
        for block in blocks {
            let code = block.code.hasSuffix("\n") ? String(block.code.dropLast()) : block.code
            let header = [
                "_kdBeginBlock(\(block.number), line: \(block.firstLine))",
                "#sourceLocation(file: \(file), line: \(block.firstLine))",
            ]
            let body = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let chunk = header + body + ["#sourceLocation()"]
            lines += chunk
            owners += Array(repeating: block.number, count: chunk.count)
        }
        self.text = lines.joined(separator: "\n") + "\n"
        self.blocks = blocks
        self.blockOfLine = owners
    }

    /// The block that line `line` (1-based) of the generated file belongs to: where a
    /// diagnostic that swiftc could not place in the Markdown (an unbalanced brace that
    /// swallowed the generated lines) is reported.
    func block(atGeneratedLine line: Int) -> SnippetBlock? {
        let index = min(max(line - 1, 0), blockOfLine.count - 1)
        guard index >= 0, let number = blockOfLine[...index].last(where: { $0 != nil }) ?? nil else {
            return blocks.first
        }
        return blocks.first { $0.number == number }
    }

    /// `text` as a Swift string literal.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
