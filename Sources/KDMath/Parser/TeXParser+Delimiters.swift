// `\left … \middle … \right`, `\big` and friends, `\not`, `\pmod`.
extension TeXParser {
    /// `\left(` … `\right)`: an `mrow` between two fences that stretch to its height.
    mutating func parseLeftRight(at start: Int) throws(TeXError) -> Atom {
        let open = try parseDelimiter(after: "left", at: start)
        leftDepth += 1
        let body = try parseAtoms(until: .right(start))
        leftDepth -= 1
        let rightStart = position
        _ = try readCommandName()
        let close = try parseDelimiter(after: "right", at: rightStart)
        var children: [MathNode] = []
        children.reserveCapacity(body.count + 2)
        if open != "." { children.append(Self.fence(open, form: "prefix")) }
        children.append(contentsOf: RowBuilder.nodes(body))
        if close != "." { children.append(Self.fence(close, form: "postfix")) }
        var atom = Atom(.row(children), .inner)
        atom.isFenced = true
        return atom
    }

    /// A delimiter that stretches to the height of the row around it.
    static func fence(_ char: String, form: String) -> MathNode {
        .op(char, [.attr("fence", "true"), .attr("form", form), .attr("stretchy", "true"), .attr("symmetric", "true")])
    }

    /// `\big(` and friends: a delimiter of a fixed height.
    static func bigDelimiter(_ char: String, size: Double, kind: AtomKind) -> MathNode {
        let height = EmLength(size).description
        var attributes: [MathNode.Attribute] = []
        switch kind {
        case .open: attributes.append(.attr("form", "prefix"))
        case .close: attributes.append(.attr("form", "postfix"))
        case .rel: attributes += [.attr("lspace", "0.2778em"), .attr("rspace", "0.2778em")]
        default: attributes += [.attr("lspace", "0"), .attr("rspace", "0")]
        }
        attributes += [
            .attr("stretchy", "true"), .attr("symmetric", "true"),
            .attr("minsize", height), .attr("maxsize", height),
        ]
        return .op(char, attributes)
    }

    /// The delimiter after `\left`, `\right`, `\middle` or `\big` (the command at `start`):
    /// its character, or `.` for none.
    mutating func parseDelimiter(after command: String, at start: Int) throws(TeXError) -> String {
        skipSpace()
        guard let byte = current else { throw error("missing delimiter after '\\\(command)'", at: start) }
        let delimiterStart = position
        if byte == UInt8(ascii: "\\") {
            let name = try readCommandName()
            if let char = Delimiters.character(named: name) { return char }
            throw error(
                "'\\\(name)' is not a delimiter", suggestion: Suggestion.delimiter(for: name), at: delimiterStart)
        }
        if let char = Delimiters.character(plain: byte) {
            position += 1
            return char
        }
        if byte >= 0x80 {
            let length = Self.scalarLength(byte)
            let text = String(decoding: source[position..<min(position + length, source.count)], as: UTF8.self)
            if Delimiters.isDelimiter(text) {
                position += length
                return text
            }
            throw error("'\(text)' is not a delimiter", at: delimiterStart)
        }
        if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "&") {
            throw error("missing delimiter after '\\\(command)'", at: start)
        }
        throw error("'\(String(UnicodeScalar(byte)))' is not a delimiter", at: delimiterStart)
    }

    /// `\not=`, `\not\in`: the negated relation, precomposed when Unicode has one.
    mutating func parseNegation(at start: Int, in terminator: Terminator) throws(TeXError) -> Atom {
        skipSpace()
        guard let byte = current, byte != UInt8(ascii: "}"), byte != UInt8(ascii: "&"),
            var atom = try parseAtom(in: terminator, single: true)
        else {
            throw error("missing symbol after '\\not'", at: start)
        }
        let text = atom.node.text
        atom.node.text = Self.negations[text] ?? (text + "\u{0338}")
        return atom
    }

    private static let negations: [String: String] = [
        "=": "≠", "∈": "∉", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈",
        "⊇": "⊉", "≡": "≢", "∼": "≁", "≈": "≉", "≅": "≇", "∣": "∤", "∥": "∦", "≃": "≄", "∃": "∄",
        "≺": "⊀", "≻": "⊁", "∋": "∌",
    ]

    /// `a \bmod b`, `\pmod{n}`, `\mod{n}`.
    mutating func parseMod(_ kind: ModKind, name: String, at start: Int) throws(TeXError) -> Atom {
        let word = MathNode.op("mod", [.attr("lspace", "0.2778em"), .attr("rspace", "0.2778em")])
        switch kind {
        case .binary:
            return Atom(word, .bin)
        case .parenthesized:
            let modulus = try parseArgument(of: name, at: start)
            let children: [MathNode] = [
                .space(em: 1), .op("(", [.attr("stretchy", "false")]), .identifier("mod"),
                .space(em: 1.0 / 3), modulus, .op(")", [.attr("stretchy", "false")]),
            ]
            return Atom(.row(children), .ord)
        case .plain:
            let modulus = try parseArgument(of: name, at: start)
            return Atom(.row([.space(em: 1), .identifier("mod"), .space(em: 1.0 / 3), modulus]), .ord)
        }
    }

    /// `\tag{…}` and `\tag*{…}` (without parentheses): display math only, once.
    mutating func parseTag(at start: Int) throws(TeXError) {
        guard displayMode else { throw error("'\\tag' in inline math", at: start) }
        guard tag == nil else { throw error("more than one '\\tag'", at: start) }
        let starred = current == UInt8(ascii: "*")
        if starred { position += 1 }
        let label = try readTextArgument(of: "tag", at: start)
        tag = starred ? label : "(\(label))"
    }
}
