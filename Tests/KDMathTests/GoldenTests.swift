import Testing

@testable import KDMath

/// The body of `<semantics>`, before the annotation: what a golden string pins down.
func body(_ tex: String, display: Bool = false) throws -> String {
    let markup = try MathML.render(tex, display: display)
    let start = display ? "<math display=\"block\"><semantics>" : "<math><semantics>"
    #expect(markup.hasPrefix(start))
    return String(markup.dropFirst(start.count).prefix { $0 != "\u{1}" }.split(separator: "<annotation")[0])
}

@Suite("Golden MathML for the tricky cases")
struct GoldenTests {
    @Test func wholeElementForDisplayMath() throws {
        let markup = try MathML.render(#"p_i = \frac{e^{z_i/T}}{\sum_j e^{z_j/T}}"#, display: true)
        #expect(
            markup == """
                <math display="block"><semantics><mrow><msub><mi>p</mi><mi>i</mi></msub><mo>=</mo><mfrac>\
                <msup><mi>e</mi><mrow><msub><mi>z</mi><mi>i</mi></msub><mo>/</mo><mi>T</mi></mrow></msup>\
                <mrow><munder><mo>∑</mo><mi>j</mi></munder><msup><mi>e</mi><mrow><msub><mi>z</mi><mi>j</mi></msub>\
                <mo>/</mo><mi>T</mi></mrow></msup></mrow></mfrac></mrow>\
                <annotation encoding="application/x-tex">p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}</annotation>\
                </semantics></math>
                """)
    }

    @Test func inlineMathHasNoDisplayAttribute() throws {
        #expect(
            try MathML.render("x", display: false)
                == #"<math><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math>"#
        )
    }

    @Test func escapesTextAttributesAndAnnotation() throws {
        let markup = try MathML.render(#"a<b \text{<i>&"} > c"#, display: false)
        #expect(
            markup == """
                <math><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi><mtext>&lt;i&gt;&amp;"</mtext><mo>&gt;</mo>\
                <mi>c</mi></mrow><annotation encoding="application/x-tex">a&lt;b \\text{&lt;i&gt;&amp;"} &gt; c\
                </annotation></semantics></math>
                """)
        var writer = MathMLWriter()
        writer.write(MathNode(.mi, [.attr("title", #"<"&'>"#)], text: "x"))
        #expect(writer.output == #"<mi title="&lt;&quot;&amp;'&gt;">x</mi>"#)
    }

    static let cases: [(tex: String, display: Bool, expected: String)] = [
        // Large operators: under/over with movable limits (scripts in inline math), \limits, integrals.
        (
            #"\sum_{i=1}^n x_i"#, false,
            "<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></mrow>"
        ),
        (
            #"\sum\limits_i x_i"#, false,
            #"<mrow><munder><mo movablelimits="false">∑</mo><mi>i</mi></munder><msub><mi>x</mi><mi>i</mi></msub></mrow>"#
        ),
        (
            #"\int_0^1 f(x)\,dx"#, true,
            #"<mrow><msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mspace width="0.1667em"></mspace><mi>d</mi><mi>x</mi></mrow>"#
        ),
        (
            #"\int\limits_0^1"#, true,
            #"<munderover><mo movablelimits="false">∫</mo><mn>0</mn><mn>1</mn></munderover>"#
        ),
        // Text operators: limits, TeX's thin spaces, none before a parenthesis.
        (
            #"\lim_{n\to\infty} a_n"#, false,
            #"<mrow><munder><mo form="prefix" movablelimits="true" lspace="0" rspace="0">lim</mo><mrow><mi>n</mi><mo stretchy="false">→</mo><mi>∞</mi></mrow></munder><mspace width="0.1667em"></mspace><msub><mi>a</mi><mi>n</mi></msub></mrow>"#
        ),
        (
            #"\max(0, x)"#, false,
            #"<mrow><mo form="prefix" movablelimits="true" lspace="0" rspace="0">max</mo><mo stretchy="false">(</mo><mn>0</mn><mo>,</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#
        ),
        (
            #"\operatorname*{arg\,max}_k p_k"#, true,
            #"<mrow><munder><mo form="prefix" movablelimits="true" lspace="0" rspace="0">arg&#8201;max</mo><mi>k</mi></munder><mspace width="0.1667em"></mspace><msub><mi>p</mi><mi>k</mi></msub></mrow>"#
        ),
        (
            #"2\sin^2\theta"#, false,
            #"<mrow><mn>2</mn><mspace width="0.1667em"></mspace><msup><mi>sin</mi><mn>2</mn></msup><mo>⁡</mo><mspace width="0.1667em"></mspace><mi>θ</mi></mrow>"#
        ),
        (
            #"\operatorname{softmax}\left(z\right)"#, false,
            #"<mrow><mi>softmax</mi><mo>⁡</mo><mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">(</mo><mi>z</mi><mo fence="true" form="postfix" stretchy="true" symmetric="true">)</mo></mrow></mrow>"#
        ),
        // Unary and binary minus, as TeX decides them.
        (
            #"-x + y = -(a - b)"#, false,
            #"<mrow><mo form="prefix">−</mo><mi>x</mi><mo>+</mo><mi>y</mi><mo>=</mo><mo form="prefix">−</mo><mo stretchy="false">(</mo><mi>a</mi><mo>−</mo><mi>b</mi><mo stretchy="false">)</mo></mrow>"#
        ),
        (#"e^{-z}"#, false, #"<msup><mi>e</mi><mrow><mo form="prefix">−</mo><mi>z</mi></mrow></msup>"#),
        (#"x^-"#, false, #"<msup><mi>x</mi><mo form="prefix">−</mo></msup>"#),
        // Delimiters: natural size, \left…\right, \middle, \big, and the empty one.
        (
            #"\left. \frac{df}{dx} \right|_{x=0}"#, true,
            #"<msub><mrow><mfrac><mrow><mi>d</mi><mi>f</mi></mrow><mrow><mi>d</mi><mi>x</mi></mrow></mfrac><mo fence="true" form="postfix" stretchy="true" symmetric="true">|</mo></mrow><mrow><mi>x</mi><mo>=</mo><mn>0</mn></mrow></msub>"#
        ),
        (
            #"\left\langle x \middle| y \right\rangle"#, false,
            #"<mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">⟨</mo><mi>x</mi><mo stretchy="true" lspace="0.05em" rspace="0.05em">|</mo><mi>y</mi><mo fence="true" form="postfix" stretchy="true" symmetric="true">⟩</mo></mrow>"#
        ),
        (
            #"\Bigl[ x \Bigr]"#, false,
            #"<mrow><mo form="prefix" stretchy="true" symmetric="true" minsize="1.623em" maxsize="1.623em">[</mo><mi>x</mi><mo form="postfix" stretchy="true" symmetric="true" minsize="1.623em" maxsize="1.623em">]</mo></mrow>"#
        ),
        (
            #"|x| \|y\|_2"#, false,
            #"<mrow><mo stretchy="false" lspace="0" rspace="0">|</mo><mi>x</mi><mo stretchy="false" lspace="0" rspace="0">|</mo><mo stretchy="false" lspace="0" rspace="0">‖</mo><mi>y</mi><msub><mo stretchy="false" lspace="0" rspace="0">‖</mo><mn>2</mn></msub></mrow>"#
        ),
        (
            #"\binom{n}{k}"#, false,
            #"<mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo fence="true" form="postfix" stretchy="true" symmetric="true">)</mo></mrow>"#
        ),
        // Environments.
        (
            #"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#, true,
            #"<mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo fence="true" form="postfix" stretchy="true" symmetric="true">)</mo></mrow>"#
        ),
        (
            #"\begin{cases} x & \text{if } x \ge 0 \\ -x & \text{else} \end{cases}"#, true,
            #"<mrow><mo fence="true" form="prefix" stretchy="true" symmetric="true">{</mo><mtable class="kd-cases"><mtr><mtd class="kd-col-l"><mi>x</mi></mtd><mtd class="kd-col-l"><mtext>if&#160;</mtext><mi>x</mi><mo>≥</mo><mn>0</mn></mtd></mtr><mtr><mtd class="kd-col-l"><mo form="prefix">−</mo><mi>x</mi></mtd><mtd class="kd-col-l"><mtext>else</mtext></mtd></mtr></mtable></mrow>"#
        ),
        (
            #"\begin{aligned} a &= b \\ &+ c \\ \end{aligned}"#, true,
            #"<mtable displaystyle="true" class="kd-aligned"><mtr><mtd class="kd-col-r"><mi>a</mi></mtd><mtd class="kd-col-l"><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd class="kd-col-r"></mtd><mtd class="kd-col-l"><mo form="infix">+</mo><mi>c</mi></mtd></mtr></mtable>"#
        ),
        (
            #"\begin{array}{c|l} a & b \\ \hline c & d \end{array}"#, true,
            #"<mtable><mtr><mtd class="kd-rule-r"><mi>a</mi></mtd><mtd class="kd-col-l"><mi>b</mi></mtd></mtr><mtr><mtd class="kd-rule-r kd-rule-t"><mi>c</mi></mtd><mtd class="kd-col-l kd-rule-t"><mi>d</mi></mtd></mtr></mtable>"#
        ),
        (
            #"\begin{array}{|r} a \\ b \\ \hline \end{array}"#, true,
            #"<mtable><mtr><mtd class="kd-col-r kd-rule-l"><mi>a</mi></mtd></mtr><mtr><mtd class="kd-col-r kd-rule-l kd-rule-b"><mi>b</mi></mtd></mtr></mtable>"#
        ),
        (
            #"\begin{smallmatrix} a & b \end{smallmatrix}"#, false,
            #"<mtable scriptlevel="1" class="kd-smallmatrix"><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr></mtable>"#
        ),
        (
            #"E = mc^2 \tag{1}"#, true,
            #"<mtable displaystyle="true" class="kd-tag"><mtr><mtd class="kd-tag-side"></mtd><mtd><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow></mtd><mtd class="kd-tag-side kd-col-r"><mtext>(1)</mtext></mtd></mtr></mtable>"#
        ),
        // Braces with labels, accents, rules.
        (
            #"\underbrace{a + b}_{n} + c"#, true,
            #"<mrow><munder><munder accentunder="true"><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy="true">⏟</mo></munder><mi>n</mi></munder><mo>+</mo><mi>c</mi></mrow>"#
        ),
        (
            #"\hat{\theta}_t \vec{v} \overline{xy}"#, false,
            #"<mrow><msub><mover accent="true"><mi>θ</mi><mo stretchy="false">^</mo></mover><mi>t</mi></msub><mover><mi>v</mi><mo stretchy="false">→</mo></mover><mrow class="kd-overline"><mi>x</mi><mi>y</mi></mrow></mrow>"#
        ),
        (
            #"\underline{x} \boxed{a + b}"#, false,
            #"<mrow><mrow class="kd-underline"><mi>x</mi></mrow><mrow class="kd-boxed"><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow></mrow></mrow>"#
        ),
        // Alphabets: Unicode code points, with Letterlike Symbols in the holes.
        (
            #"\mathbb{R}\mathbb{Z}\mathcal{B}\mathfrak{R}\mathbb{N}_0\mathbb{1}"#, false,
            "<mrow><mi>ℝ</mi><mi>ℤ</mi><mi>ℬ</mi><mi>ℜ</mi><msub><mi>ℕ</mi><mn>0</mn></msub><mn>𝟙</mn></mrow>"
        ),
        (
            #"\mathbf{W}\boldsymbol{\theta}\boldsymbol{\Sigma}\mathbf{0}\mathrm{d}x\mathrm{KL}\mathit{h}"#, false,
            #"<mrow><mi>𝐖</mi><mi>𝜽</mi><mi>𝚺</mi><mn>𝟎</mn><mi mathvariant="normal">d</mi><mi>x</mi><mi>KL</mi><mi>ℎ</mi></mrow>"#
        ),
        (#"\Gamma\varGamma"#, false, #"<mrow><mi mathvariant="normal">Γ</mi><mi>Γ</mi></mrow>"#),
        // Primes sit beside the base; a superscript after them belongs to the primed base.
        (
            #"f'(x) f''^2"#, false,
            #"<mrow><mrow><mi>f</mi><mo>′</mo></mrow><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><msup><mrow><mi>f</mi><mo>″</mo></mrow><mn>2</mn></msup></mrow>"#
        ),
        // A group is an ordinary atom; text around an operator keeps its space.
        (#"85{,}770"#, false, #"<mrow><mn>85</mn><mo lspace="0" rspace="0">,</mo><mn>770</mn></mrow>"#),
        (
            #"\text{a} = \text{b}"#, false,
            #"<mrow><mtext>a</mtext><mo form="infix">=</mo><mtext>b</mtext><mi></mi></mrow>"#
        ),
        // Negation, relations, arrows.
        (#"\not\in \not= \not\subset \not\ll"#, false, "<mrow><mo>∉</mo><mo>≠</mo><mo>⊄</mo><mo>≪\u{338}</mo></mrow>"),
        (
            #"x \in A \to B \implies C"#, false,
            #"<mrow><mi>x</mi><mo>∈</mo><mi>A</mi><mo stretchy="false">→</mo><mi>B</mi><mo stretchy="false" lspace="0.5556em" rspace="0.5556em">⟹</mo><mi>C</mi></mrow>"#
        ),
        // Roots, fraction styles, spaces, colour.
        (
            #"\sqrt[3]{x} \sqrt{x+1}"#, false,
            "<mrow><mroot><mi>x</mi><mn>3</mn></mroot><msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt></mrow>"
        ),
        (
            #"\dfrac{1}{2}\tfrac{1}{2}"#, true,
            #"<mrow><mstyle displaystyle="true" scriptlevel="0"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle><mstyle displaystyle="false" scriptlevel="0"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle></mrow>"#
        ),
        (
            #"a\!b\quad c"#, false,
            #"<mrow><mi>a</mi><mspace class="kd-negspace-3"></mspace><mi>b</mi><mspace width="1em"></mspace><mi>c</mi></mrow>"#
        ),
        (
            ##"{\color{red} x} + \textcolor{#e33}{y}"##, false,
            ##"<mrow><mstyle mathcolor="red"><mi>x</mi></mstyle><mo>+</mo><mstyle mathcolor="#e33"><mi>y</mi></mstyle></mrow>"##
        ),
        (#"3.14 + .5"#, false, "<mrow><mn>3.14</mn><mo>+</mo><mn>.5</mn></mrow>"),
    ]

    @Test(arguments: cases)
    func golden(_ tex: String, _ display: Bool, _ expected: String) throws {
        #expect(
            try body(tex, display: display)
                == expected.replacingOccurrences(of: "&#160;", with: "\u{00A0}")
                .replacingOccurrences(of: "&#8201;", with: "\u{2009}"))
    }
}
