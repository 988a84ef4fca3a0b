/// Serializes a `MathNode` tree as MathML markup, escaping `&`, `<`, `>` (and `"` in
/// attribute values) so no source text can become markup. Writes UTF-8 bytes and makes one
/// `String` at the end: appending many short strings to a `String` is the slow part otherwise.
struct MathMLWriter {
    private var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ node: MathNode) {
        raw(node.tag.openTag)
        for attribute in node.attributes {
            raw(" ")
            append(attribute.name)
            raw("=\"")
            appendEscaped(attribute.value, quotes: true)
            raw("\"")
        }
        raw(">")
        if node.tag.isToken {
            appendEscaped(node.text, quotes: false)
        } else {
            for child in node.children { write(child) }
        }
        raw(node.tag.closeTag)
    }

    /// Appends markup the caller wrote itself (tags, never user text).
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` with the characters that are special in HTML and XML escaped.
    mutating func appendEscaped(_ text: String, quotes: Bool) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for i in utf8.indices {
                let entity: StaticString
                switch utf8[i] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\"") where quotes: entity = "&quot;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                raw(entity)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }
}
