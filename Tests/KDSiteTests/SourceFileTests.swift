import Testing

@testable import KDSite

/// `SourceFile`'s line table, which every diagnostic position goes through.
@Suite("Source file lines")
struct SourceFileTests {
    @Test(arguments: [
        ("", [""]),
        ("one", ["one"]),
        ("one\ntwo\n", ["one", "two", ""]),
        ("one\r\ntwo\r\n\r\nfour", ["one", "two", "", "four"]),
        ("é\u{301}\n$\\frac{a}{b}$ — ok\n", ["é\u{301}", "$\\frac{a}{b}$ — ok", ""]),
        ("\n\n", ["", "", ""]),
        ("cr\ronly\n", ["cr\ronly", ""]),
    ])
    func linesSplitAtNewlines(text: String, expected: [String]) {
        let file = SourceFile(path: "Content/x.md", relativePath: "x.md", text: text)
        #expect(file.lines.map(String.init) == expected)
    }

    @Test func columnsAndSearchUseTheLines() {
        let file = SourceFile(path: "Content/x.md", relativePath: "x.md", text: "title: é\r\nbody {{ kd.acc }}\r\n")
        #expect(file.utf8Column(line: 1, scalarColumn: 9) == 10)
        #expect(file.find("{{ kd.acc }}", from: 1) == FileLocation(path: "Content/x.md", line: 2, column: 6))
    }
}
