/// TeX's atom classes (The TeXbook, ch. 17): they decide where TeX puts space, which MathML
/// Core mostly leaves to its operator dictionary. The converter keeps them only to correct the
/// few cases where the dictionary and TeX disagree.
enum AtomKind: Sendable {
    case ord, op, bin, rel, open, close, punct, inner
    /// Explicit space (`\,`, `\quad`): transparent when looking at neighbours.
    case space
}

extension AtomKind {
    /// TeX puts a thin space between these and a following operator (`2\sin x`).
    var spacedBeforeOperator: Bool {
        switch self {
        case .ord, .close, .inner: true
        default: false
        }
    }

    /// TeX puts a thin space between an operator and these (`\sin x`, not `\sin(x)`).
    var spacedAfterOperator: Bool {
        switch self {
        case .ord, .op, .inner: true
        default: false
        }
    }

    /// A binary operator after these has nothing on its left: it is unary (`(-1)`, `= -x`).
    var leavesBinaryUnary: Bool {
        switch self {
        case .bin, .op, .rel, .open, .punct: true
        default: false
        }
    }

    /// A binary operator before these has nothing on its right: it is ordinary.
    var endsBinary: Bool {
        switch self {
        case .rel, .close, .punct: true
        default: false
        }
    }
}

/// How scripts attach to an operator.
enum LimitsPlacement: Sendable {
    /// Subscript and superscript beside the base (`msub`, `msup`, `msubsup`).
    case beside
    /// Under and over in display style, beside in text style: `munderover` with movable limits.
    case movable
    /// Always under and over (`\limits`, `\underbrace`).
    case always
}

/// A parsed item of a row: the node, its TeX class, and what the row pass needs to know.
struct Atom: Sendable {
    var node: MathNode
    var kind: AtomKind
    var limits: LimitsPlacement = .beside
    /// `\sin`, `\log`, `\operatorname{…}`: followed by an invisible function application.
    var isFunction = false
    /// `\lim`, `\max`, `\operatorname*{…}`: an `mo` whose TeX operator spacing the row sets.
    var isTextOperator = false
    /// `\left( … \right)`: a function name before it takes no space, as before `(`.
    var isFenced = false
    init(_ node: MathNode, _ kind: AtomKind) {
        self.node = node
        self.kind = kind
    }
}

extension Atom {
    /// `\sum`, `\int`: an `mo` whose scripts go where `limits` says.
    static func largeOperator(_ char: String, _ limits: LimitsPlacement) -> Atom {
        var atom = Atom(.op(char), .op)
        atom.limits = limits
        return atom
    }
}
