import Foundation
import KDMarkdown

/// Markdown: parse (math lifting + cmark-gfm + tree) and render HTML, one thread, CPU time, on a
/// generated lesson-sized page with prose, inline and display math, code, lists, a table and
/// footnotes. Hugo's goal is thousands of pages per second; per core that means well under a
/// millisecond for the Markdown part of a page.
enum MarkdownBench {
    static func run(_ report: inout BenchReport) {
        let page = generatedPage(seed: 1)
        let bytes = Double(page.utf8.count)
        let document = Markdown.parse(page)
        let renderer = HTMLRenderer()
        let parse = cpuMeasure(runs: 15) { _ = Markdown.parse(page) }
        let render = cpuMeasure(runs: 15) { _ = renderer.render(document) }
        let both = cpuMeasure(runs: 15) { _ = renderer.render(Markdown.parse(page)) }
        let kb = String(format: "%.0f KB page", bytes / 1024)
        report.record("markdown", "parse + render, pages", 1 / both, "pages/s", note: kb)
        report.record("markdown", "parse + render", bytes / both / 1e6, "MB/s", note: kb)
        report.record("markdown", "parse (lift math, cmark, tree)", bytes / parse / 1e6, "MB/s", note: kb)
        report.record("markdown", "render HTML", bytes / render / 1e6, "MB/s", note: kb)

        // The same amount of prose without a `$` or `\`: what lifting math costs.
        let plain = page.replacingOccurrences(of: "$", with: "S").replacingOccurrences(of: "\\", with: "/")
        let plainParse = cpuMeasure(runs: 15) { _ = Markdown.parse(plain) }
        report.record(
            "markdown", "parse without math", bytes / plainParse / 1e6, "MB/s",
            note: String(format: "math costs %.0f%%", (parse / plainParse - 1) * 100))

        let book = (1...50).map { generatedPage(seed: UInt64($0)) }.joined(separator: "\n\n")
        let bookBytes = Double(book.utf8.count)
        let mb = String(format: "%.1f MB", bookBytes / 1e6)
        let bookDocument = Markdown.parse(book)
        let largeParse = cpuMeasure(runs: 3) { _ = Markdown.parse(book) }
        let largeRender = cpuMeasure(runs: 3) { _ = renderer.render(bookDocument) }
        report.record("markdown", "parse, one large document", bookBytes / largeParse / 1e6, "MB/s", note: mb)
        report.record("markdown", "render, one large document", bookBytes / largeRender / 1e6, "MB/s", note: mb)
    }

    /// A deterministic lesson page of about 20 KB.
    static func generatedPage(seed: UInt64) -> String {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func pick<T>(_ options: [T]) -> T {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return options[Int((state >> 33) % UInt64(options.count))]
        }
        let words = [
            "teacher", "student", "logits", "temperature", "soft", "targets", "distillation",
            "the", "a", "of", "with", "*dark knowledge*", "**loss**", "`softmax`", "model",
            "[accuracy](../accuracy/)", "int8", "microcontroller", "weights", "error", "and",
        ]
        let inline = [
            "$T > 1$", "$q_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$", "$\\alpha$", "\\(z_s\\)",
            "$p_i^{(T)}$", "$\\mathcal{L}_{KD}$", "$5",
        ]
        var out = "# Lesson \(seed): distilling a teacher\n\n"
        for section in 1...6 {
            out += "## Section \(section) of the $T^2$ factor\n\n"
            for _ in 0..<3 {
                for _ in 0..<60 { out += pick(words) + " " }
                out += pick(inline) + " and " + pick(inline) + " then" + pick(["[^n]", "", ""]) + ".\n"
                for _ in 0..<40 { out += pick(words) + " " }
                out += "\n\n"
            }
            out +=
                "$$\n\\mathcal{L} = \\alpha\\, CE(y, \\sigma(z_s)) + (1-\\alpha)\\, T^2\\,"
                + " KL\\big(\\sigma(z_t/T) \\,\\|\\, \\sigma(z_s/T)\\big)\n$$\n\n"
            out +=
                "```swift\nlet loss = distillationLoss(studentLogits: s, teacherLogits: t,"
                + " labels: y, temperature: 4, alpha: 0.1)\nprint(\"loss $\\(loss)\")\n```\n\n"
            out += "- first $x_1$ point\n- second point with `code`\n- [x] done\n\n"
            out += "| T | $q_1$ | $q_2$ |\n|--:|:-:|:--|\n| 1 | 0.9 | 0.1 |\n| 4 | 0.6 | 0.4 |\n\n"
        }
        out += "[^n]: A footnote with $\\epsilon$.\n"
        return out
    }
}
