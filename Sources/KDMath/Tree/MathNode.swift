/// One MathML Core element of a converted formula: a token (`mi`, `mn`, `mo`, `mtext`) holding
/// text, or a layout element holding children.
///
/// Attributes keep the order they were added in, so the same TeX always gives the same bytes.
struct MathNode: Equatable, Sendable {
    /// The MathML Core elements the converter emits (nothing outside MathML Core).
    enum Tag: Sendable {
        case mi, mn, mo, mtext, mspace
        case mrow, mstyle, mpadded, mphantom
        case mfrac, msqrt, mroot
        case msub, msup, msubsup, munder, mover, munderover
        case mtable, mtr, mtd

        /// The start of the opening tag (`<mi`), for the writer.
        var openTag: StaticString {
            switch self {
            case .mi: "<mi"
            case .mn: "<mn"
            case .mo: "<mo"
            case .mtext: "<mtext"
            case .mspace: "<mspace"
            case .mrow: "<mrow"
            case .mstyle: "<mstyle"
            case .mpadded: "<mpadded"
            case .mphantom: "<mphantom"
            case .mfrac: "<mfrac"
            case .msqrt: "<msqrt"
            case .mroot: "<mroot"
            case .msub: "<msub"
            case .msup: "<msup"
            case .msubsup: "<msubsup"
            case .munder: "<munder"
            case .mover: "<mover"
            case .munderover: "<munderover"
            case .mtable: "<mtable"
            case .mtr: "<mtr"
            case .mtd: "<mtd"
            }
        }

        /// The closing tag (`</mi>`), for the writer.
        var closeTag: StaticString {
            switch self {
            case .mi: "</mi>"
            case .mn: "</mn>"
            case .mo: "</mo>"
            case .mtext: "</mtext>"
            case .mspace: "</mspace>"
            case .mrow: "</mrow>"
            case .mstyle: "</mstyle>"
            case .mpadded: "</mpadded>"
            case .mphantom: "</mphantom>"
            case .mfrac: "</mfrac>"
            case .msqrt: "</msqrt>"
            case .mroot: "</mroot>"
            case .msub: "</msub>"
            case .msup: "</msup>"
            case .msubsup: "</msubsup>"
            case .munder: "</munder>"
            case .mover: "</mover>"
            case .munderover: "</munderover>"
            case .mtable: "</mtable>"
            case .mtr: "</mtr>"
            case .mtd: "</mtd>"
            }
        }

        /// Token elements carry text; the others carry children.
        var isToken: Bool {
            switch self {
            case .mi, .mn, .mo, .mtext: true
            default: false
            }
        }
    }

    struct Attribute: Equatable, Sendable {
        var name: String
        var value: String

        static func attr(_ name: String, _ value: String) -> Attribute {
            Attribute(name: name, value: value)
        }
    }

    var tag: Tag
    var attributes: [Attribute] = []
    var text: String = ""
    var children: [MathNode] = []

    init(_ tag: Tag, _ attributes: [Attribute] = [], text: String = "", children: [MathNode] = []) {
        self.tag = tag
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The value of attribute `name`, if set.
    subscript(attribute name: String) -> String? {
        get { attributes.first { $0.name == name }?.value }
        set {
            if let i = attributes.firstIndex(where: { $0.name == name }) {
                if let newValue { attributes[i].value = newValue } else { attributes.remove(at: i) }
            } else if let newValue {
                attributes.append(Attribute(name: name, value: newValue))
            }
        }
    }
}

// MARK: - Builders

extension MathNode {
    /// `<mi>`; `upright` forces `mathvariant="normal"` on a single character (capital Greek,
    /// `\mathrm{d}`), which MathML Core would otherwise draw in italic.
    static func identifier(_ text: String, upright: Bool = false) -> MathNode {
        MathNode(.mi, upright ? [.attr("mathvariant", "normal")] : [], text: text)
    }

    static func number(_ text: String) -> MathNode {
        MathNode(.mn, text: text)
    }

    static func op(_ text: String, _ attributes: [Attribute] = []) -> MathNode {
        MathNode(.mo, attributes, text: text)
    }

    static func text(_ text: String, _ attributes: [Attribute] = []) -> MathNode {
        MathNode(.mtext, attributes, text: text)
    }

    /// Horizontal space of `em` ems. MathML Core clamps a negative `mspace` width to zero, so
    /// a negative space (`\!` −3 mu, `\negmedspace` −4, `\negthickspace` −5; 18 mu = 1 em) is a
    /// class, `kd-negspace-3|4|5`, that the theme gives a negative `margin-left` — not a `style`
    /// attribute, which a strict Content-Security-Policy (`style-src 'self'`) blocks.
    static func space(em: Double) -> MathNode {
        if em < 0 {
            let mu = Int((-em * 18).rounded())
            precondition((3...5).contains(mu), "no class for a negative space of \(mu) mu")
            return MathNode(.mspace, [.attr("class", "kd-negspace-\(mu)")])
        }
        return MathNode(.mspace, [.attr("width", EmLength(em).description)])
    }

    /// `<mrow>` around `children`.
    static func row(_ children: [MathNode]) -> MathNode {
        MathNode(.mrow, children: children)
    }

    /// The single child itself, or an `<mrow>` around several (or none): what a MathML Core
    /// element that expects exactly one child per argument needs.
    static func grouped(_ children: [MathNode]) -> MathNode {
        children.count == 1 ? children[0] : row(children)
    }
}

/// A length in ems printed the short way: `1em`, `0.1667em`, `-0.1667em`.
struct EmLength: CustomStringConvertible {
    var value: Double
    init(_ value: Double) { self.value = value }

    var description: String {
        // Four decimals, without Foundation's formatting: round to 1/10000 em.
        let scaled = Int((abs(value) * 10_000).rounded())
        let whole = scaled / 10_000
        var fraction = scaled % 10_000
        var digits = ""
        if fraction != 0 {
            var width = 4
            while fraction % 10 == 0 { fraction /= 10; width -= 1 }
            let s = String(fraction)
            digits = "." + String(repeating: "0", count: width - s.count) + s
        }
        return (value < 0 && scaled != 0 ? "-" : "") + String(whole) + digits + "em"
    }
}
