import Foundation
import Testing

@testable import KDMath

/// A strict Content-Security-Policy (`style-src 'self'`) blocks `style` attributes, so the
/// converter writes classes and `MathML.stylesheet` styles them.
@Suite("No style attribute: classes, and the stylesheet for them")
struct StylesheetTests {
    /// Every construct that needs CSS beyond MathML Core.
    static let constructs: [String] = [
        #"\begin{aligned} a &= b & c &= d \\ &= e \end{aligned}"#,
        #"\begin{align*} x &= 1 \end{align*}"#,
        #"\begin{cases} 1 & x > 0 \\ 0 & \text{else} \end{cases}"#,
        #"\begin{dcases} \frac{1}{2} & x \end{dcases}"#,
        #"\begin{rcases} a & b \end{rcases}"#,
        #"\begin{array}{|l|c|r|} \hline a & b & c \\ \hline d & e & f \\ \hline \end{array}"#,
        #"\begin{smallmatrix} a & b \\ c & d \end{smallmatrix}"#,
        #"E = mc^2 \tag{1}"#,
        #"\begin{aligned} a &= b \end{aligned} \tag{A.1}"#,
        #"\overline{x + y} \underline{x + y}"#,
        #"\boxed{E = mc^2}"#,
        #"\textbf{a} \textit{b} \emph{c} \textsf{d} \texttt{e} \text{f \textbf{g}}"#,
        #"a \! b \negmedspace c \negthickspace d"#,
    ]

    /// The class names in `markup`'s `class="…"` attributes.
    static func classes(in markup: String) -> Set<String> {
        var names: Set<String> = []
        for part in markup.components(separatedBy: #" class=""#).dropFirst() {
            names.formUnion(part.prefix { $0 != "\"" }.split(separator: " ").map(String.init))
        }
        return names
    }

    @Test(arguments: constructs)
    func writesClassesNotStyle(_ tex: String) throws {
        let markup = try MathML.render(tex, display: true)
        #expect(!markup.contains(" style="))
        #expect(!Self.classes(in: markup).isEmpty)
        #expect(MarkupChecker.problems(in: markup) == [])
    }

    @Test func everyClassWrittenIsStyled() throws {
        var written: Set<String> = []
        for tex in Self.constructs { written.formUnion(Self.classes(in: try MathML.render(tex, display: true))) }
        for entry in Corpus.entries {
            written.formUnion(Self.classes(in: try MathML.render(entry.tex, display: entry.display)))
        }
        let styled = Set(Self.classes(inStylesheet: MathML.stylesheet))
        #expect(written.subtracting(styled).sorted() == [])
        // And the stylesheet styles nothing the converter never writes.
        #expect(styled.subtracting(written).sorted() == [])
    }

    /// The `.name` selectors of a stylesheet.
    static func classes(inStylesheet css: String) -> [String] {
        var names: [String] = []
        let scalars = Array(css.unicodeScalars)
        for (i, c) in scalars.enumerated()
        where c == "." && i + 1 < scalars.count && scalars[i + 1].properties.isAlphabetic {
            let name = scalars[(i + 1)...].prefix {
                $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-"
            }
            names.append(String(String.UnicodeScalarView(name)))
        }
        return names
    }

    @Test func themeStylesheetHasEveryRule() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Content/theme/assets/style.css").standardizedFileURL
        let theme = try String(contentsOf: url, encoding: .utf8)
        let themeLines = Set(theme.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let rules = MathML.stylesheet.split(separator: "\n").map(String.init)
        #expect(rules.count >= 20)
        #expect(rules.filter { !themeLines.contains($0) } == [])
    }
}
