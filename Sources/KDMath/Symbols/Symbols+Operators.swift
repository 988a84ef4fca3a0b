/// Binary operators, relations, arrows, punctuation and delimiters, by command name.
enum OperatorSymbols {
    static let table: [String: Symbol] = {
        var t: [String: Symbol] = [:]
        let bins: [(String, String)] = [
            ("pm", "±"), ("mp", "∓"), ("times", "×"), ("div", "÷"), ("cdot", "⋅"), ("ast", "∗"),
            ("star", "⋆"), ("circ", "∘"), ("bullet", "∙"), ("oplus", "⊕"), ("ominus", "⊖"),
            ("otimes", "⊗"), ("oslash", "⊘"), ("odot", "⊙"), ("cup", "∪"), ("cap", "∩"), ("uplus", "⊎"),
            ("sqcup", "⊔"), ("sqcap", "⊓"), ("setminus", "∖"), ("smallsetminus", "∖"), ("wedge", "∧"),
            ("land", "∧"), ("vee", "∨"), ("lor", "∨"), ("diamond", "⋄"), ("bigtriangleup", "△"),
            ("bigtriangledown", "▽"), ("triangleleft", "◃"), ("triangleright", "▹"), ("wr", "≀"),
            ("amalg", "⨿"), ("dagger", "†"), ("ddagger", "‡"), ("circledast", "⊛"), ("circledcirc", "⊚"),
            ("ltimes", "⋉"), ("rtimes", "⋊"), ("boxplus", "⊞"), ("boxtimes", "⊠"), ("intercal", "⊺"),
        ]
        for (name, char) in bins { t[name] = .bin(char) }
        let rels: [(String, String)] = [
            ("leq", "≤"), ("le", "≤"), ("geq", "≥"), ("ge", "≥"), ("neq", "≠"), ("ne", "≠"), ("equiv", "≡"),
            ("approx", "≈"), ("approxeq", "≊"), ("cong", "≅"), ("simeq", "≃"), ("sim", "∼"), ("backsim", "∽"),
            ("propto", "∝"), ("doteq", "≐"), ("triangleq", "≜"), ("coloneqq", "≔"), ("eqqcolon", "≕"),
            ("ll", "≪"), ("gg", "≫"), ("lll", "⋘"), ("ggg", "⋙"), ("prec", "≺"), ("succ", "≻"),
            ("preceq", "⪯"), ("succeq", "⪰"), ("subset", "⊂"), ("supset", "⊃"), ("subseteq", "⊆"),
            ("supseteq", "⊇"), ("subsetneq", "⊊"), ("supsetneq", "⊋"), ("sqsubset", "⊏"), ("sqsupset", "⊐"),
            ("sqsubseteq", "⊑"), ("sqsupseteq", "⊒"), ("in", "∈"), ("notin", "∉"), ("ni", "∋"),
            ("owns", "∋"), ("mid", "∣"), ("nmid", "∤"), ("parallel", "∥"), ("nparallel", "∦"),
            ("perp", "⊥"), ("models", "⊨"), ("vdash", "⊢"), ("dashv", "⊣"), ("asymp", "≍"),
            ("bowtie", "⋈"), ("smile", "⌣"), ("frown", "⌢"), ("lesssim", "≲"), ("gtrsim", "≳"),
            ("leqslant", "⩽"), ("geqslant", "⩾"), ("leqq", "≦"), ("geqq", "≧"), ("nless", "≮"),
            ("ngtr", "≯"), ("nleq", "≰"), ("ngeq", "≱"), ("lneq", "⪇"), ("gneq", "⪈"), ("nsim", "≁"),
            ("ncong", "≇"), ("nsubseteq", "⊈"), ("nsupseteq", "⊉"), ("circeq", "≗"), ("eqsim", "≂"),
            ("Join", "⨝"), ("vDash", "⊨"), ("Vdash", "⊩"), ("therefore", "∴"), ("because", "∵"),
        ]
        for (name, char) in rels { t[name] = .rel(char) }
        let arrows: [(String, String)] = [
            ("to", "→"), ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"), ("leftrightarrow", "↔"),
            ("Rightarrow", "⇒"), ("Leftarrow", "⇐"), ("Leftrightarrow", "⇔"), ("longrightarrow", "⟶"),
            ("longleftarrow", "⟵"), ("longleftrightarrow", "⟷"), ("Longrightarrow", "⟹"),
            ("Longleftarrow", "⟸"), ("Longleftrightarrow", "⟺"), ("mapsto", "↦"), ("longmapsto", "⟼"),
            ("uparrow", "↑"), ("downarrow", "↓"), ("updownarrow", "↕"), ("Uparrow", "⇑"),
            ("Downarrow", "⇓"), ("Updownarrow", "⇕"), ("nearrow", "↗"), ("searrow", "↘"),
            ("swarrow", "↙"), ("nwarrow", "↖"), ("hookrightarrow", "↪"), ("hookleftarrow", "↩"),
            ("rightleftharpoons", "⇌"), ("leftrightharpoons", "⇋"), ("rightharpoonup", "⇀"),
            ("rightharpoondown", "⇁"), ("leftharpoonup", "↼"), ("leftharpoondown", "↽"),
            ("leadsto", "⇝"), ("rightsquigarrow", "⇝"), ("rightleftarrows", "⇄"),
            ("leftrightarrows", "⇆"), ("twoheadrightarrow", "↠"), ("twoheadleftarrow", "↞"),
            ("nrightarrow", "↛"), ("nleftarrow", "↚"), ("nRightarrow", "⇏"), ("nLeftarrow", "⇍"),
            ("curvearrowright", "↷"), ("curvearrowleft", "↶"), ("circlearrowright", "↻"),
            ("circlearrowleft", "↺"), ("upuparrows", "⇈"), ("downdownarrows", "⇊"),
        ]
        for (name, char) in arrows { t[name] = .arrow(char) }
        // amsmath puts a thick space on each side of these, besides the relation's own.
        let wideArrow: [MathNode.Attribute] = [
            .attr("stretchy", "false"), .attr("lspace", "0.5556em"), .attr("rspace", "0.5556em"),
        ]
        t["implies"] = Symbol(node: .op("⟹", wideArrow), kind: .rel)
        t["impliedby"] = Symbol(node: .op("⟸", wideArrow), kind: .rel)
        t["iff"] = Symbol(node: .op("⟺", wideArrow), kind: .rel)

        t["colon"] = .punct(":")
        t["ldotp"] = .punct(".")
        t["cdotp"] = .punct("⋅")
        // Delimiters used on their own, at their natural size.
        for (name, symbol) in Delimiters.table { t[name] = symbol }
        t["backslash"] = .ordOperator("\\")
        return t
    }()
}

/// Delimiters by name, as ordinary symbols and as what `\left`, `\right`, `\big` accept.
enum Delimiters {
    static let table: [String: Symbol] = [
        "{": .open("{"), "}": .close("}"), "lbrace": .open("{"), "rbrace": .close("}"),
        "lbrack": .open("["), "rbrack": .close("]"), "langle": .open("⟨"), "rangle": .close("⟩"),
        "lfloor": .open("⌊"), "rfloor": .close("⌋"), "lceil": .open("⌈"), "rceil": .close("⌉"),
        "lgroup": .open("⟮"), "rgroup": .close("⟯"), "lmoustache": .open("⎰"), "rmoustache": .close("⎱"),
        "llbracket": .open("⟦"), "rrbracket": .close("⟧"),
        "lvert": .open("|"), "rvert": .close("|"), "lVert": .open("‖"), "rVert": .close("‖"),
        "vert": .ordOperator("|"), "Vert": .ordOperator("‖"), "|": .ordOperator("‖"),
    ]

    /// The characters a `\left`, `\right`, `\middle` or `\big` may take: plain characters and
    /// the named delimiters and arrows above. `.` is the empty delimiter.
    static func character(named name: String) -> String? {
        if let symbol = table[name] ?? OperatorSymbols.table[name], isDelimiter(symbol.node.text) {
            return symbol.node.text
        }
        return nil
    }

    static func character(plain byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: "."):
            String(UnicodeScalar(byte))
        case UInt8(ascii: "<"): "⟨"
        case UInt8(ascii: ">"): "⟩"
        default: nil
        }
    }

    private static let stretchable: Set<String> = [
        "{", "}", "[", "]", "(", ")", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉", "⟮", "⟯", "⎰", "⎱", "⟦", "⟧", "|", "‖",
        "/", "\\", "↑", "↓", "↕", "⇑", "⇓", "⇕",
    ]

    static func isDelimiter(_ text: String) -> Bool { stretchable.contains(text) }
}
