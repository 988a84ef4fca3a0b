// Text mode: `\text{…}`, `\tag{…}`, colour names and environment names.
extension TeXParser {
    /// The text of a braced argument, as `<mtext>` shows it: escapes resolved (`\%`, `\{`),
    /// spacing commands turned into spaces, runs of white space collapsed to one, and a leading
    /// or trailing space kept as a no-break space (HTML would drop it).
    mutating func readTextArgument(of command: String, at start: Int) throws(TeXError) -> String {
        skipSpace()
        guard current == UInt8(ascii: "{") else { throw error("missing argument for '\\\(command)'", at: start) }
        var opens = [position]
        position += 1
        var text = ""
        var pendingSpace = false
        func append(_ piece: String) {
            if pendingSpace { text += text.isEmpty ? "\u{00A0}" : " " }
            pendingSpace = false
            text += piece
        }
        while true {
            guard let byte = current else { throw error("unmatched '{'", at: opens[opens.count - 1]) }
            let here = position
            switch byte {
            case UInt8(ascii: "{"):
                opens.append(position)
                position += 1
            case UInt8(ascii: "}"):
                opens.removeLast()
                position += 1
                if opens.isEmpty {
                    if pendingSpace { text += "\u{00A0}" }
                    return text
                }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                pendingSpace = true
                position += 1
            case UInt8(ascii: "~"):
                append("\u{00A0}")
                position += 1
            case UInt8(ascii: "$"):
                throw error("math inside '\\\(command)' is not supported", at: here)
            case UInt8(ascii: "\\"):
                let name = try readCommandName()
                // As in TeX, spaces after a control word only end its name.
                if let first = name.utf8.first, isLetter(first) {
                    while let byte = current,
                        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                            || byte == UInt8(ascii: "\r")
                    {
                        position += 1
                    }
                }
                if let escaped = Self.textEscapes[name] {
                    append(escaped)
                } else if Self.textFonts.contains(name) {
                    // A nested \textbf{…}: its braces are read as a group of this text.
                    skipSpace()
                    guard current == UInt8(ascii: "{") else {
                        throw error("missing argument for '\\\(name)'", at: here)
                    }
                } else {
                    throw error(
                        "unknown command '\\\(name)' in text", suggestion: Suggestion.textCommand(for: name), at: here)
                }
            case UInt8(ascii: "-"):
                // -- and --- are the en and em dashes of TeX text.
                var count = 0
                while current == UInt8(ascii: "-") && count < 3 {
                    count += 1
                    position += 1
                }
                append(count == 1 ? "-" : count == 2 ? "–" : "—")
            default:
                let length = Self.scalarLength(byte)
                let end = min(position + length, source.count)
                append(String(decoding: source[position..<end], as: UTF8.self))
                position = end
            }
        }
    }

    private static let textEscapes: [String: String] = [
        "{": "{", "}": "}", "$": "$", "%": "%", "&": "&", "_": "_", "#": "#", "textbackslash": "\\",
        " ": " ", ",": "\u{2009}", ":": "\u{2005}", ";": "\u{2004}", "quad": "\u{2003}",
        "qquad": "\u{2003}\u{2003}", "ldots": "…", "dots": "…", "textendash": "–", "textemdash": "—",
    ]

    static let textFonts: Set<String> = [
        "text", "textrm", "textbf", "textit", "textsf", "texttt", "textnormal", "textup", "emph",
    ]

    static var textCommandNames: [String] { (Array(textEscapes.keys) + Array(textFonts)).sorted() }

    /// A colour for `\color` or `\textcolor`: a CSS name (`red`) or `#RGB`/`#RRGGBB`.
    mutating func readColor(of command: String, at start: Int) throws(TeXError) -> String {
        skipSpace()
        guard current == UInt8(ascii: "{") else { throw error("missing colour for '\\\(command)'", at: start) }
        let open = position
        position += 1
        let first = position
        while let byte = current, byte != UInt8(ascii: "}") { position += 1 }
        guard !atEnd else { throw error("unmatched '{'", at: open) }
        let name = String(decoding: source[first..<position], as: UTF8.self)
        position += 1
        let bytes = Array(name.utf8)
        let isName = !bytes.isEmpty && bytes.allSatisfy(isLetter)
        let isHex =
            (bytes.count == 4 || bytes.count == 7) && bytes[0] == UInt8(ascii: "#")
            && bytes.dropFirst().allSatisfy {
                isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20)
            }
        guard isName || isHex else { throw error("invalid colour '\(name)'", at: first) }
        return name
    }

    /// The `{name}` after `\begin` or `\end`, with the offset of its first character.
    mutating func readEnvironmentName(after command: String, at start: Int) throws(TeXError) -> (
        name: String, offset: Int
    ) {
        skipSpace()
        guard current == UInt8(ascii: "{") else {
            throw error("missing environment name after '\\\(command)'", at: start)
        }
        let open = position
        position += 1
        let first = position
        while let byte = current, isLetter(byte) || byte == UInt8(ascii: "*") { position += 1 }
        guard current == UInt8(ascii: "}") else {
            if atEnd { throw error("unmatched '{'", at: open) }
            let end = min(position + Self.scalarLength(source[position]), source.count)
            let char = String(decoding: source[position..<end], as: UTF8.self)
            throw error("unexpected '\(char)' in environment name", at: position)
        }
        let name = String(decoding: source[first..<position], as: UTF8.self)
        position += 1
        if name.isEmpty { throw error("missing environment name after '\\\(command)'", at: start) }
        return (name, first)
    }
}
