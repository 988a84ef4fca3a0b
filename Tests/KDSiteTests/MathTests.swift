import Foundation
import KDMarkdown
import KDMath
import Testing

@testable import KDSite

/// TeX through KDMath at build time: MathML on the page, and a TeX mistake reported at the
/// offending character of the Markdown file, not at the start of its formula.
@Suite("Math rendered at build time")
struct MathTests {
    static let head = "---\ntitle: Gamma\nsummary: S.\norder: 3\nmap: {label: G, requires: [alpha]}\n---\n"

    @Test func formulasBecomeMathMLAndPricesStayText() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let report = try await site.build(plugins: RenderPlugins(math: MathMLRenderer()))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let alpha = try site.page("lessons/alpha/index.html")
        #expect(alpha.contains("<math><semantics><mrow><msub><mi>a</mi><mn>1</mn></msub>"))
        #expect(alpha.contains("<annotation encoding=\"application/x-tex\">a_1 * b_2 = c</annotation>"))
        #expect(alpha.contains("Costs are $5 and $10."))
        #expect(!alpha.contains("class=\"math\""))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var marked: String
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown command, inline", marked: "Text $x = ‹here›\\fraq{a}{b}$ end.\n",
            message: "unknown command '\\fraq'; did you mean '\\frac'?"),
        Case(
            name: "unknown command after $$", marked: "Intro.\n\n$$‹here›\\sigmaa$$\n",
            message: "unknown command '\\sigmaa'; did you mean '\\sigma'?"),
        Case(
            name: "second line of display math", marked: "$$\na + b\n= ‹here›\\fraq{1}{2}\n$$\n",
            message: "unknown command '\\fraq'; did you mean '\\frac'?"),
        Case(
            name: "after a multi-byte character", marked: "Ünïcode \\(z ‹here›& 1\\)\n",
            message: ""),
    ]

    @Test(arguments: cases)
    func errorAtTheOffendingCharacter(_ testCase: Case) async throws {
        let fixture = try MarkedSite(Self.head + testCase.marked, at: "lessons/03-gamma.md")
        defer { fixture.remove() }
        let report = try await fixture.build(plugins: RenderPlugins(math: MathMLRenderer()))
        let errors = report.diagnostics.filter { $0.severity == .error }
        try #require(errors.count == 1, "\(errors)")
        #expect(errors[0].location == (try fixture.location()))
        if !testCase.message.isEmpty {
            #expect(errors[0].message == testCase.message)
        }
    }

    /// Every formula in the course's own Markdown converts (quiz YAML aside, checked when the
    /// course builds).
    @Test func everyFormulaOfTheCourseConverts() throws {
        let content = TestSite.packageRoot.appendingPathComponent("Content")
        let files = try #require(FileManager.default.enumerator(atPath: content.path))
        var formulas = 0
        var failures: [String] = []
        while let relative = files.nextObject() as? String {
            guard relative.hasSuffix(".md"), !relative.hasPrefix("data/") else { continue }
            let text = try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
            var collector = MathCollector()
            collector.visit(Markdown.parse(text))
            for (tex, display) in collector.formulas {
                formulas += 1
                do { _ = try MathML.render(tex, display: display) } catch {
                    failures.append("\(relative): \(tex): \(error)")
                }
            }
        }
        #expect(formulas > 20)
        #expect(failures.isEmpty, "\(failures)")
    }
}

private struct MathCollector: MarkupWalker {
    var formulas: [(String, Bool)] = []
    mutating func visit(_ node: Node) {
        if case .math(let tex, let display) = node.kind { formulas.append((tex, display)) }
        descendInto(node)
    }
}
