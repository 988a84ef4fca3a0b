/// An exported value's text as TeX that typesets exactly that text, for `{{ kd.name }}`
/// inside a formula: the substitution happens before TeX → MathML, so the value must not be
/// read as TeX (`93.1%` would start a comment, `a_b` a subscript).
enum TeXText {
    /// A plain number (`4`, `-0.25`, `1797`) as itself, braced so it is one group (`x^{{ kd.n }}`
    /// raises the whole number), typeset as a math number; anything else (`93.1%`, `12.5 KB`)
    /// as `\text{…}` with TeX's special characters escaped, typeset as upright text.
    static func literal(_ value: String) -> String {
        if isPlainNumber(value) { return "{" + value + "}" }
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\textbackslash "
            case "{", "}", "$", "%", "&", "_", "#": escaped += "\\" + String(character)
            case "~": escaped += "\u{223C}"
            default: escaped.append(character)
            }
        }
        return "\\text{" + escaped + "}"
    }

    /// Digits with an optional leading minus and one decimal point: `-?[0-9]+(\.[0-9]+)?`.
    static func isPlainNumber(_ value: String) -> Bool {
        var bytes = Substring(value).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
    }
}
