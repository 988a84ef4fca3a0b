import Testing

@testable import KDMarkdown

/// Random documents built from the pieces that make math lifting hard (dollars in code,
/// amounts, escapes, fences, quotes, lists, tables, HTML, footnotes): whatever the mix, no
/// placeholder byte may reach the tree and every formula must point at its own delimiters.
@Suite struct MathRobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure names a reproducible seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "$a_1*b_2$", "$$x^2$$", "\\(q_i\\)", "\\[\\sum_i\\]", "$5", "$10", "\\$", "$", "$$", "`$x$`", "``a`b``",
        "*em*", "_u_", "**s**", "[l $m$](u/$v$)", "<i t=\"$h$\">", "</i>", "[^f]", "\\", "{", "}", "|", "é",
        "a", "word", " ", " ", " ", "\n", "\n", "\n\n", "\n- ", "\n> ", "\n1. ", "\n# ", "\n    ",
        "\n```\n$c$\n```\n", "\n| $t$ | b |\n|---|---|\n| $u\\|v$ | w |\n", "\n$$\nx\n+ y\n$$\n",
        "\n\n[^f]: note $n$\n", "\n---\n", "\u{1}",
    ]

    static func document(seed: UInt64) -> String {
        var random = SplitMix(state: seed)
        let count = Int.random(in: 5...60, using: &random)
        return (0..<count).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
    }

    struct Check: MarkupWalker {
        let lines: [[UInt8]]
        var problems: [String] = []

        init(_ markdown: String) {
            lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        }

        mutating func visit(_ node: Node) {
            let strings: [String]
            switch node.kind {
            case .text(let s), .code(let s), .htmlInline(let s), .htmlBlock(let s): strings = [s]
            case .codeBlock(let a, let b), .link(let a, let b), .image(let a, let b): strings = [a, b]
            case .math(let tex, _):
                strings = [tex]
                checkDelimiters(node)
            default: strings = []
            }
            for s in strings where s.utf8.contains(where: MathPlaceholder.isBody) {
                problems.append("placeholder byte in \(node.kind)")
            }
            descendInto(node)
        }

        mutating func checkDelimiters(_ node: Node) {
            guard let range = node.range,
                lines.indices.contains(range.start.line - 1), lines.indices.contains(range.end.line - 1)
            else { return problems.append("math without a range in the source: \(node.kind)") }
            let first = lines[range.start.line - 1]
            let last = lines[range.end.line - 1]
            let open = range.start.column - 1
            let close = range.end.column - 2
            guard open < first.count, close >= 0, close < last.count else {
                return problems.append("math range \(range) outside its lines")
            }
            let opens =
                first[open] == .dollar
                || (first[open] == .backslash && open + 1 < first.count
                    && (first[open + 1] == .leftParen || first[open + 1] == .leftBracket))
            let closes = last[close] == .dollar || last[close] == .rightParen || last[close] == .rightBracket
            if !opens || !closes { problems.append("math range \(range) not on its delimiters") }
        }
    }

    @Test(arguments: 0..<400)
    func randomDocument(seed: Int) {
        let markdown = Self.document(seed: UInt64(seed))
        let document = Markdown.parse(markdown)
        var check = Check(markdown)
        check.visit(document)
        #expect(check.problems.isEmpty, "seed \(seed): \(markdown.debugDescription)")
        let html = HTMLRenderer().render(document)
        #expect(!html.utf8.contains(where: MathPlaceholder.isBody), "seed \(seed)")
    }

    @Test func parsesConcurrently() async {
        let documents = (0..<16).map { Self.document(seed: UInt64(1000 + $0)) }
        let expected = documents.map { HTMLRenderer().render(Markdown.parse($0)) }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for _ in 0..<4 {
                for (i, markdown) in documents.enumerated() {
                    group.addTask { (i, HTMLRenderer().render(Markdown.parse(markdown))) }
                }
            }
            var all: [(Int, String)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { expected[$0.0] == $0.1 })
    }

    @Test func pathologicalInputStaysLinear() {
        // Thousands of openers that never close: each scan must not restart from every one.
        let markdown = String(repeating: "$5 `` {$x ", count: 20_000)
        let document = Markdown.parse(markdown)
        var check = Check(markdown)
        check.visit(document)
        #expect(check.problems.isEmpty)
        #expect(document.children.count == 1)
    }
}
