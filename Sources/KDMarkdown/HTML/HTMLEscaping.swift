/// `s` with `&`, `<`, `>`, `"` and `'` replaced by entities: safe as HTML text and inside a
/// quoted attribute value.
public func escapeHTML(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 16)
    out.appendEscapingHTML(s)
    return String(decoding: out, as: UTF8.self)
}

extension Array where Element == UInt8 {
    @inline(__always)
    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func append(_ s: String) {
        append(contentsOf: s.utf8)
    }

    /// Appends `s` with HTML's five special characters as entities; the bytes between them
    /// are copied in runs.
    mutating func appendEscapingHTML(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let entity: StaticString
                switch bytes[i] {
                case .ampersand: entity = "&amp;"
                case .lessThan: entity = "&lt;"
                case .greaterThan: entity = "&gt;"
                case .doubleQuote: entity = "&quot;"
                case .singleQuote: entity = "&#39;"
                default: continue
                }
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                append(entity)
                runStart = i + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Appends a URL for an `href` or `src` attribute as cmark does: bytes outside a safe set
    /// are percent-encoded (existing `%XX` escapes are kept), `&` and `'` become entities.
    mutating func appendEscapingHref(_ url: String) {
        let hex: StaticString = "0123456789ABCDEF"
        for byte in url.utf8 {
            if byte == .ampersand {
                append("&amp;")
            } else if byte == .singleQuote {
                append("&#x27;")
            } else if Self.isHrefSafe[Int(byte)] {
                append(byte)
            } else {
                append(.percent)
                hex.withUTF8Buffer { digits in
                    append(digits[Int(byte >> 4)])
                    append(digits[Int(byte & 0xF)])
                }
            }
        }
    }

    /// Letters, digits and `-_.+!*(),%#@?=;:/$~` (houdini's HREF_SAFE, as cmark uses).
    static let isHrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in "-_.+!*(),%#@?=;:/$~".utf8 { table[Int(byte)] = true }
        return table
    }()
}
