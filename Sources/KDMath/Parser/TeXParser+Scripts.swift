// Subscripts, superscripts, primes and `\limits`.
extension TeXParser {
    /// Attaches the `_`, `^`, `'` and `\limits`/`\nolimits` that follow `atom`.
    mutating func parseScripts(_ atom: inout Atom) throws(TeXError) {
        var sub: MathNode?
        var sup: MathNode?
        var primes: MathNode?  // f' and f'' (any `^` after them is a superscript of f′)
        while true {
            skipSpace()
            guard let byte = current else { break }
            let start = position
            if byte == UInt8(ascii: "^") {
                if sup != nil { throw error("double superscript", at: start) }
                position += 1
                sup = try parseScript(after: "^", at: start)
            } else if byte == UInt8(ascii: "_") {
                if sub != nil { throw error("double subscript", at: start) }
                position += 1
                sub = try parseScript(after: "_", at: start)
            } else if byte == UInt8(ascii: "'") {
                if sup != nil || primes != nil { throw error("double superscript", at: start) }
                var count = 0
                while current == UInt8(ascii: "'") {
                    count += 1
                    position += 1
                }
                primes = Self.primes(count)
            } else if byte == UInt8(ascii: "\\"), let limits = peekLimits() {
                guard atom.kind == .op else {
                    throw error("'\\\(peekCommandName() ?? "")' must follow an operator", at: start)
                }
                _ = try readCommandName()
                atom.limits = limits
            } else {
                break
            }
        }
        // U+2032 is drawn raised already: beside the base, not shrunk into a superscript.
        if let primes { atom.node = .row([atom.node, primes]) }
        guard sub != nil || sup != nil else { return }
        atom.node = scripted(atom, sub: sub, sup: sup)
    }

    /// `′`, `″`, `‴`, `⁗`, then more `′`: TeX's `'`.
    private static func primes(_ count: Int) -> MathNode {
        let glyphs = ["′", "″", "‴", "⁗"]
        let text = count <= 4 ? glyphs[count - 1] : String(repeating: "′", count: count)
        return .op(text)
    }

    private func peekLimits() -> LimitsPlacement? {
        guard let name = peekCommandName(), case .limits(let placement) = CommandTable.commands[name] else {
            return nil
        }
        return placement
    }

    /// The argument of `^` or `_` at `start`: a group or one token.
    private mutating func parseScript(after marker: String, at start: Int) throws(TeXError) -> MathNode {
        skipSpace()
        let kind = marker == "^" ? "superscript" : "subscript"
        guard let byte = current else { throw error("missing \(kind) after '\(marker)'", at: start) }
        switch byte {
        case UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "^"), UInt8(ascii: "_"):
            throw error("missing \(kind) after '\(marker)'", at: start)
        case UInt8(ascii: "{"):
            return try parseGroup()
        case UInt8(ascii: "\\"):
            if let name = peekCommandName(), ["right", "end", "\\", "middle"].contains(name) {
                throw error("missing \(kind) after '\(marker)'", at: start)
            }
        default:
            break
        }
        guard let atom = try parseAtom(in: .end, single: true) else {
            throw error("missing \(kind) after '\(marker)'", at: start)
        }
        return RowBuilder.node([atom])
    }

    /// The base with its scripts: under and over for operators with limits, beside otherwise.
    private func scripted(_ atom: Atom, sub: MathNode?, sup: MathNode?) -> MathNode {
        var base = atom.node
        let stacked = atom.limits != .beside
        if stacked && atom.limits == .always, var core = base.coreOperator {
            core[attribute: "movablelimits"] = "false"
            base.coreOperator = core
        }
        switch (sub, sup) {
        case (let sub?, let sup?):
            return MathNode(stacked ? .munderover : .msubsup, children: [base, sub, sup])
        case (let sub?, nil):
            return MathNode(stacked ? .munder : .msub, children: [base, sub])
        case (nil, let sup?):
            return MathNode(stacked ? .mover : .msup, children: [base, sup])
        case (nil, nil):
            return base
        }
    }
}
