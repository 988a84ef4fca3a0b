import Foundation
import Testing

@testable import KDMath

@Suite("Corpus: every formula converts")
struct CorpusTests {
    @Test func corpusIsLargeEnough() {
        #expect(Corpus.entries.count >= 150)
    }

    @Test(arguments: Corpus.entries)
    func converts(_ entry: CorpusEntry) throws {
        let markup = try MathML.render(entry.tex, display: entry.display)
        #expect(MarkupChecker.problems(in: markup) == [])
        #expect(!markup.contains(" style="))
        #expect(markup.hasPrefix(entry.display ? "<math display=\"block\"><semantics>" : "<math><semantics>"))
        // No TeX reaches the page: outside the annotation, no control sequence survives.
        let body = markup.components(separatedBy: "<annotation")[0]
        #expect(body.range(of: #"\\[A-Za-z]"#, options: .regularExpression) == nil)
        // The annotation holds the source, escaped.
        let escaped = entry.tex.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(
            markup.hasSuffix("<annotation encoding=\"application/x-tex\">\(escaped)</annotation></semantics></math>"))
        // Deterministic.
        #expect(try MathML.render(entry.tex, display: entry.display) == markup)
    }

    /// Writes every formula to one page (`$TMPDIR/kdmath-corpus.html`) for a look in a browser:
    /// `chromium --headless --screenshot=… file://$TMPDIR/kdmath-corpus.html`.
    @Test func writesVisualPage() throws {
        var rows = ""
        for entry in Corpus.entries {
            let markup = try MathML.render(entry.tex, display: entry.display)
            let source = entry.tex.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;")
            rows +=
                "<tr><td class=tex>\(source)</td><td>\(entry.display ? markup : "In text \(markup) and on.")</td></tr>\n"
        }
        let page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>KDMath corpus</title><style>
            body { font: 20px/1.5 "DejaVu Serif", serif; margin: 1em; }
            math { font-family: "DejaVu Math TeX Gyre", math; }
            table { border-collapse: collapse; width: 100%; }
            td { border-bottom: 1px solid #ddd; padding: 4px 8px; vertical-align: middle; }
            td.tex { font: 12px monospace; color: #555; width: 40%; word-break: break-all; }
            td + td { width: 60%; }
            \(MathML.stylesheet)
            </style></head><body><table>
            \(rows)</table></body></html>
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kdmath-corpus.html")
        try page.write(to: url, atomically: true, encoding: .utf8)
        #expect(page.components(separatedBy: "<math").count - 1 == Corpus.entries.count)
    }
}
