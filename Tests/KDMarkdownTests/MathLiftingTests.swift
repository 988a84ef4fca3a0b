import Testing

@testable import KDMarkdown

/// Collects the `.math` nodes of a tree as `tex @range` (`display` marked), in order.
struct MathCollector: MarkupWalker {
    var found: [String] = []
    mutating func visit(_ node: Node) {
        if case .math(let tex, let display) = node.kind {
            found.append("\(display ? "display " : "")\(tex) @\(node.range.map { "\($0)" } ?? "nil")")
        }
        descendInto(node)
    }

    static func maths(in markdown: String) -> [String] {
        var collector = MathCollector()
        collector.visit(Markdown.parse(markdown))
        return collector.found
    }
}

func html(_ markdown: String) -> String {
    HTMLRenderer().render(Markdown.parse(markdown))
}

@Suite struct MathLiftingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var markdown: String
        var maths: [String]
        var testDescription: String { markdown.debugDescription }
    }

    static let cases: [Case] = [
        Case(markdown: "$a_1 * b_2 * c_3$", maths: ["a_1 * b_2 * c_3 @1:1-1:18"]),
        Case(markdown: "x $\\alpha$ y", maths: ["\\alpha @1:3-1:11"]),
        Case(markdown: "`$x$` and $y$", maths: ["y @1:11-1:14"]),
        Case(markdown: "`` $$x$$ `` $$z$$", maths: ["display z @1:13-1:18"]),
        Case(markdown: "costs $5 and $10 today", maths: []),
        Case(markdown: "A $5 and $10 and `$x$` end.", maths: []),
        Case(markdown: "A $5 and `$x$` end.", maths: []),
        Case(markdown: "A $5 and `$x$` then $y$ end.", maths: ["y @1:21-1:24"]),
        Case(markdown: "$a$ and `$b$` and $c$", maths: ["a @1:1-1:4", "c @1:19-1:22"]),
        Case(markdown: "$a `b$ c`", maths: []),
        Case(markdown: "$x` + y$ with one backtick", maths: ["x` + y @1:1-1:9"]),
        Case(markdown: "$$a `$$` b$$", maths: []),
        Case(markdown: "\\$x\\$ and \\$y$", maths: []),
        Case(markdown: "$\\$5$", maths: ["\\$5 @1:1-1:6"]),
        Case(markdown: "$x$5", maths: []),
        Case(markdown: "$ x$ and $x $", maths: []),
        Case(markdown: "a $\n", maths: []),
        Case(markdown: "unclosed $x and more", maths: []),
        Case(markdown: "$\\text{a $b$ c}$", maths: ["\\text{a $b$ c} @1:1-1:17"]),
        Case(markdown: "\\(a_b\\) and \\[c_d\\]", maths: ["a_b @1:1-1:8", "display c_d @1:13-1:20"]),
        Case(markdown: "\\\\(a\\\\)", maths: []),
        Case(markdown: "# The $\\alpha_1$ value", maths: ["\\alpha_1 @1:7-1:17"]),
        Case(markdown: "[see $x_1$](https://a.b/$c$)", maths: ["x_1 @1:6-1:11"]),
        Case(markdown: "<span title=\"$a$\">$b$</span>", maths: ["b @1:19-1:22"]),
        Case(markdown: "- one $u_1$\n- two $v_2$", maths: ["u_1 @1:7-1:12", "v_2 @2:7-2:12"]),
        Case(
            markdown: "| a | b |\n|---|---|\n| $x_1$ | $\\|y\\|$ |",
            maths: ["x_1 @3:3-3:8", "|y| @3:11-3:18"]),
        Case(markdown: "| $a | b$ |\n|---|---|", maths: []),
        Case(markdown: "```\n$x$\n```\n$y$", maths: ["y @4:1-4:4"]),
        Case(markdown: "    $x$ indented code", maths: []),
        Case(markdown: "$$\nx_1\n$$", maths: ["display x_1 @1:1-3:3"]),
        Case(markdown: "Sum:\n$$\na\n  + b\n- c\n$$", maths: ["display a\n+ b\n- c @2:1-6:3"]),
        Case(markdown: "> $$\n> a_1\n> $$", maths: ["display a_1 @1:3-3:5"]),
        Case(markdown: "$$\na\n\nb\n$$", maths: []),
        Case(markdown: "- a $x\n- b$", maths: []),
        Case(markdown: "Text[^n].\n\n[^n]: Note $m_2$.", maths: ["m_2 @3:12-3:17"]),
        Case(markdown: "[ref]: /url \"$t$\"\n\n[a][ref] $z$", maths: ["z @3:10-3:13"]),
        Case(markdown: "é $x$", maths: ["x @1:4-1:7"]),
        Case(markdown: "$a$$b$", maths: ["a @1:1-1:4", "b @1:4-1:7"]),
    ]

    @Test(arguments: cases)
    func lifts(_ c: Case) {
        #expect(MathCollector.maths(in: c.markdown) == c.maths)
    }

    @Test func emphasisMarkersInsideMathStayTeX() {
        #expect(
            html("$a_1 * b_2 * c_3$ and *emph*")
                == "<p><code class=\"math\">a_1 * b_2 * c_3</code> and <em>emph</em></p>\n")
        #expect(
            html("_$x_1$_ and **$T$**")
                == "<p><em><code class=\"math\">x_1</code></em> and <strong><code class=\"math\">T</code></strong></p>\n"
        )
    }

    @Test func dollarsThatAreNotMathRenderAsAuthored() {
        #expect(html("costs $5 and $10") == "<p>costs $5 and $10</p>\n")
        #expect(html("\\$x\\$") == "<p>$x$</p>\n")
        #expect(html("`$x$`") == "<p><code>$x$</code></p>\n")
        #expect(html("A $5 and $10 and `$x$` end.") == "<p>A $5 and $10 and <code>$x$</code> end.</p>\n")
        #expect(
            html("```sh\necho $HOME $x$\n```") == "<pre><code class=\"language-sh\">echo $HOME $x$\n</code></pre>\n")
        #expect(html("[a](https://x.org/$y$)") == "<p><a href=\"https://x.org/$y$\">a</a></p>\n")
        #expect(html("<span title=\"$a$\">t</span>") == "<p><span title=\"$a$\">t</span></p>\n")
    }

    @Test func displayMathAloneIsABlock() throws {
        let document = Markdown.parse("Before.\n\n$$\n\\sum_i x_i\n$$\n\nAfter.")
        #expect(document.children.count == 3)
        let math = try #require(document.children.dropFirst().first)
        #expect(math.kind == .math(tex: "\\sum_i x_i", display: true))
        #expect(math.range == SourceRange(start: .init(line: 3, column: 1), end: .init(line: 5, column: 3)))
        #expect(html("$$x$$") == "<div class=\"math-display\"><code class=\"math\">x</code></div>\n")
    }

    @Test func displayMathInsideTextStaysInline() {
        #expect(
            html("a $$x$$ b")
                == "<p>a <span class=\"math-display\"><code class=\"math\">x</code></span> b</p>\n")
    }

    @Test func textAroundMathKeepsExactRanges() throws {
        let paragraph = try #require(Markdown.parse("ab $x$ cd").children.first)
        #expect(paragraph.children.map(\.range?.description) == ["1:1-1:4", "1:4-1:7", "1:7-1:10"])
        #expect(paragraph.children.map(\.kind) == [.text("ab "), .math(tex: "x", display: false), .text(" cd")])
    }

    @Test func noPlaceholderByteSurvives() {
        let markdown = "> $$\n> a\n> $$ and `$b$` <i title=\"$c$\">$d$</i>\n\n    $e$\n\n<div>$f$</div>"
        let dump = Markdown.parse(markdown).treeDump
        #expect(!dump.utf8.contains(where: { (1...8).contains($0) || (14...31).contains($0) }))
        #expect(dump.contains("code \"$b$\""))
        #expect(dump.contains("htmlInline \"<i title=\\\"$c$\\\">\""))
        #expect(dump.contains("codeBlock info=\"\" \"$e$\\n\""))
        #expect(dump.contains("htmlBlock \"<div>$f$</div>\\n\""))
    }

    @Test func controlCharactersInTheSourceAreNotPlaceholders() {
        #expect(html("a $\u{1}$ b") == "<p>a $ $ b</p>\n")
    }
}
