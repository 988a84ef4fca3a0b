/// Escaping for HTML and XML text and attribute values.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` replaced by entities: safe in text and in quoted attributes.
    public static func escape(_ text: String) -> String {
        let needsWork = text.utf8.contains { b in
            b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27
                || (b < 0x20 && b != 0x0A && b != 0x09 && b != 0x0D)
        }
        guard needsWork else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most C0 controls even as references: drop them.
                if c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
