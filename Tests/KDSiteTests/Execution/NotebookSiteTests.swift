import Foundation
import Testing

@testable import KDSite

/// The execution fixture site built once with the real runner and the built engine: every
/// output lands under its block, blocks share state, exported values reach prose, quizzes
/// and other pages, every chart kind is drawn, `fails` blocks show their error.
@Suite("Snippets run at build time")
struct NotebookSiteTests {
    struct Built: Sendable {
        var site: TestSite
        var report: BuildReport
    }

    /// One build shared by the tests of this suite (its folder is left in the temporary folder).
    static let built = Task { () throws -> Built in
        let site = try ExecutionTesting.site()
        let report = try await ExecutionTesting.build(site)
        return Built(site: site, report: report)
    }

    func page(_ path: String) async throws -> String {
        let built = try await Self.built.value
        #expect(built.report.succeeded, "\(built.report.printed)")
        return try built.site.page(path)
    }

    /// The `<figure class="kd-output" data-block=N>` of block N, or nil.
    func output(_ html: String, block: Int) -> String? {
        guard let start = html.range(of: "<figure class=\"kd-output\" data-block=\"\(block)\">"),
            let end = html.range(of: "</figure>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func buildSucceedsWithoutDiagnostics() async throws {
        let built = try await Self.built.value
        #expect(built.report.succeeded)
        #expect(built.report.printed == [])
    }

    @Test func laterBlocksSeeEarlierDeclarations() async throws {
        let html = try await page("lessons/notebook/index.html")
        // Block 2 uses `numbers` from the hidden block 1; block 3 uses `mean` from block 2.
        #expect(output(html, block: 2)?.contains("<pre class=\"text\">rows: 4\n</pre>") == true)
        #expect(output(html, block: 3)?.contains("<pre class=\"text\">above the mean: 1\n</pre>") == true)
    }

    @Test func outputsKeepTheirOrderWithinABlock() async throws {
        let block = try #require(output(try await page("lessons/notebook/index.html"), block: 3))
        let text = try #require(block.range(of: "above the mean"))
        let table = try #require(block.range(of: "<table class=\"kd-table\"><caption>Numbers</caption>"))
        let after = try #require(block.range(of: "after the table"))
        #expect(text.lowerBound < table.lowerBound && table.lowerBound < after.lowerBound)
        #expect(block.contains("<td>d</td><td class=\"kd-num\">8.0</td>"))
    }

    @Test func hiddenBlocksRunUnseenAndNorunBlocksNeverRun() async throws {
        let html = try await page("lessons/notebook/index.html")
        #expect(!html.contains("nobody sees this"))
        #expect(output(html, block: 1) == nil)
        #expect(html.contains("a norun block is shown, never run"))
        #expect(output(html, block: 5) == nil)
    }

    @Test(arguments: [
        ("kd-chart-line", "Running total"), ("kd-chart-bar", "Values"), ("kd-chart-groupedBar", "Twice"),
        ("kd-chart-heatmap", "Products"), ("kd-chart-scatter", "Value against square"),
        ("kd-chart-bar", "Softmax of the values"), ("kd-digit", "Digit image, checkers"),
    ])
    func everyFigureKindIsDrawn(kind: String, title: String) async throws {
        let block = try #require(output(try await page("lessons/notebook/index.html"), block: 4))
        // Each figure's root carries its kind; its <title> follows.
        let figures = block.components(separatedBy: "<svg ").dropFirst().map { figure in
            (
                kind: figure.contains("class=\"kd-figure \(kind)\""),
                title: figure.components(separatedBy: "-title\">").dropFirst().first?.components(
                    separatedBy: "</title>"
                ).first
            )
        }
        #expect(figures.contains { $0.kind && $0.title == title }, "no \(kind) figure titled \(title)")
    }

    @Test func theSliderCarriesTheLogits() async throws {
        let block = try #require(output(try await page("lessons/notebook/index.html"), block: 4))
        #expect(block.contains("data-logits=\"[1.5,4.0,2.5,8.0]\""))
        #expect(block.contains("data-widget=\"temperature\""))
        #expect(block.contains("id=\"kd-notebook-w"))
    }

    @Test func exportedValuesReachProseQuizzesAndOtherPages() async throws {
        let notebook = try await page("lessons/notebook/index.html")
        #expect(notebook.contains("The data has 4 rows; their mean is 4.00."))
        #expect(notebook.contains("What is the mean of the 4 values?"))
        #expect(notebook.contains("It is 4.00, computed when the site was built ("))
        let walkthrough = try await page("lessons/walkthrough/index.html")
        #expect(walkthrough.contains("The first lesson counted 4 rows; this one doubles them into 42."))
        let glossary = try await page("glossary/index.html")
        #expect(glossary.contains("Turns logits into probabilities that sum to 1."))
        #expect(glossary.contains("[0.665, 0.245, 0.09]"))
    }

    /// A value cited inside a formula is typeset as part of it: a number as a math number, a
    /// formatted value (`50%`) as text, in prose, display math and a quiz's explanation.
    @Test func exportedValuesReachFormulas() async throws {
        let notebook = try await page("lessons/notebook/index.html")
        #expect(
            !notebook.contains("kd.rowCount") && !notebook.contains("kd.half") && !notebook.contains("kd.meanValue"))
        #expect(
            notebook.contains("<mi>n</mi><mo>=</mo><mrow><mn>4</mn></mrow>")
                || notebook.contains("<mi>n</mi><mo>=</mo><mn>4</mn>"))
        #expect(notebook.contains("<mtext>50%</mtext>"))
        #expect(notebook.contains("<mn>4.00</mn>"))
    }

    @Test func failsBlocksShowTheirErrorAndLaterBlocksStillRun() async throws {
        let html = try await page("lessons/walkthrough/index.html")
        let compile = try #require(output(html, block: 3))
        #expect(
            compile.contains(
                """
                <pre class="failure">error: cannot convert value of type &#39;Double&#39; to specified type &#39;Int&#39;
                let half: Int = 0.5 * Double(doubled)
                                    ^</pre>
                """), "\(compile)")
        let trap = try #require(output(html, block: 4))
        #expect(
            trap.contains(
                "<pre class=\"text\">before the trap\n</pre>\n<pre class=\"failure\">Fatal error: Index out of range</pre>"
            ), "\(trap)")
        #expect(output(html, block: 5)?.contains("blocks after a failing one still run: 43") == true)
    }

    @Test func walkthroughStepsRunAsBlocks() async throws {
        let html = try await page("lessons/walkthrough/index.html")
        #expect(html.contains("<section class=\"walkthrough\" data-walkthrough=\"double.swift\""))
        #expect(html.contains("<li class=\"walkthrough-step\" data-step=\"2\">"))
        #expect(output(html, block: 2)?.contains("doubled: 42") == true)
    }

    @Test func outputsCarryTheirProvenance() async throws {
        let block = try #require(output(try await page("lessons/notebook/index.html"), block: 2))
        let engine = try EngineLibraries(directory: URL(fileURLWithPath: try ExecutionTesting.engineDirectory))
        let caption = try #require(
            block.firstMatch(
                of:
                    /<figcaption class="kd-provenance" data-engine="([0-9a-f]+)" data-ran="([0-9TZ:-]+)" title="[^"]*">KDEngine ([0-9a-f]+) · [0-9.]+ s · ([0-9-]+)<\/figcaption>/
            ), "\(block)")
        #expect(caption.1 == engine.shortFingerprint)
        #expect(caption.3 == engine.shortFingerprint.prefix(8))
        let ranAt = try #require(try? Date(String(caption.2), strategy: .iso8601), "data-ran is an ISO 8601 time")
        #expect(abs(ranAt.timeIntervalSinceNow) < 3600, "the run was made by this test's build")
        #expect(caption.4 == caption.2.prefix(10), "the day it ran is shown")
    }
}
