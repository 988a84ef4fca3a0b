/// Greek, Hebrew and the letter-like ordinary symbols, by command name (without `\`).
enum LetterSymbols {
    static let table: [String: Symbol] = {
        var t: [String: Symbol] = [:]
        // Small Greek: italic, MathML Core's default for a one-letter <mi>.
        let small: [(String, String)] = [
            ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "\u{03F5}"),
            ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"),
            ("iota", "ι"), ("kappa", "κ"), ("varkappa", "ϰ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"),
            ("xi", "ξ"), ("omicron", "ο"), ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"), ("varrho", "ϱ"),
            ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "\u{03D5}"),
            ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"), ("digamma", "ϝ"),
        ]
        for (name, char) in small { t[name] = .ord(char) }
        // Capital Greek: upright, as TeX draws them; \varGamma… are the italic ones.
        let capitals: [(String, String)] = [
            ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
            ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
        ]
        for (name, char) in capitals {
            t[name] = .upright(char)
            t["var" + name] = .ord(char)
        }
        let ords: [(String, String)] = [
            ("aleph", "ℵ"), ("beth", "ℶ"), ("gimel", "ℷ"), ("daleth", "ℸ"),
            ("infty", "∞"), ("partial", "∂"), ("emptyset", "∅"), ("varnothing", "⌀"), ("ell", "ℓ"),
            ("hbar", "ℏ"), ("hslash", "ℏ"), ("imath", "ı"), ("jmath", "ȷ"), ("Re", "ℜ"), ("Im", "ℑ"),
            ("wp", "℘"), ("forall", "∀"), ("exists", "∃"), ("nexists", "∄"), ("top", "⊤"), ("bot", "⊥"),
            ("angle", "∠"), ("measuredangle", "∡"), ("triangle", "△"), ("square", "□"), ("Box", "□"),
            ("blacksquare", "■"), ("diamondsuit", "♢"), ("heartsuit", "♡"), ("clubsuit", "♣"),
            ("spadesuit", "♠"), ("checkmark", "✓"), ("S", "§"), ("P", "¶"), ("flat", "♭"), ("natural", "♮"),
            ("sharp", "♯"), ("complement", "∁"), ("mho", "℧"), ("Finv", "Ⅎ"), ("Game", "⅁"),
            ("eth", "ð"), ("degree", "°"), ("dots", "…"), ("ldots", "…"), ("dotsc", "…"), ("dotso", "…"),
            ("cdots", "⋯"), ("dotsb", "⋯"), ("dotsm", "⋯"), ("dotsi", "⋯"), ("vdots", "⋮"), ("ddots", "⋱"),
            ("%", "%"), ("#", "#"), ("$", "$"), ("&", "&"), ("_", "_"),
        ]
        for (name, char) in ords { t[name] = .ord(char) }
        t["nabla"] = .plainOperator("∇")
        t["neg"] = .plainOperator("¬")
        t["lnot"] = .plainOperator("¬")
        t["prime"] = .plainOperator("′")
        t["backprime"] = .plainOperator("‵")
        return t
    }()
}
