/// A recursive-descent parser from TeX math to a `MathNode` tree, working on UTF-8 bytes.
///
/// Rows are read by `parseAtoms(until:)`, which stops *before* the token that ends them (a `}`,
/// `]`, `\right`, `&`, `\\` or `\end`) so the caller that opened the row consumes it, and which
/// reports any other ending as an error at the innermost construct left open.
struct TeXParser {
    /// What may end the row being read, with the offset of the construct that opened it.
    enum Terminator: Equatable {
        /// The end of the formula.
        case end
        /// The `}` of a group whose `{` is at the offset.
        case brace(Int)
        /// The `]` of an optional argument whose `[` is at the offset.
        case bracket(Int)
        /// The `\right` of a `\left` at the offset.
        case right(Int)
        /// `&`, `\\` or `\end` inside the environment begun at the offset.
        case cell(Int, String)
    }

    let source: [UInt8]
    var position = 0
    let displayMode: Bool
    /// The alphabet of letters and digits (`\mathbf{…}`), `nil` for the default.
    var alphabet: Alphabet?
    /// How many environments enclose the position.
    var environmentDepth = 0
    /// How many `\left` enclose the position.
    var leftDepth = 0
    /// The label of `\tag{…}`, drawn at the right of display math.
    var tag: String?
    /// How many atoms enclose the position (groups, arguments, scripts).
    var depth = 0
    static let maximumDepth = 200

    init(_ tex: String, display: Bool) {
        source = Array(tex.utf8)
        displayMode = display
    }

    /// Parses the whole formula into one node.
    mutating func parse() throws(TeXError) -> MathNode {
        let atoms = try parseAtoms(until: .end)
        return RowBuilder.node(atoms)
    }

    // MARK: - Rows

    /// Reads atoms (each with its scripts) up to, not including, the token that ends the row.
    mutating func parseAtoms(until terminator: Terminator) throws(TeXError) -> [Atom] {
        var atoms: [Atom] = []
        while true {
            skipSpace()
            guard position < source.count else {
                if terminator == .end { return atoms }
                throw unclosed(terminator)
            }
            let start = position
            switch source[position] {
            case UInt8(ascii: "}"):
                if case .brace = terminator { return atoms }
                if terminator == .end { throw error("unmatched '}'", at: start) }
                throw unclosed(terminator)
            case UInt8(ascii: "]"):
                if case .bracket = terminator { return atoms }
            case UInt8(ascii: "&"):
                if case .cell = terminator { return atoms }
                if environmentDepth == 0 { throw error("'&' outside an environment", at: start) }
                throw unclosed(terminator)
            case UInt8(ascii: "\\"):
                if try endsRow(at: start, terminator: terminator) { return atoms }
            case UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "'"):
                // Scripts with nothing before them on this row attach to an empty base.
                var atom = Atom(.row([]), .ord)
                try parseScripts(&atom)
                atoms.append(atom)
                continue
            default:
                break
            }
            guard var atom = try parseAtom(in: terminator) else { continue }
            try parseScripts(&atom)
            atoms.append(atom)
        }
    }

    /// Whether the command at `start` ends the row (`\right`, `\\`, `\end`); throws when it
    /// cannot appear here.
    private mutating func endsRow(at start: Int, terminator: Terminator) throws(TeXError) -> Bool {
        let name = peekCommandName()
        switch name {
        case "right":
            if case .right = terminator { return true }
            if leftDepth == 0 { throw error("'\\right' without matching '\\left'", at: start) }
            throw unclosed(terminator)
        case "\\", "cr", "end":
            if case .cell = terminator { return true }
            if environmentDepth > 0 { throw unclosed(terminator) }
            if name == "end" {
                let environment = peekEnvironmentName(afterCommandAt: start) ?? ""
                throw error("'\\end{\(environment)}' without matching '\\begin{\(environment)}'", at: start)
            }
            throw error("'\\\\' outside an environment", suggestion: "\\begin{gathered}", at: start)
        default:
            return false
        }
    }

    // MARK: - Errors

    func error(_ message: String, suggestion: String? = nil, at offset: Int) -> TeXError {
        TeXError(message, suggestion: suggestion, at: offset, in: source)
    }

    /// The error for a row that ended before `terminator` was found: the construct it opened.
    func unclosed(_ terminator: Terminator) -> TeXError {
        switch terminator {
        case .end:
            preconditionFailure("the end of the formula always closes the top-level row")
        case .brace(let offset):
            error("unmatched '{'", at: offset)
        case .bracket(let offset):
            error("unmatched '['", at: offset)
        case .right(let offset):
            error("'\\left' without matching '\\right'", at: offset)
        case .cell(let offset, let name):
            error("'\\begin{\(name)}' without matching '\\end{\(name)}'", at: offset)
        }
    }

    // MARK: - Scanning

    var atEnd: Bool { position >= source.count }

    var current: UInt8? { position < source.count ? source[position] : nil }

    /// Skips spaces, line breaks and `%` comments (to the end of their line).
    mutating func skipSpace() {
        while position < source.count {
            switch source[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "%"):
                while position < source.count && source[position] != UInt8(ascii: "\n") { position += 1 }
            default:
                return
            }
        }
    }

    /// Reads the control sequence at `position` (which holds a `\`): a run of letters, or one
    /// other character (`\,`, `\{`, `\\`).
    mutating func readCommandName() throws(TeXError) -> String {
        let start = position
        position += 1
        guard position < source.count else { throw error("missing command name after '\\'", at: start) }
        let first = position
        if isLetter(source[position]) {
            while position < source.count && isLetter(source[position]) { position += 1 }
        } else {
            position += Self.scalarLength(source[position])
            position = min(position, source.count)
        }
        return String(decoding: source[first..<position], as: UTF8.self)
    }

    /// The name of the control sequence at `position` (a `\`), without moving.
    func peekCommandName() -> String? {
        let first = position + 1
        guard first < source.count else { return nil }
        var end = first + 1
        if isLetter(source[first]) {
            while end < source.count && isLetter(source[end]) { end += 1 }
        } else {
            end = min(first + Self.scalarLength(source[first]), source.count)
        }
        return String(decoding: source[first..<end], as: UTF8.self)
    }

    /// The `{name}` after the `\begin` or `\end` at `start`, without moving.
    func peekEnvironmentName(afterCommandAt start: Int) -> String? {
        var copy = self
        copy.position = start
        guard (try? copy.readCommandName()) != nil else { return nil }
        return try? copy.readEnvironmentName(after: "end", at: start).name
    }

    func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The byte length of the UTF-8 sequence that starts with `lead`.
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
