/// A character of math: the node it becomes and its TeX class. Built once, in the tables.
struct Symbol: Sendable {
    var node: MathNode
    var kind: AtomKind

    /// A letter-like ordinary symbol (`\alpha`, `\infty`): `<mi>`.
    static func ord(_ text: String) -> Symbol {
        Symbol(node: .identifier(text), kind: .ord)
    }

    /// An ordinary symbol drawn upright (capital Greek): `<mi mathvariant="normal">`.
    static func upright(_ text: String) -> Symbol {
        Symbol(node: .identifier(text, upright: true), kind: .ord)
    }

    /// An ordinary symbol that is still an operator (`|`, `/`, `!`): `<mo>` with no space and
    /// no stretching, whatever the dictionary says for its position.
    static func ordOperator(_ text: String) -> Symbol {
        Symbol(node: .op(text, [.attr("stretchy", "false"), .attr("lspace", "0"), .attr("rspace", "0")]), kind: .ord)
    }

    /// An operator whose dictionary entry already gives TeX's spacing (`/`, `∇`, `¬`).
    static func plainOperator(_ text: String, _ kind: AtomKind = .ord) -> Symbol {
        Symbol(node: .op(text), kind: kind)
    }

    static func bin(_ text: String) -> Symbol {
        Symbol(node: .op(text), kind: .bin)
    }

    /// A relation. Characters missing from the operator dictionary get its default space,
    /// 5/18 em on each side, which is TeX's relation space.
    static func rel(_ text: String) -> Symbol {
        Symbol(node: .op(text), kind: .rel)
    }

    /// A relation with explicit space (`:` is punctuation in the dictionary, a relation in TeX).
    static func rel(_ text: String, space: Double) -> Symbol {
        let width = EmLength(space).description
        return Symbol(node: .op(text, [.attr("lspace", width), .attr("rspace", width)]), kind: .rel)
    }

    /// An arrow used as a relation: never stretched by its neighbours.
    static func arrow(_ text: String) -> Symbol {
        Symbol(node: .op(text, [.attr("stretchy", "false")]), kind: .rel)
    }

    static func open(_ text: String) -> Symbol {
        Symbol(node: .op(text, [.attr("stretchy", "false")]), kind: .open)
    }

    static func close(_ text: String) -> Symbol {
        Symbol(node: .op(text, [.attr("stretchy", "false")]), kind: .close)
    }

    static func punct(_ text: String) -> Symbol {
        Symbol(node: .op(text), kind: .punct)
    }
}
