import Foundation
import KDMarkdown
import Testing

@testable import KDSite

/// The Markdown passes on their own: glossary linking, value references, fence options,
/// link resolution, suggestions.
@Suite("Markdown passes")
struct PassTests {
    static let terms: [GlossaryTerm] = {
        let file = SourceFile(path: "g.md", relativePath: "glossary/g.md", text: "")
        func term(_ slug: String, _ name: String, _ aliases: [String]) -> GlossaryTerm {
            let at = FileLocation(path: "g.md", line: 1, column: 1)
            return GlossaryTerm(
                slug: slug, term: Located(name, at: at), aliases: aliases.map { Located($0, at: at) },
                markdown: MarkdownSource(file: file, text: "", firstLine: 1))
        }
        return [
            term("teacher-model", "teacher model", ["teacher"]), term("soft-targets", "soft targets", ["soft target"]),
        ]
    }()

    func linked(_ markdown: String) -> String {
        var linker = GlossaryLinker(terms: Self.terms)
        let document = linker.rewrite(Markdown.parse(markdown)) ?? Node(.document)
        return HTMLRenderer().render(document)
    }

    @Test(arguments: [
        ("The teacher model teaches.", "<p>The <a href=\"kdsite-term:teacher-model\">teacher model</a> teaches.</p>\n"),
        ("Teachers, then a teacher.", "<p><a href=\"kdsite-term:teacher-model\">Teachers</a>, then a teacher.</p>\n"),
        (
            "A teachership is not a teacher.",
            "<p>A teachership is not a <a href=\"kdsite-term:teacher-model\">teacher</a>.</p>\n"
        ),
        (
            "`teacher` in code, then teacher.",
            "<p><code>teacher</code> in code, then <a href=\"kdsite-term:teacher-model\">teacher</a>.</p>\n"
        ),
        (
            "[the teacher](x.md) and a teacher.",
            "<p><a href=\"x.md\">the teacher</a> and a <a href=\"kdsite-term:teacher-model\">teacher</a>.</p>\n"
        ),
        (
            "Soft targets and a soft target from the teacher.",
            "<p><a href=\"kdsite-term:soft-targets\">Soft targets</a> and a soft target from the <a href=\"kdsite-term:teacher-model\">teacher</a>.</p>\n"
        ),
        (
            "$teacher$ is math; the teacher is not.",
            "<p><code class=\"math\">teacher</code> is math; the <a href=\"kdsite-term:teacher-model\">teacher</a> is not.</p>\n"
        ),
    ])
    func glossaryLinksFirstUse(markdown: String, html: String) {
        #expect(linked(markdown) == html)
    }

    @Test func headingsAreNotLinked() {
        #expect(
            linked("# The teacher\n\nA teacher.")
                == "<h1 id=\"the-teacher\">The teacher</h1>\n<p>A <a href=\"kdsite-term:teacher-model\">teacher</a>.</p>\n"
        )
    }

    @Test(arguments: [
        (
            "{{ kd.accuracy }}",
            [
                ValueReferences.Reference(
                    token: "{{ kd.accuracy }}", page: nil, name: "accuracy", range: "".startIndex..<"".startIndex)
            ]
        ),
        (
            "a {{kd.the-teacher.size}} b",
            [
                ValueReferences.Reference(
                    token: "{{kd.the-teacher.size}}", page: "the-teacher", name: "size",
                    range: "".startIndex..<"".startIndex)
            ]
        ),
        ("{{ other }} and {{ kd }}", []),
    ])
    func valueReferencesAreFound(text: String, expected: [ValueReferences.Reference]) {
        let found = ValueReferences.references(in: text).map { ($0.token, $0.page, $0.name) }
        #expect(found.map(\.0) == expected.map(\.token))
        #expect(found.map(\.1) == expected.map(\.page))
        #expect(found.map(\.2) == expected.map(\.name))
    }

    @Test func valuesAreSubstitutedAndUnknownOnesDiagnosed() {
        let values = ValueReferences(values: ["the-teacher": ["accuracy": "97.2%"], "other": ["n": "3"]])
        var diagnostics = DiagnosticList()
        let at = FileLocation(path: "x.md", line: 4, column: 2)
        let text = values.substitute(
            in: "got {{ kd.accuracy }}, {{ kd.other.n }} and {{ kd.acuracy }}", on: "the-teacher",
            diagnostics: &diagnostics
        ) { _ in at }
        #expect(text == "got 97.2%, 3 and {{ kd.acuracy }}")
        #expect(
            diagnostics.items.map(\.description) == [
                "x.md:4:2: error: unknown value 'kd.acuracy'; did you mean 'accuracy'?"
            ])
    }

    @Test(arguments: [
        ("4", "{4}"), ("-0.25", "{-0.25}"), ("93.1%", "\\text{93.1\\%}"), ("a_b & {c}", "\\text{a\\_b \\& \\{c\\}}"),
        ("1.2.3", "\\text{1.2.3}"), ("C:\\x", "\\text{C:\\textbackslash x}"),
    ])
    func valuesInFormulasAreTeXSafe(value: String, tex: String) {
        #expect(TeXText.literal(value) == tex)
    }

    @Test func valuesInFormulasAreSubstitutedAndUnknownOnesDiagnosed() {
        let values = ValueReferences(values: ["p": ["T": "4", "acc": "93.1%"]])
        var diagnostics = DiagnosticList()
        let at = FileLocation(path: "x.md", line: 2, column: 5)
        let document = Markdown.parse("$T = {{ kd.T }}$ and\n\n$$a = {{ kd.acc }} + {{ kd.ac }}$$\n")
        let resolved = values.resolve(document, pageID: "p", diagnostics: &diagnostics) { _ in { _ in at } }
        var formulas: [String] = []
        func collect(_ node: Node) {
            if case .math(let tex, _) = node.kind { formulas.append(tex) }
            node.children.forEach(collect)
        }
        collect(resolved)
        #expect(formulas == ["T = {4}", "a = \\text{93.1\\%} + {{ kd.ac }}"])
        #expect(diagnostics.items.map(\.description) == ["x.md:2:5: error: unknown value 'kd.ac'; did you mean 'acc'?"])
    }

    @Test func fenceOptions() {
        let walkthrough = FenceInfo("swift step=3 of=distillation.swift")
        #expect(walkthrough.isSwift && walkthrough.runs && walkthrough.isShown)
        #expect(walkthrough.value("step") == "3" && walkthrough.value("of") == "distillation.swift")
        #expect(walkthrough.problems().isEmpty)
        #expect(!FenceInfo("swift hidden").isShown && FenceInfo("swift hidden").runs)
        #expect(!FenceInfo("swift norun").runs && FenceInfo("swift norun").isShown)
        #expect(FenceInfo("Swift").isSwift && FenceInfo("quiz").isQuiz && !FenceInfo("python").runs)
        #expect(
            FenceInfo("swift step=0 of=a.swift").problems().map(\.message) == [
                "'step' must be a whole number from 1, not '0'"
            ])
        #expect(
            FenceInfo("swift step=2").problems().map(\.message) == [
                "a walkthrough step needs both 'step=N' and 'of=FILE'"
            ])
        #expect(FenceInfo("swift hidden=yes").problems().map(\.message) == ["fence option 'hidden' takes no value"])
        #expect(FenceInfo("swift  fails").problems().isEmpty)
        #expect(FenceInfo("swift norun hiden").problems().map(\.offset) == [12])
    }

    @Test(arguments: [
        ("02-b.md", "lessons/01-a.md", "lessons/02-b.md"),
        ("../glossary/t.md", "lessons/01-a.md", "glossary/t.md"),
        ("./lessons/../faq.md", "index.md", "faq.md"),
        ("lessons/01-a.md", "faq.md", "lessons/01-a.md"),
    ])
    func relativeLinksNormalize(link: String, from: String, expected: String) {
        #expect(LinkResolver.normalize(link, relativeTo: from) == expected)
    }

    @Test func linkSchemes() {
        #expect(LinkResolver.hasScheme("https://x.org"))
        #expect(LinkResolver.hasScheme("mailto:a@b.c"))
        #expect(!LinkResolver.hasScheme("02-b.md"))
        #expect(!LinkResolver.hasScheme("a/b:c.md"))
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("flaw", "lawn", 2), ("same", "same", 0)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(a, b) == distance)
    }

    @Test func suggestionsOnlyForLikelyTypos() {
        #expect(Suggestion.closest(to: "betta", in: ["alpha", "beta", "gamma"]) == "beta")
        #expect(Suggestion.closest(to: "zzz", in: ["alpha", "beta"]) == nil)
        #expect(Suggestion.didYouMean("hiden", in: ["hidden", "norun"]) == "; did you mean 'hidden'?")
    }
}
