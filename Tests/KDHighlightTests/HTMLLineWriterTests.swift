import Foundation
import Testing

@testable import KDHighlight

@Suite("Per-line HTML")
struct HTMLLineWriterTests {
    @Test func escapesEverythingAndWrapsTokens() {
        #expect(
            Highlighter.highlight("if a < b && c > \"<b>&amp;\" {}", language: "swift") == [
                "<span class=\"kd-kw\">if</span> a &lt; b &amp;&amp; c &gt; "
                    + "<span class=\"kd-str\">\"&lt;b&gt;&amp;amp;\"</span> {}"
            ])
    }

    @Test func spansAreClosedAndReopenedAcrossLines() {
        let lines = Highlighter.highlight("x /* one\n\ntwo */ y", language: "swift")
        #expect(
            lines == [
                "x <span class=\"kd-com\">/* one</span>",
                "",
                "<span class=\"kd-com\">two */</span> y",
            ])
    }

    @Test func lineCountMatchesSource() {
        #expect(Highlighter.highlight("a\nb\n", language: "swift").count == 2)
        #expect(Highlighter.highlight("a\nb", language: "swift").count == 2)
        #expect(Highlighter.highlight("a\n\n", language: "swift") == ["a", ""])
        #expect(Highlighter.highlight("", language: "swift") == [])
        #expect(Highlighter.highlight("\n", language: "swift") == [""])
    }

    @Test func carriageReturnsAreDropped() {
        #expect(
            Highlighter.highlight("let a = 1\r\nb\r\n", language: "swift") == [
                "<span class=\"kd-kw\">let</span> a = <span class=\"kd-num\">1</span>", "b",
            ])
    }

    @Test func docCommentsCarryBothClasses() {
        #expect(Highlighter.highlight("/// hi", language: "swift") == ["<span class=\"kd-com kd-doc\">/// hi</span>"])
    }

    @Test func unknownLanguageIsEscapedOnly() {
        #expect(Highlighter.highlight("<let> & \"x\"\n", language: "brainfuck") == ["&lt;let&gt; &amp; \"x\""])
        #expect(!Highlighter.supports("text"))
        #expect(Highlighter.supports("Swift"))
        #expect(Highlighter.supports("yml"))
    }

    /// Stripping the tags and unescaping gives back the source, line by line, for every
    /// language and every fixture: no byte is lost, duplicated or left unescaped.
    @Test(arguments: ["swift", "c", "sh", "yaml", "json", "python"])
    func textIsPreserved(language: String) throws {
        let source = try fixture(language)
        let lines = Highlighter.highlight(source, language: language)
        let expected = source.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == expected.count - (source.hasSuffix("\n") ? 1 : 0))
        for (html, line) in zip(lines, expected) {
            #expect(!html.contains("<span class=\"kd-kw\"></span>"))
            #expect(unescape(stripTags(html)) == String(line))
            #expect(balanced(html), "unbalanced spans: \(html)")
        }
    }

    private func stripTags(_ html: String) -> String {
        html.replacingOccurrences(of: #"<span class="[a-z -]+">"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "</span>", with: "")
    }

    private func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private func balanced(_ html: String) -> Bool {
        html.components(separatedBy: "<span").count == html.components(separatedBy: "</span>").count
            && !stripTags(html).contains("<")
    }
}
