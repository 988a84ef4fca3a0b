/// One formula the lifter found, with everything needed to put it back.
struct MathSpan: Sendable {
    /// The TeX between the delimiters, trimmed; lines joined by `\n` without their container
    /// prefixes (`> `, indentation).
    var tex: String
    var display: Bool
    /// From the first delimiter byte to just past the last one.
    var range: SourceRange
    /// The source bytes the placeholder covers, one range per line: the first starts at the
    /// opening delimiter, the others at the line's content (after `>` and indentation), the last
    /// ends after the closing delimiter. A line's prefix stays in the text cmark parses, so
    /// block structure is unchanged.
    var fragments: [Range<Int>]
    /// What the placeholder's first digits encode: the span's index modulo `26^digits`.
    var code: Int
}

/// The text cmark parses: the source with every formula replaced by a placeholder of the same
/// bytes count on every line, so cmark's source positions stay those of the source.
struct LiftedText: Sendable {
    var source: [UInt8]
    var masked: [UInt8]
    var spans: [MathSpan]
}

/// The placeholder alphabet: a formula becomes `$`, then body bytes, then `$`.
///
/// Body bytes are the 26 control characters that are neither whitespace to cmark (tab, line
/// feed, vertical tab, form feed, carriage return) nor NUL: cmark treats them as plain text, they
/// split no text node, trigger no extension, and authors never type them. The first body bytes
/// (up to four) are base-26 digits of the span's index, so a placeholder names its formula even
/// when cmark moved it (footnotes) or dropped a neighbour. Keeping `$` at both ends keeps
/// emphasis flanking as it was around the formula (`**$T$**`).
enum MathPlaceholder {
    static let dollar = UInt8(ascii: "$")
    static let maxDigits = 4

    /// Whether `byte` is a placeholder body byte.
    @inline(__always)
    static func isBody(_ byte: UInt8) -> Bool {
        (1...8).contains(byte) || (14...31).contains(byte)
    }

    @inline(__always)
    static func byte(forDigit digit: Int) -> UInt8 {
        digit < 8 ? UInt8(digit + 1) : UInt8(digit - 8 + 14)
    }

    @inline(__always)
    static func digit(of byte: UInt8) -> Int {
        byte <= 8 ? Int(byte) - 1 : Int(byte) - 14 + 8
    }

    /// How many digits a first fragment of `length` bytes holds (`single`: it also ends with `$`).
    static func digitCount(firstFragmentLength length: Int, single: Bool) -> Int {
        min(maxDigits, length - (single ? 2 : 1))
    }

    /// The code a span with this `index` gets in `digits` digits.
    static func code(index: Int, digits: Int) -> Int {
        var modulus = 1
        for _ in 0..<digits { modulus *= 26 }
        return index % modulus
    }

    /// Reads the code from the body bytes that follow a `$`.
    static func decode<C: Collection>(_ body: C, digits: Int) -> Int where C.Element == UInt8 {
        var code = 0
        var scale = 1
        for byte in body.prefix(digits) {
            code += digit(of: byte) * scale
            scale *= 26
        }
        return code
    }

    /// Overwrites the span's fragments in `masked` with its placeholder.
    static func write(_ span: MathSpan, into masked: inout [UInt8]) {
        let filler = byte(forDigit: 0)
        for fragment in span.fragments {
            for i in fragment { masked[i] = filler }
        }
        let first = span.fragments[0]
        masked[first.lowerBound] = dollar
        masked[span.fragments[span.fragments.count - 1].upperBound - 1] = dollar
        let digits = digitCount(firstFragmentLength: first.count, single: span.fragments.count == 1)
        var rest = span.code
        for i in 0..<digits {
            masked[first.lowerBound + 1 + i] = byte(forDigit: rest % 26)
            rest /= 26
        }
    }
}
