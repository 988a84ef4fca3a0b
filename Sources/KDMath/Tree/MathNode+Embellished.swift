// MathML Core's classification of elements, which decides where operator spacing applies.
extension MathNode {
    /// An `mo`, or an element that lends its first child's operator properties (a scripted or
    /// fraction-topped operator), or a grouping element around exactly one such element and
    /// otherwise only space-like ones (MathML Core, "embellished operators").
    var isEmbellishedOperator: Bool {
        switch tag {
        case .mo:
            return true
        case .msub, .msup, .msubsup, .munder, .mover, .munderover, .mfrac:
            return children.first?.isEmbellishedOperator ?? false
        case .mrow, .mstyle, .mphantom, .mpadded:
            var found = false
            for child in children where !child.isSpaceLike {
                guard !found, child.isEmbellishedOperator else { return false }
                found = true
            }
            return found
        default:
            return false
        }
    }

    /// `mtext`, `mspace`, and grouping elements holding only those.
    var isSpaceLike: Bool {
        switch tag {
        case .mtext, .mspace:
            return true
        case .mrow, .mstyle, .mphantom, .mpadded:
            return children.allSatisfy(\.isSpaceLike)
        default:
            return false
        }
    }
}

extension MathNode {
    /// The `mo` at the heart of an embellished operator (an `mo`, or a scripted `mo`), which is
    /// where MathML Core reads its spacing and form.
    var coreOperator: MathNode? {
        get {
            switch tag {
            case .mo: self
            case .msub, .msup, .msubsup, .munder, .mover, .munderover: children.first?.coreOperator
            default: nil
            }
        }
        set {
            guard let newValue else { return }
            switch tag {
            case .mo: self = newValue
            case .msub, .msup, .msubsup, .munder, .mover, .munderover: children[0].coreOperator = newValue
            default: break
            }
        }
    }
}
