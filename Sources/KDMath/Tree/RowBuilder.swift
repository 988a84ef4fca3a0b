/// Turns a row of atoms into nodes, applying the TeX spacing rules the MathML Core operator
/// dictionary does not know:
///
/// - a binary operator with nothing to operate on (at the start, after an operator, relation,
///   opening delimiter or punctuation) is unary: `form="prefix"` for `+ − ± ∓`;
/// - a binary operator before a relation, closing delimiter, punctuation or the end is ordinary;
/// - `\sin x` gets U+2061 FUNCTION APPLICATION, and thin spaces where TeX puts them around an
///   operator: after an ordinary or closing atom, and before an ordinary atom or operator.
enum RowBuilder {
    static let thinSpace = MathNode.space(em: 3.0 / 18.0)
    static let functionApplication = MathNode.op("\u{2061}")

    /// `afterOrdinary` treats the row as following an ordinary atom (an aligned column after
    /// `&`, where amsmath inserts `{}`).
    static func nodes(_ input: [Atom], afterOrdinary: Bool = false) -> [MathNode] {
        var atoms = input
        markUnaryAndOrdinaryBinaries(&atoms, afterOrdinary: afterOrdinary)
        var nodes: [MathNode] = []
        nodes.reserveCapacity(atoms.count + 2)
        for i in atoms.indices {
            let atom = atoms[i]
            guard atom.isFunction || atom.isTextOperator else {
                nodes.append(atom.node)
                continue
            }
            if let previous = neighbour(of: i, in: atoms, step: -1), atoms[previous].kind.spacedBeforeOperator {
                nodes.append(thinSpace)
            }
            nodes.append(atom.node)
            if atom.isFunction { nodes.append(functionApplication) }
            if let next = neighbour(of: i, in: atoms, step: 1), atoms[next].kind.spacedAfterOperator,
                !atoms[next].isFenced
            {
                nodes.append(thinSpace)
            }
        }
        keepOperatorSpacing(&nodes)
        return nodes
    }

    /// MathML counts `mtext` and `mspace` as space-like, so a row like `\text{a} = \text{b}`
    /// is, as a whole, an embellished operator: the `=` space would go outside the row and none
    /// inside. An empty `<mi>` (not space-like, zero width) keeps the row an ordinary one, and
    /// an explicit form keeps the operator infix.
    static func keepOperatorSpacing(_ nodes: inout [MathNode]) {
        guard nodes.count > 1 else { return }
        var operatorIndex: Int?
        for (i, node) in nodes.enumerated() where !node.isSpaceLike {
            guard operatorIndex == nil, node.isEmbellishedOperator else { return }
            operatorIndex = i
        }
        guard let i = operatorIndex else { return }
        if var core = nodes[i].coreOperator, core[attribute: "form"] == nil {
            core[attribute: "form"] = "infix"
            nodes[i].coreOperator = core
        }
        nodes.append(MathNode(.mi))
    }

    /// The row's nodes as one node: the node itself when there is one, else an `mrow`.
    static func node(_ atoms: [Atom]) -> MathNode {
        .grouped(nodes(atoms))
    }

    /// The index of the nearest atom before (`step` -1) or after (+1) `i` that is not a space.
    private static func neighbour(of i: Int, in atoms: [Atom], step: Int) -> Int? {
        var j = i + step
        while j >= 0 && j < atoms.count {
            if atoms[j].kind != .space { return j }
            j += step
        }
        return nil
    }

    private static func markUnaryAndOrdinaryBinaries(_ atoms: inout [Atom], afterOrdinary: Bool) {
        for i in atoms.indices where atoms[i].kind == .bin {
            let previous = neighbour(of: i, in: atoms, step: -1).map { atoms[$0].kind } ?? (afterOrdinary ? .ord : nil)
            if afterOrdinary, neighbour(of: i, in: atoms, step: -1) == nil, var core = atoms[i].node.coreOperator {
                // First in its cell, where MathML would infer a prefix form.
                core[attribute: "form"] = "infix"
                atoms[i].node.coreOperator = core
            }
            if previous?.leavesBinaryUnary ?? true {
                atoms[i].kind = .ord
                makeUnary(&atoms[i].node)
                continue
            }
            if neighbour(of: i, in: atoms, step: 1).map({ atoms[$0].kind.endsBinary }) ?? true {
                atoms[i].kind = .ord
                if var core = atoms[i].node.coreOperator {
                    core[attribute: "lspace"] = "0"
                    core[attribute: "rspace"] = "0"
                    atoms[i].node.coreOperator = core
                }
            }
        }
    }

    /// `+ − ± ∓` have a prefix entry without space in the operator dictionary; other binary
    /// operators used as unary lose their space explicitly.
    private static func makeUnary(_ node: inout MathNode) {
        guard var core = node.coreOperator else { return }
        switch core.text {
        case "+", "\u{2212}", "\u{00B1}", "\u{2213}":
            core[attribute: "form"] = "prefix"
        default:
            core[attribute: "lspace"] = "0"
            core[attribute: "rspace"] = "0"
        }
        node.coreOperator = core
    }
}
