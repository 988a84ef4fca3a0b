/// A math alphabet (`\mathbf`, `\mathbb`, …). MathML Core honours only
/// `mathvariant="normal"`, so styled letters become the code points of Unicode's Mathematical
/// Alphanumeric Symbols block (U+1D400–U+1D7FF, with the older letters of Letterlike Symbols
/// filling its holes), as Temml does.
enum Alphabet: Sendable, Equatable {
    case upright  // \mathrm, \rm, \operatorname
    case italic  // \mathit
    case bold  // \mathbf
    case boldItalic  // \boldsymbol, \bm
    case script  // \mathcal, \mathscr
    case fraktur  // \mathfrak
    case doubleStruck  // \mathbb
    case sansSerif  // \mathsf
    case monospace  // \mathtt

    /// The styled form of `scalar`, or `nil` when this alphabet leaves it as it is.
    func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x41...0x5A: return latin(v - 0x41, capital: true)
        case 0x61...0x7A: return latin(v - 0x61, capital: false)
        case 0x30...0x39: return digit(v - 0x30)
        case 0x391...0x3A9: return greek(v - 0x391, capital: true)
        case 0x3B1...0x3C9: return greek(v - 0x3B1, capital: false)
        default:
            guard let index = Self.greekVariants[v] else { return nil }
            return greek(index, capital: false, variant: true)
        }
    }

    /// Whether letters in this alphabet are drawn upright, so a single one needs
    /// `mathvariant="normal"` to escape MathML Core's automatic italic.
    var needsNormalVariant: Bool { self == .upright }

    private func latin(_ index: UInt32, capital: Bool) -> Unicode.Scalar? {
        let letter = Character(Unicode.Scalar(UInt8(index) + (capital ? 0x41 : 0x61)))
        let base: UInt32
        switch self {
        case .upright: return nil
        case .italic:
            if letter == "h" { return "\u{210E}" }
            base = 0x1D434
        case .bold: base = 0x1D400
        case .boldItalic: base = 0x1D468
        case .script:
            if let hole = Self.scriptHoles[letter] { return hole }
            base = 0x1D49C
        case .fraktur:
            if let hole = Self.frakturHoles[letter] { return hole }
            base = 0x1D504
        case .doubleStruck:
            if let hole = Self.doubleStruckHoles[letter] { return hole }
            base = 0x1D538
        case .sansSerif: base = 0x1D5A0
        case .monospace: base = 0x1D670
        }
        return Unicode.Scalar(base + index + (capital ? 0 : 26))
    }

    private func digit(_ index: UInt32) -> Unicode.Scalar? {
        let base: UInt32
        switch self {
        case .bold, .boldItalic: base = 0x1D7CE
        case .doubleStruck: base = 0x1D7D8
        case .sansSerif: base = 0x1D7E2
        case .monospace: base = 0x1D7F6
        case .upright, .italic, .script, .fraktur: return nil
        }
        return Unicode.Scalar(base + index)
    }

    /// Greek: capitals U+0391–U+03A9 (U+03A2 lines up with ϴ), small letters U+03B1–U+03C9,
    /// then the variants ∂ ϵ ϑ ϰ ϕ ϱ ϖ, in the order of the mathematical Greek blocks.
    private func greek(_ index: UInt32, capital: Bool, variant: Bool = false) -> Unicode.Scalar? {
        let capitalBase: UInt32
        switch self {
        case .bold: capitalBase = 0x1D6A8
        case .italic: capitalBase = 0x1D6E2
        case .boldItalic:
            // \boldsymbol keeps capital Greek upright, as TeX does.
            if capital { return Unicode.Scalar(0x1D6A8 + index) }
            capitalBase = 0x1D71C
        default: return nil
        }
        if capital { return Unicode.Scalar(capitalBase + index) }
        let smallBase = capitalBase + 26
        return Unicode.Scalar(smallBase + (variant ? 25 : 0) + index)
    }

    /// ∂ ϵ ϑ ϰ ϕ ϱ ϖ → their position after ω in the mathematical Greek blocks.
    private static let greekVariants: [UInt32: UInt32] = [
        0x2202: 0, 0x3F5: 1, 0x3D1: 2, 0x3F0: 3, 0x3D5: 4, 0x3F1: 5, 0x3D6: 6,
    ]
    private static let scriptHoles: [Character: Unicode.Scalar] = [
        "B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
        "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}", "o": "\u{2134}",
    ]
    private static let frakturHoles: [Character: Unicode.Scalar] = [
        "C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}",
    ]
    private static let doubleStruckHoles: [Character: Unicode.Scalar] = [
        "C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
        "R": "\u{211D}", "Z": "\u{2124}",
    ]
}
