import Testing

@testable import KDMarkdown

/// The HTML of each GFM feature, escaping, and the hooks KDSite uses.
@Suite struct HTMLRendererTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var markdown: String
        var html: String
        var testDescription: String { markdown.debugDescription }
    }

    static let features: [Case] = [
        Case(
            markdown: "*a* **b** ~~c~~ `d`",
            html: "<p><em>a</em> <strong>b</strong> <del>c</del> <code>d</code></p>\n"),
        Case(markdown: "a < b & \"c\" 'd'", html: "<p>a &lt; b &amp; &quot;c&quot; &#39;d&#39;</p>\n"),
        Case(markdown: "`<script>`", html: "<p><code>&lt;script&gt;</code></p>\n"),
        Case(markdown: "<b>raw</b> inline", html: "<p><b>raw</b> inline</p>\n"),
        Case(markdown: "<div class=\"x\">\nblock\n</div>", html: "<div class=\"x\">\nblock\n</div>\n"),
        Case(
            markdown: "[a](/u?x=1&y=\"2\" \"T's\")",
            html: "<p><a href=\"/u?x=1&amp;y=%222%22\" title=\"T&#39;s\">a</a></p>\n"),
        Case(markdown: "![alt *x*](p.png \"t\")", html: "<p><img src=\"p.png\" alt=\"alt x\" title=\"t\" /></p>\n"),
        Case(
            markdown: "see https://example.org/a?b",
            html: "<p>see <a href=\"https://example.org/a?b\">https://example.org/a?b</a></p>\n"),
        Case(markdown: "a  \nb\nc", html: "<p>a<br />\nb\nc</p>\n"),
        Case(markdown: "> q", html: "<blockquote>\n<p>q</p>\n</blockquote>\n"),
        Case(markdown: "---", html: "<hr />\n"),
        Case(markdown: "3. a\n4. b", html: "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n"),
        Case(markdown: "- a\n\n- b", html: "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n"),
        Case(
            markdown: "- [ ] todo\n- [x] done",
            html: "<ul class=\"contains-task-list\">\n"
                + "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"\" /> todo</li>\n"
                + "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"\" checked=\"\" /> done</li>\n"
                + "</ul>\n"),
        Case(
            markdown: "- [x] loose\n\n  more",
            html: "<ul class=\"contains-task-list\">\n<li class=\"task-list-item\">\n"
                + "<p><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"\" checked=\"\" /> loose</p>\n"
                + "<p>more</p>\n</li>\n</ul>\n"),
        Case(
            markdown: "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 |",
            html: "<table>\n<thead>\n<tr>\n<th class=\"align-left\">a</th>\n"
                + "<th class=\"align-center\">b</th>\n<th class=\"align-right\">c</th>\n</tr>\n</thead>\n"
                + "<tbody>\n<tr>\n<td class=\"align-left\">1</td>\n<td class=\"align-center\">2</td>\n"
                + "<td class=\"align-right\"></td>\n</tr>\n</tbody>\n</table>\n"),
        Case(markdown: "| h |\n|---|", html: "<table>\n<thead>\n<tr>\n<th>h</th>\n</tr>\n</thead>\n</table>\n"),
        Case(
            markdown: "```swift hidden\nlet a = 1 < 2\n```",
            html: "<pre><code class=\"language-swift\">let a = 1 &lt; 2\n</code></pre>\n"),
        Case(markdown: "    plain", html: "<pre><code>plain\n</code></pre>\n"),
        Case(markdown: "# A\n# A\n## A", html: "<h1 id=\"a\">A</h1>\n<h1 id=\"a-1\">A</h1>\n<h2 id=\"a-2\">A</h2>\n"),
        Case(markdown: "# Café *au* lait!", html: "<h1 id=\"cafe-au-lait\">Café <em>au</em> lait!</h1>\n"),
        Case(markdown: "# ???", html: "<h1 id=\"section\">???</h1>\n"),
        Case(markdown: "## What α does & why", html: "<h2 id=\"what-α-does-why\">What α does &amp; why</h2>\n"),
        Case(markdown: "[see](#what-α-does)", html: "<p><a href=\"#what-%CE%B1-does\">see</a></p>\n"),
    ]

    @Test(arguments: features)
    func feature(_ c: Case) {
        #expect(html(c.markdown) == c.html)
    }

    @Test func footnotesLikeGitHub() {
        let markdown = "A[^x] b[^y] c[^x].\n\n[^y]: Why.\n[^x]: Ex *one*.\n[^unused]: Gone."
        #expect(
            html(markdown) == """
                <p>A<sup class="footnote-ref"><a href="#fn-x" id="fnref-x" data-footnote-ref>1</a></sup> \
                b<sup class="footnote-ref"><a href="#fn-y" id="fnref-y" data-footnote-ref>2</a></sup> \
                c<sup class="footnote-ref"><a href="#fn-x" id="fnref-x-2" data-footnote-ref>1</a></sup>.</p>
                <section class="footnotes" data-footnotes>
                <ol>
                <li id="fn-x">
                <p>Ex <em>one</em>. \
                <a href="#fnref-x" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" \
                aria-label="Back to reference 1">↩</a> \
                <a href="#fnref-x-2" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1-2" \
                aria-label="Back to reference 1-2">↩<sup class="footnote-ref">2</sup></a></p>
                </li>
                <li id="fn-y">
                <p>Why. <a href="#fnref-y" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="2" \
                aria-label="Back to reference 2">↩</a></p>
                </li>
                </ol>
                </section>

                """)
    }

    @Test func mathHookReceivesTeXDisplayAndRange() {
        var renderer = HTMLRenderer()
        var calls: [String] = []
        renderer.math = { tex, display, range in
            calls.append("\(tex) \(display) \(range.map { "\($0)" } ?? "nil")")
            return display ? "<math display=\"block\">\(tex)</math>" : nil
        }
        let out = renderer.render(Markdown.parse("$a$ and\n\n$$\nb\n$$"))
        #expect(out == "<p><code class=\"math\">a</code> and</p>\n<math display=\"block\">b</math>\n")
        #expect(calls == ["a false 1:1-1:4", "b true 3:1-5:3"])
    }

    @Test func codeBlockHookGetsInfoAndLiteral() {
        var renderer = HTMLRenderer()
        renderer.codeBlock = { info, literal, range in
            info.hasPrefix("swift") ? "<kd-code line=\"\(range?.start.line ?? 0)\">\(literal.count)</kd-code>" : nil
        }
        let out = renderer.render(Markdown.parse("```swift norun\nabc\n```\n\n```py\nx\n```"))
        #expect(out == "<kd-code line=\"1\">4</kd-code>\n<pre><code class=\"language-py\">x\n</code></pre>\n")
    }

    @Test func linkHookWrapsRenderedContent() {
        var renderer = HTMLRenderer()
        renderer.link = { destination, title, content in
            destination.hasPrefix("term:") ? "<a data-term=\"\(destination.dropFirst(5))\">\(content)</a>" : nil
        }
        let out = renderer.render(Markdown.parse("[*soft* $T$](term:temperature) and [x](/y \"t\")"))
        #expect(
            out == "<p><a data-term=\"temperature\"><em>soft</em> <code class=\"math\">T</code></a>"
                + " and <a href=\"/y\" title=\"t\">x</a></p>\n")
    }

    @Test func headingHookNamesAnchorsAndStaysUnique() {
        var renderer = HTMLRenderer()
        renderer.headingID = { level, text in level == 1 ? "top" : (text == "Skip" ? "" : nil) }
        let out = renderer.render(Markdown.parse("# One\n# Two\n## Skip\n## Soft targets"))
        #expect(
            out == "<h1 id=\"top\">One</h1>\n<h1 id=\"top-1\">Two</h1>\n<h2>Skip</h2>\n"
                + "<h2 id=\"soft-targets\">Soft targets</h2>\n")
    }

    @Test func rendersAnInlineSubtree() throws {
        let paragraph = try #require(Markdown.parse("x *y* $z$").children.first)
        let emphasis = paragraph.children[1]
        #expect(HTMLRenderer().render(emphasis) == "<em>y</em>")
        #expect(HTMLRenderer().render(paragraph.children[3]) == "<code class=\"math\">z</code>")
        #expect(
            HTMLRenderer().render(Node(.math(tex: "w", display: true)))
                == "<div class=\"math-display\"><code class=\"math\">w</code></div>\n")
        #expect(HTMLRenderer().render(paragraph) == "<p>x <em>y</em> <code class=\"math\">z</code></p>\n")
    }

    @Test(arguments: [
        ("a&b<c>\"d\"'e'", "a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;"),
        ("plain", "plain"),
        ("", ""),
        ("été & ☃", "été &amp; ☃"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(escapeHTML(input) == expected)
    }

    @Test(arguments: [
        ("Soft Targets", "soft-targets"),
        ("  Knowledge -- Distillation  ", "knowledge-distillation"),
        ("Réseau Über Ça", "reseau-uber-ca"),
        ("The α_1 value!", "the-α-1-value"),
        ("what α does", "what-α-does"),
        ("What α does, é.g.", "what-α-does-eg"),
        ("ΣΟΦΙΑ and Ωmega", "σοφια-and-ωmega"),
        ("知识蒸馏 入门", "知识蒸馏-入门"),
        ("x² + y²", "x²-y²"),
        ("हिन्दी", "हिन्दी"),
        ("a\u{00A0}b → c", "a-b-c"),
        ("C++ & Swift 6", "c-swift-6"),
        ("", ""),
    ])
    func slugs(_ input: String, _ expected: String) {
        #expect(slugify(input) == expected)
    }

    @Test(arguments: [
        ("Soft Targets", "soft-targets"),
        ("Réseau Über Ça", "reseau-uber-ca"),
        ("The α_1 value!", "the-1-value"),
        ("知识蒸馏", ""),
    ])
    func asciiSlugsForFileNames(_ input: String, _ expected: String) {
        #expect(slugify(input, asciiOnly: true) == expected)
    }
}
