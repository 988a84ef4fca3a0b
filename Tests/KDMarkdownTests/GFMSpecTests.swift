import Foundation
import Testing

@testable import KDMarkdown

/// Every example of the GFM spec (CommonMark plus tables, strikethrough, autolinks, task
/// lists), rendered by KDMarkdown and compared with the spec's HTML.
@Suite struct GFMSpecTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var number: Int
        var line: Int
        var section: String
        var markdown: String
        var html: String
        var testDescription: String { "example \(number) (line \(line), \(section))" }
    }

    /// Examples whose expected output differs from KDMarkdown's on purpose, by number.
    static let deliberate: [Int: String] = [
        308: "`\\[` … `\\]` is display math in kdsite, so the spec's escaped brackets become a formula",
        610: "the autolink extension is on: bare URLs inside `<… >` are links",
        614: "the autolink extension is on: bare e-mail addresses are links",
        616: "the autolink extension is on: bare URLs are links",
        619: "the autolink extension is on: bare URLs are links",
        620: "the autolink extension is on: bare e-mail addresses are links",
        653: "no tag filter: kdsite renders its own authors' raw HTML as written",
    ]

    static let examples: [Example] = {
        guard let url = Bundle.module.url(forResource: "Fixtures/gfm-spec", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return parse(spec: text)
    }()

    static func parse(spec: String) -> [Example] {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var lines = spec.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        var lineNumber = 0
        while let line = lines.next() {
            lineNumber += 1
            if line.hasPrefix("#") { section = line.drop { $0 == "#" || $0 == " " }.description }
            guard line.hasPrefix(fence + " example") else { continue }
            let start = lineNumber
            var markdown: [Substring] = []
            var html: [Substring] = []
            var inHTML = false
            while let body = lines.next() {
                lineNumber += 1
                if body == fence { break }
                if body == "." && !inHTML { inHTML = true; continue }
                if inHTML { html.append(body) } else { markdown.append(body) }
            }
            func join(_ part: [Substring]) -> String {
                part.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
            }
            examples.append(
                Example(
                    number: examples.count + 1, line: start, section: section,
                    markdown: join(markdown), html: join(html)))
        }
        return examples
    }

    /// Removes what KDMarkdown adds on purpose: heading ids, task-list classes, alignment as a
    /// class; reads `&#39;` as `'` (KDMarkdown escapes both quotes); writes the checkbox as the
    /// spec's normalised HTML does.
    static func normalize(_ html: String) -> String {
        var s = html.replacingOccurrences(of: "&#39;", with: "'")
        s = s.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
        s = s.replacingOccurrences(
            of: #" class="align-([a-z]+)""#, with: #" align="$1""#,
            options: .regularExpression)
        s = s.replacingOccurrences(of: #" class="contains-task-list""#, with: "")
        s = s.replacingOccurrences(of: #"<li class="task-list-item">"#, with: "<li>")
        s = s.replacingOccurrences(
            of: #"<input type="checkbox" class="task-list-item-checkbox" disabled="" checked="" />"#,
            with: #"<input checked="" disabled="" type="checkbox">"#)
        s = s.replacingOccurrences(
            of: #"<input type="checkbox" class="task-list-item-checkbox" disabled="" />"#,
            with: #"<input disabled="" type="checkbox">"#)
        return s
    }

    @Test func specIsLoaded() {
        #expect(Self.examples.count == 673)
        #expect(Self.examples[307].markdown.hasPrefix("\\!\\\"\\#"))
    }

    @Test(arguments: examples)
    func example(_ example: Example) {
        let html = Self.normalize(HTMLRenderer().render(Markdown.parse(example.markdown)))
        if let reason = Self.deliberate[example.number] {
            #expect(html != example.html, "no longer differs: \(reason)")
        } else {
            #expect(html == example.html, "markdown:\n\(example.markdown)")
        }
    }
}
