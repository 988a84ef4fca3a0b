import Testing

@testable import KDMarkdown

/// Walkers and rewriters as the site's passes use them.
@Suite struct MarkupVisitorTests {
    /// A table of contents: each heading's level and text.
    struct Outline: MarkupWalker {
        var entries: [String] = []
        mutating func visit(_ node: Node) {
            if case .heading(let level) = node.kind {
                entries.append(String(repeating: "#", count: level) + " " + node.plainText)
                return
            }
            descendInto(node)
        }
    }

    /// Links the first use of a glossary term, as the site's glossary pass does: a text node
    /// becomes text, link, text in its parent.
    struct GlossaryLinker: MarkupRewriter {
        let term: String
        var linked = false

        mutating func rewrite(_ node: Node) -> Node? {
            switch node.kind {
            case .link, .code, .heading, .codeBlock:
                return node  // never inside links, code or headings
            default:
                var result = rewriteChildren(of: node)
                result.children = result.children.flatMap { linking($0) }
                return result
            }
        }

        mutating func linking(_ node: Node) -> [Node] {
            guard !linked, case .text(let text) = node.kind, let hit = text.range(of: term) else { return [node] }
            linked = true
            return [
                Node(.text(String(text[..<hit.lowerBound]))),
                Node(.link(destination: "/glossary/\(term)/", title: ""), children: [Node(.text(term))]),
                Node(.text(String(text[hit.upperBound...]))),
            ]
        }
    }

    /// Removes every code block that is `swift hidden`.
    struct HiddenRemover: MarkupRewriter {
        mutating func rewrite(_ node: Node) -> Node? {
            if case .codeBlock(let info, _) = node.kind, info.split(separator: " ").contains("hidden") { return nil }
            return rewriteChildren(of: node)
        }
    }

    @Test func walkerCollectsHeadingsAndStopsWhereItChooses() {
        var outline = Outline()
        outline.visit(Markdown.parse("# Intro\n\nText.\n\n## The $T$ knob\n\n> ### Quoted *h*"))
        #expect(outline.entries == ["# Intro", "## The T knob", "### Quoted h"])
    }

    @Test func defaultWalkerVisitsEveryNode() {
        struct Counter: MarkupWalker {
            var count = 0
            mutating func visit(_ node: Node) {
                count += 1
                descendInto(node)
            }
        }
        var counter = Counter()
        counter.visit(Markdown.parse("a *b* $c$\n\n- d"))
        // document, paragraph, text, emphasis, text, text, math, list, item, paragraph, text
        #expect(counter.count == 11)
    }

    @Test func rewriterReplacesTheFirstUseOnly() {
        var linker = GlossaryLinker(term: "teacher")
        let document = linker.rewritten(Markdown.parse("# The teacher\n\nA teacher and a `teacher` and a teacher."))
        #expect(
            HTMLRenderer().render(document) == "<h1 id=\"the-teacher\">The teacher</h1>\n"
                + "<p>A <a href=\"/glossary/teacher/\">teacher</a> and a <code>teacher</code> and a teacher.</p>\n")
    }

    @Test func rewriterRemovesNodes() {
        var remover = HiddenRemover()
        let document = remover.rewritten(Markdown.parse("```swift hidden\nsetup()\n```\n\n```swift\nshow()\n```"))
        #expect(document.children.map(\.kind) == [.codeBlock(info: "swift", literal: "show()\n")])
    }

    @Test func defaultRewriterRebuildsAnEqualTree() {
        struct Identity: MarkupRewriter {}
        let document = Markdown.parse("# A\n\n| x | $y$ |\n|---|---|\n\n[^1]\n\n[^1]: n")
        var identity = Identity()
        #expect(identity.rewritten(document) == document)
    }
}
