import Testing

@testable import KDMath

/// A TeX source with `»` just before the offending character, and the error expected there.
struct ErrorCase: CustomStringConvertible, Sendable {
    var marked: String
    var message: String
    var suggestion: String?
    var display = false

    init(_ marked: String, _ message: String, suggestion: String? = nil, display: Bool = false) {
        self.marked = marked
        self.message = message
        self.suggestion = suggestion
        self.display = display
    }

    var tex: String { marked.replacingOccurrences(of: "»", with: "") }

    /// UTF-8 offset, line and column of the marker.
    var expected: (offset: Int, line: Int, column: Int) {
        let before = Array(marked.prefix { $0 != "»" }.utf8)
        var line = 1
        var lineStart = 0
        for (i, byte) in before.enumerated() where byte == 0x0A || (byte == 0x0D && before[safe: i + 1] != 0x0A) {
            line += 1
            lineStart = i + 1
        }
        return (before.count, line, before.count - lineStart + 1)
    }

    var description: String { marked }
}

@Suite("Errors: every kind, at its exact position")
struct ErrorTests {
    static let cases: [ErrorCase] = [
        // Commands
        ErrorCase(#"»\fraq{a}{b}"#, #"unknown command '\fraq'"#, suggestion: #"\frac"#),
        ErrorCase(#"x + »\alpah"#, #"unknown command '\alpah'"#, suggestion: #"\alpha"#),
        ErrorCase(#"»\Sum_i x_i"#, #"unknown command '\Sum'"#, suggestion: #"\sum"#),
        ErrorCase(#"a »\over b"#, #"unknown command '\over'"#, suggestion: #"\frac"#),
        ErrorCase(#"»\mathbbm{1}"#, #"unknown command '\mathbbm'"#, suggestion: #"\mathbb"#),
        ErrorCase(#"»\qwertyuiop"#, #"unknown command '\qwertyuiop'"#),
        ErrorCase(#"x »\"#, #"missing command name after '\'"#),
        // Braces and brackets
        ErrorCase(#"a »{b + c"#, "unmatched '{'"),
        ErrorCase(#"a + b»} + c"#, "unmatched '}'"),
        ErrorCase(#"\frac{a}»{{b}"#, "unmatched '{'"),
        ErrorCase(#"\sqrt»[3 x"#, "unmatched '['"),
        ErrorCase(#"\begin{matrix} »{a \end{matrix}"#, "unmatched '{'"),
        // \left and \right
        ErrorCase(#"»\left( \frac{a}{b}"#, #"'\left' without matching '\right'"#),
        ErrorCase(#"\left( a \right) + »\left[ b"#, #"'\left' without matching '\right'"#),
        ErrorCase(#"{»\left( a } \right)"#, #"'\left' without matching '\right'"#),
        ErrorCase(#"a + b »\right)"#, #"'\right' without matching '\left'"#),
        ErrorCase(#"\left »x a \right)"#, "'x' is not a delimiter"),
        ErrorCase(#"»\leftx a \right)"#, #"unknown command '\leftx'"#, suggestion: #"\left"#),
        ErrorCase(#"\left»\lange a \right\rangle"#, #"'\lange' is not a delimiter"#, suggestion: #"\langle"#),
        ErrorCase(#"a »\left"#, #"missing delimiter after '\left'"#),
        ErrorCase(#"»\middle| x"#, #"'\middle' outside '\left' and '\right'"#),
        ErrorCase(#"»\big"#, #"missing delimiter after '\big'"#),
        // Alignment outside environments
        ErrorCase(#"a »& b"#, "'&' outside an environment"),
        ErrorCase(
            #"a = b »\\ c = d"#, #"'\\' outside an environment"#, suggestion: #"\begin{gathered}"#, display: true),
        ErrorCase(#"»\hline a"#, #"'\hline' must start a row of an environment"#),
        // Scripts
        ErrorCase("x^2»^3", "double superscript"),
        ErrorCase("x_1»_2", "double subscript"),
        ErrorCase("x^2»'", "double superscript"),
        ErrorCase("x»^", "missing superscript after '^'"),
        ErrorCase("{x»_}", "missing subscript after '_'"),
        ErrorCase(#"x »\limits_0"#, #"'\limits' must follow an operator"#),
        ErrorCase(#"»\nolimits"#, #"'\nolimits' must follow an operator"#),
        // Arguments
        ErrorCase(#"»\frac{a}"#, #"missing argument for '\frac'"#),
        ErrorCase(#"{»\sqrt}"#, #"missing argument for '\sqrt'"#),
        ErrorCase(#"»\hat"#, #"missing argument for '\hat'"#),
        ErrorCase(#"»\text x"#, #"missing argument for '\text'"#),
        ErrorCase(#"»\not"#, #"missing symbol after '\not'"#),
        // Environments
        ErrorCase(#"\begin{»matrx} a \end{matrx}"#, "unknown environment 'matrx'", suggestion: "matrix"),
        ErrorCase(#"\begin{»alignd} a \end{alignd}"#, "unknown environment 'alignd'", suggestion: "aligned"),
        ErrorCase(#"»\begin{pmatrix} a & b"#, #"'\begin{pmatrix}' without matching '\end{pmatrix}'"#),
        ErrorCase(
            #"\begin{pmatrix} a »\end{bmatrix}"#, #"'\end{bmatrix}' does not match '\begin{pmatrix}'"#,
            suggestion: #"\end{pmatrix}"#),
        ErrorCase(#"a »\end{matrix}"#, #"'\end{matrix}' without matching '\begin{matrix}'"#),
        ErrorCase(#"»\begin{matrix} a } \end{matrix}"#, #"'\begin{matrix}' without matching '\end{matrix}'"#),
        ErrorCase(#"\begin{matrix} »\left( a & b \right) \end{matrix}"#, #"'\left' without matching '\right'"#),
        ErrorCase(#"\begin{cases} a & b »& c \end{cases}"#, "more than 2 columns in 'cases'"),
        ErrorCase(#"\begin{gathered} a »& b \end{gathered}"#, "more than 1 column in 'gathered'", display: true),
        ErrorCase(#"\begin{array}{c»x} a \end{array}"#, "unknown column type 'x' in 'array'", suggestion: "c"),
        ErrorCase(#"»\begin x"#, #"missing environment name after '\begin'"#),
        ErrorCase(#"\begin{mat»1} a"#, "unexpected '1' in environment name"),
        // \tag
        ErrorCase(#"E = mc^2 »\tag{1}"#, #"'\tag' in inline math"#),
        ErrorCase(#"a \tag{1} »\tag{2}"#, #"more than one '\tag'"#, display: true),
        // Text
        ErrorCase(#"\text{cost »$x$}"#, #"math inside '\text' is not supported"#),
        ErrorCase(#"\text{a »\foo b}"#, #"unknown command '\foo' in text"#),
        ErrorCase(#"\text{a »\textbff{b}}"#, #"unknown command '\textbff' in text"#, suggestion: #"\textbf"#),
        ErrorCase(#"\text»{abc"#, "unmatched '{'"),
        ErrorCase(#"\color{»red;} x"#, "invalid colour 'red;'"),
        // Characters
        ErrorCase("»#1", "unexpected '#'", suggestion: "\\#"),
        ErrorCase("cost »$5", "unexpected '$'", suggestion: #"\$"#),
        ErrorCase("a »\u{7} b", "unexpected character U+0007"),
        // Positions on later lines, after multi-byte characters
        ErrorCase(
            "\\begin{aligned}\n  a &= b \\\\\n  c &= »\\fraq{1}{2}\n\\end{aligned}", #"unknown command '\fraq'"#,
            suggestion: #"\frac"#, display: true),
        ErrorCase("α + β\r\n= »\\gama", #"unknown command '\gama'"#, suggestion: #"\gamma"#, display: true),
    ]

    @Test(arguments: cases)
    func errorIsAtTheOffendingCharacter(_ c: ErrorCase) {
        let expected = c.expected
        #expect(
            throws: TeXError(
                message: c.message, suggestion: c.suggestion, offset: expected.offset,
                line: expected.line, column: expected.column)
        ) {
            try MathML.render(c.tex, display: c.display)
        }
    }

    @Test func descriptionReadsLikeACompilerDiagnostic() {
        let error = TeXError(message: #"unknown command '\fraq'"#, suggestion: #"\frac"#, offset: 4, line: 2, column: 3)
        #expect(error.description == #"2:3: unknown command '\fraq'; did you mean '\frac'?"#)
        #expect(error.fullMessage == #"unknown command '\fraq'; did you mean '\frac'?"#)
        let bare = TeXError(message: "unmatched '{'", offset: 0, line: 1, column: 1)
        #expect(bare.description == "1:1: unmatched '{'")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
