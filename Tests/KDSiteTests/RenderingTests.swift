import Foundation
import Testing

@testable import KDSite

/// The fixture site built whole: each page kind, the page-contract hooks, relative links,
/// escaping, and the GFM and math features of the Markdown.
@Suite("Rendering each page kind")
struct RenderingTests {
    /// Builds the fixture once per test (cheap: a few milliseconds) and hands over the site.
    func built(_ body: (TestSite) throws -> Void) async throws {
        let site = try TestSite()
        defer { site.remove() }
        let report = try await site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.succeeded)
        try body(site)
    }

    @Test func writesEveryPageKind() async throws {
        try await built { site in
            let files = Set(TestSite.snapshot(site.output).keys)
            for path in [
                "index.html", "lessons/alpha/index.html", "lessons/beta/index.html", "glossary/index.html",
                "faq/index.html", "hackerspace/index.html", "map/index.html", "404.html", "sitemap.xml",
            ] {
                #expect(files.contains(path), "\(path) missing")
            }
            #expect(files.contains { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        }
    }

    @Test func lessonHasNumberTOCAndNeighbours() async throws {
        try await built { site in
            let alpha = try site.page("lessons/alpha/index.html")
            #expect(alpha.contains("Lesson 1 of 2"))
            #expect(alpha.contains("<h2 id=\"first-section\">"))
            #expect(alpha.contains("<li class=\"level-3\"><a href=\"#sub-section\">Sub section</a></li>"))
            #expect(alpha.contains("href=\"../../lessons/beta/index.html\" rel=\"next\""))
            #expect(!alpha.contains("rel=\"prev\""))
            let beta = try site.page("lessons/beta/index.html")
            #expect(beta.contains("href=\"../../lessons/alpha/index.html\" rel=\"prev\""))
        }
    }

    @Test func anchorsKeepTheLettersOfEveryScript() async throws {
        let body = "\n## What α does\n\nText.\n\n### 知识蒸馏 & \"quotes\"\n\nMore.\n\n## Soft targets\n"
        let site = try TestSite(files: ["lessons/03-gamma.md": DiagnosticLocationTests.lessonHead + body])
        defer { site.remove() }
        #expect(try await site.build().succeeded)
        let gamma = try site.page("lessons/gamma/index.html")
        #expect(gamma.contains("<h2 id=\"what-α-does\">What α does</h2>"))
        #expect(gamma.contains("<h3 id=\"知识蒸馏-quotes\">知识蒸馏 &amp; &quot;quotes&quot;</h3>"))
        #expect(gamma.contains("<li class=\"level-2\"><a href=\"#what-α-does\">What α does</a></li>"))
        #expect(gamma.contains("<li class=\"level-3\"><a href=\"#知识蒸馏-quotes\">"))
        #expect(gamma.contains("<li class=\"level-2\"><a href=\"#soft-targets\">Soft targets</a></li>"))
    }

    @Test func textIsEscaped() async throws {
        try await built { site in
            let alpha = try site.page("lessons/alpha/index.html")
            #expect(alpha.contains("<h1>Alpha &amp; &lt;Omega&gt;</h1>"))
            #expect(alpha.contains("<title>Alpha &amp; &lt;Omega&gt; · Fixture &lt;Course&gt;</title>"))
            #expect(!alpha.contains("<Omega>"))
        }
    }

    @Test func quizIsAFormThatWorksWithoutJavaScript() async throws {
        try await built { site in
            let alpha = try site.page("lessons/alpha/index.html")
            #expect(alpha.contains("<form class=\"quiz\" data-quiz=\"alpha-quiz\">"))
            #expect(alpha.contains("<input type=\"radio\" name=\"alpha-quiz\" value=\"0\" data-correct>"))
            #expect(alpha.contains("<input type=\"radio\" name=\"alpha-quiz\" value=\"1\">"))
            #expect(alpha.contains("data-quiz-check"))
            #expect(alpha.contains("<p data-quiz-feedback"))
            #expect(alpha.contains("<summary>Show the answer</summary>"))
            #expect(alpha.contains("<p class=\"answer\">Yes</p>"))
            #expect(alpha.contains("Because <strong>dividing</strong> flattens."))
            #expect(alpha.contains("Is <code class=\"math\">T &gt; 1</code> <em>soft</em>?"))
        }
    }

    @Test func glossaryTermsLinkOnFirstUseOnly() async throws {
        try await built { site in
            let alpha = try site.page("lessons/alpha/index.html")
            let link =
                "<a href=\"../../glossary/index.html#teacher-model\" data-term=\"teacher-model\" title=\"The large network.\">teacher model</a>"
            #expect(alpha.contains(link))
            #expect(alpha.components(separatedBy: "data-term=\"teacher-model\"").count == 2, "linked once")
            // An explicit link to a term's file also becomes a term link.
            #expect(alpha.contains("data-term=\"temperature\""))
            let beta = try site.page("lessons/beta/index.html")
            #expect(beta.contains(">temperature</a> softens"))
            #expect(
                beta.contains("the <a href=\"../../glossary/index.html#teacher-model\" data-term=\"teacher-model\""))
            #expect(
                beta.contains("<h2 id=\"teacher-in-a-heading-is-not-linked\">Teacher in a heading is not linked</h2>"))
            let glossary = try site.page("glossary/index.html")
            #expect(glossary.contains("<section class=\"term\" id=\"teacher-model\">"))
            #expect(glossary.contains("Also: teacher"))
        }
    }

    @Test func linksBetweenPagesAreRelativeAndNameTheFile() async throws {
        try await built { site in
            let alpha = try site.page("lessons/alpha/index.html")
            #expect(alpha.contains("<a href=\"../../lessons/beta/index.html#start\">beta</a>"))
            let home = try site.page("index.html")
            #expect(home.contains("<a href=\"lessons/alpha/index.html\">alpha</a>"))
            for (path, html) in TestSite.snapshot(site.output) where path.hasSuffix(".html") && path != "404.html" {
                let text = String(decoding: html, as: UTF8.self)
                #expect(!text.contains("href=\"/"), "\(path) has a root-relative link")
                #expect(!text.contains("src=\"/"), "\(path) has a root-relative source")
            }
        }
    }

    @Test func gfmFeaturesAndMath() async throws {
        try await built { site in
            let alpha = try site.page("lessons/alpha/index.html")
            #expect(alpha.contains("<table>"))
            #expect(alpha.contains("<del>struck</del>"))
            #expect(alpha.contains("type=\"checkbox\""))
            #expect(alpha.contains("href=\"https://example.org\""))
            #expect(alpha.contains("The note."))
            #expect(alpha.contains("$5 and $10"))
            #expect(alpha.contains("<code class=\"math\">a_1 * b_2 = c</code>"))
            #expect(alpha.contains("<code>code with $x$</code>"))
        }
    }

    @Test func codeBlocks() async throws {
        try await built { site in
            let alpha = try site.page("lessons/alpha/index.html")
            #expect(
                alpha.contains(
                    "<div class=\"code-block\" data-language=\"swift\"><pre><code class=\"language-swift\">let x = 1\n</code></pre></div>"
                ))
            #expect(!alpha.contains("let y = 2"), "a hidden block is not shown")
            #expect(alpha.contains("<code class=\"language-python\">print(&quot;not run&quot;)"))
            #expect(!alpha.contains("kd-output"), "no outputs without a snippet runner")
        }
    }

    @Test func faqQuestionsAreDetails() async throws {
        try await built { site in
            let faq = try site.page("faq/index.html")
            #expect(faq.contains("<details class=\"faq\" id=\"why-t\">"))
            #expect(faq.contains("<summary>Why <code class=\"math\">T</code>?</summary>"))
            #expect(faq.contains("<details class=\"faq\" id=\"second-question\">"))
            #expect(faq.contains("Questions first asked about the fixture."))
        }
    }

    @Test func mapMarksNodesAndStates() async throws {
        try await built { site in
            for path in ["map/index.html", "index.html"] {
                let html = try site.page(path)
                #expect(html.contains("data-map-node=\"alpha\" data-state=\"unlocked\""))
                #expect(html.contains("data-map-node=\"beta\" data-state=\"locked\""))
                #expect(html.contains("<path class=\"edge\""))
            }
            #expect(try site.page("map/index.html").contains("href=\"../lessons/beta/index.html\""))
        }
    }

    @Test func hackerspaceTableNotFoundAndSitemap() async throws {
        try await built { site in
            let space = try site.page("hackerspace/index.html")
            #expect(space.contains("<h1>Deployments</h1>"))
            #expect(
                space.contains(
                    "<a href=\"#test-board\">Test board</a></th><td>fixture model</td><td>10 KB</td><td>2 KB</td><td>90%</td>"
                ))
            // The introduction up to its first `##`, the table and the entries, then the guide.
            let order = [
                "Send yours.", "<table class=\"devices\">", "<section class=\"entry\" id=\"test-board\">",
                "<h2 id=\"add-yours\">Add yours</h2>", "One Markdown file per board.",
            ]
            let positions = order.compactMap { space.range(of: $0)?.lowerBound }
            #expect(
                positions.count == order.count && positions == positions.sorted(),
                "\(order.filter { !space.contains($0) })")
            let notFound = try site.page("404.html")
            #expect(notFound.contains("href=\"/fixture/index.html\""))
            #expect(notFound.contains("href=\"/fixture/assets/style."))
            let sitemap = try site.page("sitemap.xml")
            #expect(sitemap.contains("<loc>https://example.org/fixture/lessons/alpha/</loc>"))
            #expect(sitemap.contains("<loc>https://example.org/fixture/</loc>"))
            #expect(!sitemap.contains("404"))
        }
    }

    @Test func pagesDeclareLanguageSearchAndColorSchemes() async throws {
        try await built { site in
            let home = try site.page("index.html")
            #expect(home.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
            #expect(home.contains("<input type=\"search\" data-search"))
            #expect(home.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
            let css = try #require(
                TestSite.snapshot(site.output).first { $0.key.hasPrefix("assets/style.") && $0.key.hasSuffix(".css") }?
                    .value)
            let text = String(decoding: css, as: UTF8.self)
            #expect(text.contains("@media (prefers-color-scheme: dark)"))
            #expect(text.contains(":root[data-theme=\"dark\"]"))
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("@import"))
        }
    }

    @Test func pluginsAreUsedWhenGiven() async throws {
        struct UpperMath: MathRendering {
            func render(tex: String, display: Bool) throws -> String { "<math>\(tex.uppercased())</math>" }
        }
        struct Marker: CodeHighlighting {
            func highlight(_ code: String, language: String) -> String? {
                language == "swift" ? "<span class=\"hl\">code</span>" : nil
            }
        }
        let site = try TestSite()
        defer { site.remove() }
        let report = try await site.build(plugins: RenderPlugins(math: UpperMath(), highlighter: Marker()))
        #expect(report.succeeded)
        let alpha = try site.page("lessons/alpha/index.html")
        #expect(alpha.contains("<math>A_1 * B_2 = C</math>"))
        #expect(alpha.contains("<code class=\"language-swift\"><span class=\"hl\">code</span></code>"))
    }

    @Test(arguments: [
        ("A formula $1 + ‹here›\\fraq{1}{2}$ here.\n", "unknown command '\\fraq'; did you mean '\\frac'?"),
        ("Display:\n\n$$\n  x^2 +\n  ‹here›\\bad\n$$\n", "unknown command '\\bad'"),
        ("- In a list: \\(a ‹here›} b\\)\n", "unmatched '}'"),
    ])
    func mathErrorsPointAtTheOffendingCharacter(markdown: String, message: String) async throws {
        let fixture = try MarkedSite(DiagnosticLocationTests.lessonHead + "\n" + markdown, at: "lessons/03-gamma.md")
        defer { fixture.remove() }
        let report = try await fixture.build(plugins: .standard)
        #expect(report.diagnostics.map(\.location) == [try fixture.location()])
        #expect(report.diagnostics.first?.message.hasPrefix(message) == true, "\(report.diagnostics)")
    }

    @Test func standardPluginsRenderMathMLAndHighlight() async throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(try await site.build(plugins: .standard).succeeded)
        let alpha = try site.page("lessons/alpha/index.html")
        #expect(alpha.contains("<math><semantics>"))
        #expect(alpha.contains("<span class=\"kd-kw\">let</span>"))
        #expect(!alpha.contains("<code class=\"math\">"))
    }
}
