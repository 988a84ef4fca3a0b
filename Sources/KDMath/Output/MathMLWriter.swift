/// Serializes a `MathNode` tree as MathML markup, escaping `&`, `<`, `>` (and `"` in
/// attribute values) so no source text can become markup.
struct MathMLWriter {
    private(set) var output = ""

    init(capacity: Int = 256) {
        output.reserveCapacity(capacity)
    }

    mutating func write(_ node: MathNode) {
        output += "<"
        output += node.tag.rawValue
        for attribute in node.attributes {
            output += " "
            output += attribute.name
            output += "=\""
            appendEscaped(attribute.value, quotes: true)
            output += "\""
        }
        output += ">"
        if node.tag.isToken {
            appendEscaped(node.text, quotes: false)
        } else {
            for child in node.children { write(child) }
        }
        output += "</"
        output += node.tag.rawValue
        output += ">"
    }

    /// Appends markup the caller wrote itself (tags, never user text).
    mutating func raw(_ markup: String) {
        output += markup
    }

    /// Appends `text` with the characters that are special in HTML and XML escaped.
    mutating func appendEscaped(_ text: String, quotes: Bool) {
        let utf8 = text.utf8
        // Fast path: nearly all token text needs no escaping.
        if !utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && $0 == 0x22) }) {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
