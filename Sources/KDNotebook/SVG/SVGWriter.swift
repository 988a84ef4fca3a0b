/// Writes SVG markup: elements with attributes in the order given, all values escaped, and
/// numbers written with at most two decimals and no trailing zeros, so the same drawing gives
/// the same bytes on every machine.
struct SVGWriter {
    private(set) var markup = ""
    private var open: [String] = []

    init() {
        markup.reserveCapacity(8192)
    }

    /// Opens `<name …>`; close it with `close()`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        markup += "<" + name + Self.attributes(attributes) + ">"
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        precondition(!open.isEmpty, "SVGWriter.close() with no open element")
        markup += "</" + open.removeLast() + ">"
    }

    /// A complete element: `<name …/>`, or `<name …>text</name>` when `text` is given.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) {
        if let text {
            markup += "<" + name + Self.attributes(attributes) + ">" + HTMLText.escape(text) + "</" + name + ">"
        } else {
            markup += "<" + name + Self.attributes(attributes) + "/>"
        }
    }

    /// The finished markup; every element must be closed.
    func finish() -> String {
        precondition(open.isEmpty, "SVGWriter: unclosed <\(open.joined(separator: "><"))>")
        return markup
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        var out = ""
        for (key, value) in pairs { out += " " + key + "=\"" + HTMLText.escape(value) + "\"" }
        return out
    }
}

/// A coordinate or length for SVG: two decimals at most, trailing zeros dropped ("12.5", "40").
func svgNumber(_ value: Double) -> String {
    DecimalText.trimmed(DecimalText.fixed(value, digits: 2))
}
