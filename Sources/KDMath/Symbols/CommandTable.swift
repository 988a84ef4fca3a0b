/// Every control sequence the converter knows, and the plain characters of math mode.
enum CommandTable {
    static let commands: [String: Command] = {
        var t: [String: Command] = [:]
        for (name, symbol) in LetterSymbols.table { t[name] = .symbol(symbol) }
        for (name, symbol) in OperatorSymbols.table { t[name] = .symbol(symbol) }

        let limitOperators: [(String, String)] = [
            ("sum", "∑"), ("prod", "∏"), ("coprod", "∐"), ("bigcup", "⋃"), ("bigcap", "⋂"),
            ("bigvee", "⋁"), ("bigwedge", "⋀"), ("bigoplus", "⨁"), ("bigotimes", "⨂"),
            ("bigodot", "⨀"), ("biguplus", "⨄"), ("bigsqcup", "⨆"),
        ]
        for (name, char) in limitOperators { t[name] = .largeOperator(char, .movable) }
        let integrals: [(String, String)] = [
            ("int", "∫"), ("iint", "∬"), ("iiint", "∭"), ("iiiint", "⨌"), ("oint", "∮"), ("oiint", "∯"),
        ]
        for (name, char) in integrals { t[name] = .largeOperator(char, .beside) }

        for name in [
            "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg",
            "dim", "exp", "hom", "ker", "lg", "ln", "log", "sec", "sin", "sinh", "tan", "tanh",
        ] {
            t[name] = .function(name)
        }
        for name in ["det", "gcd", "inf", "lim", "max", "min", "Pr", "sup"] { t[name] = .limitFunction(name) }
        t["liminf"] = .limitFunction("lim\u{2009}inf")
        t["limsup"] = .limitFunction("lim\u{2009}sup")
        // Not in LaTeX itself, but in nearly every machine-learning preamble.
        t["argmax"] = .limitFunction("arg\u{2009}max")
        t["argmin"] = .limitFunction("arg\u{2009}min")

        t["frac"] = .fraction(.auto)
        t["dfrac"] = .fraction(.display)
        t["cfrac"] = .fraction(.display)
        t["tfrac"] = .fraction(.text)
        t["binom"] = .binomial(.auto)
        t["dbinom"] = .binomial(.display)
        t["tbinom"] = .binomial(.text)
        t["sqrt"] = .sqrt

        let fonts: [(String, Alphabet)] = [
            ("mathrm", .upright), ("mathit", .italic), ("mathbf", .bold), ("boldsymbol", .boldItalic),
            ("bm", .boldItalic), ("pmb", .boldItalic), ("mathcal", .script), ("mathscr", .script),
            ("mathfrak", .fraktur), ("mathbb", .doubleStruck), ("mathsf", .sansSerif), ("mathtt", .monospace),
        ]
        for (name, alphabet) in fonts { t[name] = .font(alphabet) }
        let switches: [(String, Alphabet)] = [
            ("rm", .upright), ("it", .italic), ("bf", .bold), ("cal", .script), ("sf", .sansSerif), ("tt", .monospace),
        ]
        for (name, alphabet) in switches { t[name] = .fontSwitch(alphabet) }
        t["text"] = .text(className: nil)
        t["textrm"] = .text(className: nil)
        t["textnormal"] = .text(className: nil)
        t["textup"] = .text(className: nil)
        t["mbox"] = .text(className: nil)
        t["textbf"] = .text(className: "kd-text-bf")
        t["textit"] = .text(className: "kd-text-it")
        t["emph"] = .text(className: "kd-text-it")
        t["textsf"] = .text(className: "kd-text-sf")
        t["texttt"] = .text(className: "kd-text-tt")

        let accents: [(String, String)] = [
            ("hat", "^"), ("check", "ˇ"), ("tilde", "~"), ("acute", "´"), ("grave", "`"), ("dot", "˙"),
            ("ddot", "¨"), ("breve", "˘"), ("bar", "¯"), ("mathring", "˚"),
        ]
        for (name, char) in accents { t[name] = .accent(char, .fixed) }
        let wideAccents: [(String, String)] = [
            ("widehat", "^"), ("widetilde", "~"), ("widecheck", "ˇ"), ("overrightarrow", "→"),
            ("overleftarrow", "←"), ("overleftrightarrow", "↔"),
        ]
        for (name, char) in wideAccents { t[name] = .accent(char, .wide) }
        t["vec"] = .accent("→", .script)
        t["overline"] = .rule(over: true)
        t["underline"] = .rule(over: false)
        t["underrightarrow"] = .underOver("→", over: false, label: false)
        t["underleftarrow"] = .underOver("←", over: false, label: false)
        t["underbrace"] = .underOver("⏟", over: false, label: true)
        t["overbrace"] = .underOver("⏞", over: true, label: true)
        t["overset"] = .stack(over: true)
        t["stackrel"] = .stack(over: true)
        t["underset"] = .stack(over: false)

        let spaces: [(String, Double)] = [
            (",", 3.0 / 18), (":", 4.0 / 18), (">", 4.0 / 18), (";", 5.0 / 18), ("!", -3.0 / 18),
            (" ", 1.0 / 3), ("quad", 1), ("qquad", 2), ("enspace", 0.5), ("thinspace", 3.0 / 18),
            ("medspace", 4.0 / 18), ("thickspace", 5.0 / 18), ("negthinspace", -3.0 / 18),
            ("negmedspace", -4.0 / 18), ("negthickspace", -5.0 / 18),
        ]
        for (name, em) in spaces { t[name] = .space(.space(em: em)) }

        t["displaystyle"] = .style(.display)
        t["textstyle"] = .style(.text)
        t["scriptstyle"] = .style(.script)
        t["scriptscriptstyle"] = .style(.scriptScript)

        t["left"] = .left
        t["right"] = .right
        t["middle"] = .middle
        let bigSizes: [(String, Double)] = [("big", 1.2), ("Big", 1.623), ("bigg", 2.047), ("Bigg", 2.470)]
        for (name, size) in bigSizes {
            t[name] = .big(size, .ord)
            t[name + "l"] = .big(size, .open)
            t[name + "r"] = .big(size, .close)
            t[name + "m"] = .big(size, .rel)
        }

        t["begin"] = .begin
        t["end"] = .end
        t["\\"] = .newRow
        t["cr"] = .newRow
        t["hline"] = .hline
        t["hdashline"] = .hline
        t["operatorname"] = .operatorName
        t["limits"] = .limits(.always)
        t["nolimits"] = .limits(.beside)
        t["displaylimits"] = .limits(.movable)
        t["tag"] = .tag
        t["notag"] = .ignored(argument: false)
        t["nonumber"] = .ignored(argument: false)
        t["label"] = .ignored(argument: true)
        t["not"] = .not
        t["phantom"] = .phantom(.full)
        t["hphantom"] = .phantom(.horizontal)
        t["vphantom"] = .phantom(.vertical)
        t["boxed"] = .boxed
        t["color"] = .color
        t["textcolor"] = .textColor
        t["mathop"] = .mathClass(.op)
        t["mathbin"] = .mathClass(.bin)
        t["mathrel"] = .mathClass(.rel)
        t["mathord"] = .mathClass(.ord)
        t["mathopen"] = .mathClass(.open)
        t["mathclose"] = .mathClass(.close)
        t["mathpunct"] = .mathClass(.punct)
        t["mathinner"] = .mathClass(.inner)
        t["bmod"] = .mod(.binary)
        t["pmod"] = .mod(.parenthesized)
        t["mod"] = .mod(.plain)
        return t
    }()

    /// Names that are not commands here but that people type, with the one to use instead.
    static let replacements: [String: String] = [
        "over": "\\frac", "choose": "\\binom", "bold": "\\mathbf", "Bbb": "\\mathbb",
        "mathbold": "\\mathbf", "R": "\\mathbb{R}", "N": "\\mathbb{N}", "Z": "\\mathbb{Z}",
        "E": "\\mathbb{E}", "dd": "\\mathrm{d}", "abs": "\\lvert", "norm": "\\lVert",
        "textcircled": "\\text", "mathds": "\\mathbb",
    ]

    /// The symbol a plain character of math mode stands for, or `nil` for letters, digits and
    /// characters with a syntactic role (`{ } ^ _ & \ % ~ #  $`).
    static func character(_ byte: UInt8) -> Symbol? {
        asciiSymbols[Int(byte)]
    }

    private static let asciiSymbols: [Symbol?] = {
        var t = [Symbol?](repeating: nil, count: 128)
        func set(_ c: Unicode.Scalar, _ symbol: Symbol) { t[Int(c.value)] = symbol }
        set("+", .bin("+"))
        set("-", .bin("\u{2212}"))
        set("*", .bin("∗"))
        set("=", .rel("="))
        set("<", .rel("<"))
        set(">", .rel(">"))
        set(":", .rel(":", space: 5.0 / 18))
        set("(", .open("("))
        set(")", .close(")"))
        set("[", .open("["))
        set("]", .close("]"))
        set(",", .punct(","))
        set(";", .punct(";"))
        set("/", .plainOperator("/"))
        set("|", .ordOperator("|"))
        set(".", .ordOperator("."))
        set("!", .plainOperator("!", .close))
        set("?", .ordOperator("?"))
        set("@", .ord("@"))
        set("`", .ordOperator("‘"))
        set("\"", .ordOperator("\""))
        return t
    }()

    /// Commands by the character they print, for math typed in Unicode (`α ≤ β`, `∑`).
    static let unicodeCommands: [String: Command] = {
        var t: [String: Command] = [:]
        // Letters first, operators over them: a character that is both is an operator. Names
        // are visited in order so that the result never depends on hashing.
        for table in [LetterSymbols.table, OperatorSymbols.table] {
            for (_, symbol) in table.sorted(by: { $0.key < $1.key }) {
                t[symbol.node.text] = .symbol(symbol)
            }
        }
        for (_, command) in commands.sorted(by: { $0.key < $1.key }) {
            if case .largeOperator(let char, _) = command { t[char] = command }
        }
        t["|"] = .symbol(.ordOperator("|"))
        t["‖"] = .symbol(.ordOperator("‖"))
        t["−"] = .symbol(.bin("\u{2212}"))
        return t
    }()

    /// Environments by name.
    static let environments: [String: Environment] = Environment.table
}
