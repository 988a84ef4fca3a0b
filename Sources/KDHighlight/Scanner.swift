/// A cursor over UTF-8 source bytes that collects tokens; shared by every lexer.
/// Bytes at or above 0x80 (any non-ASCII scalar) count as identifier characters.
struct Scanner {
    let bytes: [UInt8]
    var index = 0
    var tokens: [Token] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 6)
    }

    var atEnd: Bool { index >= bytes.count }

    /// The byte `offset` places after the cursor, or 0 past the end.
    @inline(__always)
    func peek(_ offset: Int = 0) -> UInt8 {
        let i = index + offset
        return i < bytes.count ? bytes[i] : 0
    }

    /// The byte at an absolute position, or 0 outside the source.
    @inline(__always)
    func byte(at i: Int) -> UInt8 {
        i >= 0 && i < bytes.count ? bytes[i] : 0
    }

    /// Whether the bytes at the cursor spell `literal` (ASCII).
    func at(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard index + n <= bytes.count else { return false }
        return literal.withUTF8Buffer { lit in
            for k in 0..<n where bytes[index + k] != lit[k] { return false }
            return true
        }
    }

    /// Records a token over `start..<index`, unless it is empty.
    mutating func emit(_ kind: TokenKind, from start: Int) {
        if index > start { tokens.append(Token(kind, start..<index)) }
    }

    /// Moves past the rest of the line, stopping before the newline.
    mutating func skipToEndOfLine() {
        while index < bytes.count, bytes[index] != .newline { index += 1 }
    }

    /// Moves past identifier characters.
    mutating func skipIdentifier() {
        while index < bytes.count, bytes[index].isIdentifierContinue { index += 1 }
    }

    /// The identifier `range` as a string.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The first byte after `from` that is not a space or tab (newlines included), or 0.
    func nextSignificant(after from: Int, crossingLines: Bool = true) -> UInt8 {
        var i = from
        while i < bytes.count {
            let b = bytes[i]
            if b == .space || b == .tab || b == .carriageReturn || (crossingLines && b == .newline) {
                i += 1
                continue
            }
            return b
        }
        return 0
    }

    /// The last byte before `before` that is not a space, tab or newline, nor inside a
    /// comment already emitted, or 0: the code a token follows (`// Tensor.` then `let` is
    /// a `let` at the start of a statement, not a member).
    func previousSignificant(before: Int) -> UInt8 {
        var i = before - 1
        var t = tokens.count - 1
        while i >= 0 {
            while t >= 0, tokens[t].range.lowerBound > i { t -= 1 }
            if t >= 0, tokens[t].kind == .comment || tokens[t].kind == .docComment, tokens[t].range.contains(i) {
                i = tokens[t].range.lowerBound - 1
                continue
            }
            let b = bytes[i]
            if b != .space && b != .tab && b != .newline && b != .carriageReturn { return b }
            i -= 1
        }
        return 0
    }

    /// Scans a number literal at the cursor (which is on a digit): `0x…`, `0o…`, `0b…` with
    /// hex fractions and `p` exponents, decimals with `_`, fractions and `e` exponents, then
    /// any letters glued to it (C suffixes `u`, `l`, `f`). Emits one `.number` token.
    mutating func scanNumber() {
        let start = index
        if peek() == .zero, let radix = peek(1).radixLetter {
            index += 2
            while peek().isDigit(radix: radix) || peek() == .underscore { index += 1 }
            if radix == 16 {
                if peek() == .dot, peek(1).isHexDigit {
                    index += 1
                    while peek().isHexDigit || peek() == .underscore { index += 1 }
                }
                scanExponent(markers: (.p, .P))
            }
        } else {
            while peek().isDigit || peek() == .underscore { index += 1 }
            if peek() == .dot, peek(1).isDigit {
                index += 1
                while peek().isDigit || peek() == .underscore { index += 1 }
            }
            scanExponent(markers: (.e, .E))
        }
        while peek().isASCIILetter { index += 1 }
        emit(.number, from: start)
    }

    private mutating func scanExponent(markers: (UInt8, UInt8)) {
        let b = peek()
        guard b == markers.0 || b == markers.1 else { return }
        let sign = peek(1) == .plus || peek(1) == .minus ? 1 : 0
        guard peek(1 + sign).isDigit else { return }
        index += 1 + sign
        while peek().isDigit || peek() == .underscore { index += 1 }
    }
}
