// Atoms: characters, groups, arguments and scripts.
extension TeXParser {
    /// Reads one atom, without its scripts; `nil` when the token draws nothing (`\label{…}`).
    /// `single` limits a run of letters or digits to one character, as TeX reads a script.
    mutating func parseAtom(in terminator: Terminator, single: Bool = false) throws(TeXError) -> Atom? {
        let start = position
        let byte = source[position]
        // Every level of nesting passes here; a bound keeps the recursion off the stack's end.
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("formula nested too deeply", at: start) }
        switch byte {
        case UInt8(ascii: "{"):
            // A group is an ordinary atom: `{,}` in 85{,}770 and `{=}` take no space.
            var (node, atoms) = try parseGroupAtoms()
            if atoms.count == 1, [.rel, .punct, .open, .close].contains(atoms[0].kind), var core = node.coreOperator {
                core[attribute: "lspace"] = "0"
                core[attribute: "rspace"] = "0"
                node.coreOperator = core
            }
            return Atom(node, .ord)
        case UInt8(ascii: "\\"):
            return try parseCommand(in: terminator, single: single)
        case UInt8(ascii: "~"):
            position += 1
            return Atom(Self.tieSpace, .space)
        case UInt8(ascii: "#"), UInt8(ascii: "$"):
            let char = String(UnicodeScalar(byte))
            throw error("unexpected '\(char)'", suggestion: "\\\(char)", at: start)
        case _ where isLetter(byte):
            return Atom(letters(single: single), .ord)
        case _
        where isDigit(byte)
            || (byte == UInt8(ascii: ".") && position + 1 < source.count && isDigit(source[position + 1])):
            return Atom(number(single: single), .ord)
        case 0x80...:
            return try unicodeAtom()
        default:
            guard let symbol = CommandTable.character(byte) else {
                throw error("unexpected character U+\(hex(UInt32(byte)))", at: start)
            }
            position += 1
            return Atom(symbol.node, symbol.kind)
        }
    }

    /// `~`: an unbreakable interword space.
    static let tieSpace = MathNode.space(em: 1.0 / 3)

    /// `{…}`: the group's atoms as one node (an `mrow` unless there is exactly one).
    mutating func parseGroup() throws(TeXError) -> MathNode {
        try parseGroupAtoms().node
    }

    /// `{…}` read as atoms; the group's own class is ord, but a caller (`\overset`) may want
    /// the class of a lone atom inside.
    mutating func parseGroupAtoms() throws(TeXError) -> (node: MathNode, atoms: [Atom]) {
        let open = position
        position += 1
        let savedAlphabet = alphabet
        defer { alphabet = savedAlphabet }
        let atoms = try parseAtoms(until: .brace(open))
        position += 1  // the `}` that ended the row
        return (RowBuilder.node(atoms), atoms)
    }

    /// The argument of the command that starts at `commandStart`: a group, or one token.
    mutating func parseArgument(of command: String, at commandStart: Int) throws(TeXError) -> MathNode {
        try parseArgumentAtom(of: command, at: commandStart).node
    }

    /// The argument as an atom, keeping the class of a lone atom (`\overset{!}{=}` is a relation).
    mutating func parseArgumentAtom(of command: String, at commandStart: Int) throws(TeXError) -> Atom {
        skipSpace()
        guard let byte = current, !endsArgument(byte) else {
            throw error("missing argument for '\\\(command)'", at: commandStart)
        }
        if byte == UInt8(ascii: "{") {
            let (node, atoms) = try parseGroupAtoms()
            return Atom(node, atoms.count == 1 ? atoms[0].kind : .ord)
        }
        guard var atom = try parseAtom(in: .end, single: true) else {
            throw error("missing argument for '\\\(command)'", at: commandStart)
        }
        // One token is a row of its own: a lone `-` is unary, as in a group.
        atom.node = RowBuilder.node([atom])
        return atom
    }

    /// Whether `byte` at `position` cannot start an argument.
    private func endsArgument(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "^"), UInt8(ascii: "_"):
            return true
        case UInt8(ascii: "\\"):
            let name = peekCommandName()
            return name == "right" || name == "end" || name == "\\" || name == "middle"
        default:
            return false
        }
    }

    // MARK: - Characters

    /// A letter, or under an explicit alphabet a run of letters (`\mathrm{softmax}` is one name).
    private mutating func letters(single: Bool) -> MathNode {
        let start = position
        position += 1
        if let alphabet, !single {
            while position < source.count && isLetter(source[position]) { position += 1 }
            let text = styled(source[start..<position], in: alphabet)
            return .identifier(text, upright: alphabet.needsNormalVariant && position - start == 1)
        }
        if let alphabet {
            return .identifier(styled(source[start..<position], in: alphabet), upright: alphabet.needsNormalVariant)
        }
        return .identifier(String(UnicodeScalar(source[start])))
    }

    /// Digits with at most one decimal point (`3.14`), or a single digit for a script.
    private mutating func number(single: Bool) -> MathNode {
        let start = position
        if single {
            position += 1
        } else {
            var seenPoint = false
            while position < source.count {
                let byte = source[position]
                if isDigit(byte) {
                    position += 1
                } else if byte == UInt8(ascii: "."), !seenPoint, position + 1 < source.count,
                    isDigit(source[position + 1])
                {
                    seenPoint = true
                    position += 1
                } else {
                    break
                }
            }
        }
        guard let alphabet else { return .number(String(decoding: source[start..<position], as: UTF8.self)) }
        return .number(styled(source[start..<position], in: alphabet))
    }

    private func styled(_ bytes: ArraySlice<UInt8>, in alphabet: Alphabet) -> String {
        var text = ""
        for byte in bytes {
            let scalar = UnicodeScalar(byte)
            text.unicodeScalars.append(alphabet.map(scalar) ?? scalar)
        }
        return text
    }

    /// A node of a symbol table, restyled when an alphabet is active (`\boldsymbol{\theta}`).
    func styled(_ node: MathNode) -> MathNode {
        guard let alphabet, node.tag == .mi else { return node }
        var text = ""
        var changed = false
        for scalar in node.text.unicodeScalars {
            if let mapped = alphabet.map(scalar) {
                text.unicodeScalars.append(mapped)
                changed = true
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return changed ? .identifier(text) : node
    }

    /// A character typed in Unicode: a known symbol (`α`, `≤`, `∑`), else an identifier.
    private mutating func unicodeAtom() throws(TeXError) -> Atom {
        let start = position
        let length = Self.scalarLength(source[position])
        guard position + length <= source.count,
            let scalar = String(validating: source[position..<position + length], as: UTF8.self)
        else {
            throw error("invalid UTF-8", at: start)
        }
        position += length
        switch CommandTable.unicodeCommands[scalar] {
        case .symbol(let symbol): return Atom(styled(symbol.node), symbol.kind)
        case .largeOperator(let char, let limits): return .largeOperator(char, limits)
        default: return Atom(styled(.identifier(scalar)), .ord)
        }
    }

    func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
