import Testing

@testable import KDSite

@Suite("Syntax highlighter seam")
struct SyntaxHighlighterTests {
    @Test func highlightsKnownLanguagesAndKeepsTheFinalNewline() {
        let html = SyntaxHighlighter().highlight("let a = 1\n/* x\ny */\n", language: "swift")
        #expect(
            html == "<span class=\"kd-kw\">let</span> a = <span class=\"kd-num\">1</span>\n"
                + "<span class=\"kd-com\">/* x</span>\n<span class=\"kd-com\">y */</span>\n")
    }

    @Test func unknownLanguagesAreLeftToTheCaller() {
        #expect(SyntaxHighlighter().highlight("a < b", language: "text") == nil)
    }

    @Test func wrapsLinesForWalkthroughs() {
        let html = SyntaxHighlighter(wrapsLines: true).highlight("x\n\ny", language: "swift")
        #expect(
            html
                == "<span class=\"kd-line\" data-line=\"1\">x</span>\n<span class=\"kd-line\" data-line=\"2\"></span>\n"
                + "<span class=\"kd-line\" data-line=\"3\">y</span>")
    }
}
