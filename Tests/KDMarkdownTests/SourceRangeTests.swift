import Testing

@testable import KDMarkdown

/// Source ranges: exact line and column (UTF-8 bytes, 1-based, end exclusive) for the nodes
/// diagnostics point at — headings, code blocks, math.
@Suite struct SourceRangeTests {
    static let lesson = """
        ---
        # Distillation

        Some prose with $T > 1$ and `code`.

        ```swift step=1
        let x = 1
        ```

        ## Soft *targets*

        > $$
        > q_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}
        > $$

        1. item with \\(\\alpha\\)

               indented code
        """

    func first(_ node: Node, where match: (Node.Kind) -> Bool) -> Node? {
        if match(node.kind) { return node }
        for child in node.children {
            if let found = first(child, where: match) { return found }
        }
        return nil
    }

    func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(
            start: SourceLocation(line: startLine, column: startColumn),
            end: SourceLocation(line: endLine, column: endColumn))
    }

    @Test func headings() throws {
        let document = Markdown.parse(Self.lesson)
        let headings = document.children.filter { if case .heading = $0.kind { true } else { false } }
        #expect(headings.map(\.range) == [range(2, 1, 2, 15), range(10, 1, 10, 18)])
        #expect(headings.map(\.plainText) == ["Distillation", "Soft targets"])
    }

    @Test func fencedCodeBlockStartsAtItsFence() throws {
        let code = try #require(
            first(Markdown.parse(Self.lesson)) {
                if case .codeBlock(let info, _) = $0 { info.hasPrefix("swift") } else { false }
            })
        #expect(code.kind == .codeBlock(info: "swift step=1", literal: "let x = 1\n"))
        #expect(code.range == range(6, 1, 8, 4))
    }

    @Test func indentedCodeBlockStartsAtItsCode() throws {
        let code = try #require(
            first(Markdown.parse(Self.lesson)) {
                if case .codeBlock(let info, _) = $0 { info.isEmpty } else { false }
            })
        #expect(code.kind == .codeBlock(info: "", literal: "indented code\n"))
        #expect(code.range?.start == SourceLocation(line: 18, column: 8))
    }

    @Test func mathPointsAtItsDelimiters() {
        #expect(
            MathCollector.maths(in: Self.lesson) == [
                "T > 1 @4:17-4:24",
                "display q_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}} @12:3-14:5",
                "\\alpha @16:14-16:24",
            ])
    }

    @Test func textAfterMultiLineMathStartsAfterItsClosingDelimiter() throws {
        let paragraph = try #require(Markdown.parse("a $$\nx\n$$ b").children.first)
        #expect(paragraph.children.map(\.kind) == [.text("a "), .math(tex: "x", display: true), .text(" b")])
        #expect(paragraph.children.map(\.range) == [range(1, 1, 1, 3), range(1, 3, 3, 3), range(3, 3, 3, 5)])
    }

    @Test func columnsCountUTF8Bytes() {
        // "é" and "α" are two bytes each; "🙂" is four.
        #expect(MathCollector.maths(in: "é α 🙂 $x$") == ["x @1:12-1:15"])
    }

    @Test func tableCellsAndFootnotes() throws {
        let document = Markdown.parse("| a | b |\n|---|--:|\n| $x$ | y |\n\nNote[^1].\n\n[^1]: Text.")
        let table = try #require(document.children.first)
        #expect(table.kind == .table(alignments: [.none, .right]))
        #expect(table.range == range(1, 1, 3, 12))
        let definition = try #require(document.children.last)
        #expect(definition.kind == .footnoteDefinition(label: "1"))
        #expect(definition.range?.start.line == 7)
    }

    @Test(arguments: ["", "\n\n", "   ", "$", "$$", "\\"])
    func degenerateInputs(_ markdown: String) {
        let document = Markdown.parse(markdown)
        #expect(document.kind == .document)
        #expect(MathCollector.maths(in: markdown).isEmpty)
        #expect(
            HTMLRenderer().render(document)
                == (markdown.contains(where: { $0 != " " && $0 != "\n" })
                    ? "<p>\(markdown)</p>\n" : ""))
    }

    @Test func treeDumpShowsKindAndRange() {
        #expect(
            Markdown.parse("# Hi $x$\n").treeDump == """
                document 1:1-1:9
                  heading level=1 1:1-1:9
                    text "Hi " 1:3-1:6
                    math "x" 1:6-1:9

                """)
    }
}
