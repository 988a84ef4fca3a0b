import Testing

@testable import KDMath

@Suite("Conversion details")
struct ConversionTests {
    @Test(arguments: [
        // (alphabet, input, expected)
        (Alphabet.doubleStruck, "RNZQCE1", "ℝℕℤℚℂ𝔼𝟙"),
        (.script, "ABLNEFHIMRego", "𝒜ℬℒ𝒩ℰℱℋℐℳℛℯℊℴ"),
        (.fraktur, "gCHIRZ", "𝔤ℭℌℑℜℨ"),
        (.bold, "Wx0αΣ", "𝐖𝐱𝟎𝛂𝚺"),
        (.boldItalic, "xθΣϕ", "𝒙𝜽𝚺𝝓"),
        (.italic, "hxΓ", "ℎ𝑥𝛤"),
        (.sansSerif, "T9", "𝖳𝟫"),
        (.monospace, "x1", "𝚡𝟷"),
        (.upright, "x1α", "x1α"),
    ])
    func alphabetsMapToMathematicalAlphanumerics(_ alphabet: Alphabet, _ input: String, _ expected: String) {
        var output = ""
        for scalar in input.unicodeScalars { output.unicodeScalars.append(alphabet.map(scalar) ?? scalar) }
        #expect(output == expected)
    }

    @Test func textKeepsEdgeSpacesCollapsesRunsAndResolvesEscapes() throws {
        #expect(try body(#"\text{ if  x \% --- y\{\} }"#) == "<mtext>\u{A0}if x % — y{}\u{A0}</mtext>")
        #expect(try body(#"\text{a~b\quad c \textbf{d}}"#) == "<mtext>a\u{A0}b\u{2003}c d</mtext>")
        #expect(try body(#"\textbf{bold}"#) == #"<mtext class="kd-text-bf">bold</mtext>"#)
        #expect(
            try body(#"\textit{a}\emph{b}\textsf{c}\texttt{d}\textrm{e}"#) == """
                <mrow><mtext class="kd-text-it">a</mtext><mtext class="kd-text-it">b</mtext>\
                <mtext class="kd-text-sf">c</mtext><mtext class="kd-text-tt">d</mtext><mtext>e</mtext></mrow>
                """)
    }

    @Test func commentsLineBreaksAndEmptyFormulas() throws {
        #expect(try body("a % comment\r\n+ b") == "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>")
        #expect(try body("") == "<mrow></mrow>")
        #expect(try body("  ") == "<mrow></mrow>")
        #expect(try body(#"x \label{eq:x} \notag"#, display: true) == "<mi>x</mi>")
    }

    @Test func unicodeInputIsClassified() throws {
        #expect(
            try body("α ≤ ∑_i β") == "<mrow><mi>α</mi><mo>≤</mo><munder><mo>∑</mo><mi>i</mi></munder><mi>β</mi></mrow>")
        #expect(try body(#"\mathbf{é}"#) == "<mi>é</mi>")
    }

    @Test func fontsReachGreekCommandsButNotOperators() throws {
        #expect(try body(#"\boldsymbol{\theta + \Sigma}"#) == "<mrow><mi>𝜽</mi><mo>+</mo><mi>𝚺</mi></mrow>")
        #expect(
            try body(#"\mathbb{E}_{x}[\mathbf{x}]"#)
                == #"<mrow><msub><mi>𝔼</mi><mi>x</mi></msub><mo stretchy="false">[</mo><mi>𝐱</mi><mo stretchy="false">]</mo></mrow>"#
        )
        #expect(try body(#"{\bf W} x"#) == "<mrow><mi>𝐖</mi><mi>x</mi></mrow>")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "{", count: 300) + "x" + String(repeating: "}", count: 300)
        #expect(
            throws: TeXError(
                message: "formula nested too deeply", offset: TeXParser.maximumDepth, line: 1,
                column: TeXParser.maximumDepth + 1)
        ) {
            try MathML.render(deep, display: false)
        }
        let roots = String(repeating: #"\sqrt"#, count: 300) + "x"
        #expect(throws: TeXError.self) { try MathML.render(roots, display: false) }
        let fine =
            String(repeating: "{", count: TeXParser.maximumDepth - 1) + "x"
            + String(repeating: "}", count: TeXParser.maximumDepth - 1)
        #expect(try body(fine) == "<mi>x</mi>")
        let scripts = String(repeating: "x^{", count: 150) + "y" + String(repeating: "}", count: 150)
        #expect(try MathML.render(scripts, display: true).hasPrefix("<math display=\"block\"><semantics><msup>"))
    }

    @Test func switchesApplyToTheRestOfTheirGroup() throws {
        #expect(
            try body(#"a {\displaystyle b c} d"#)
                == #"<mrow><mi>a</mi><mstyle displaystyle="true" scriptlevel="0"><mi>b</mi><mi>c</mi></mstyle><mi>d</mi></mrow>"#
        )
        #expect(
            try body(#"\begin{matrix} \scriptstyle a & b \end{matrix}"#)
                == #"<mtable><mtr><mtd><mstyle displaystyle="false" scriptlevel="1"><mi>a</mi></mstyle></mtd><mtd><mi>b</mi></mtd></mtr></mtable>"#
        )
    }
}
