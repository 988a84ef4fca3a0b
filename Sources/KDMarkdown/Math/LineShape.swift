/// What one source line looks like to the block structure, as far as the math lifter needs it:
/// where its content starts after container markers (`>`, list markers, indentation), and
/// whether it is blank, a code fence, a heading, a thematic break, a table delimiter row or a
/// link reference definition. This is a close approximation of CommonMark's block rules from
/// line starts alone; where it errs, the restorer still gives the source back exactly.
struct LineShape {
    enum Kind: Equatable {
        case blank
        /// A code fence of `length` `char`s; `hasInfo` if text follows (a closing fence has none).
        case fence(char: UInt8, length: Int, hasInfo: Bool)
        /// A thematic break or a setext underline: ends a paragraph, holds no math.
        case barrier
        case heading
        case tableDelimiter
        case referenceDefinition
        case text
    }

    /// 1-based line number.
    var number: Int
    var start: Int
    /// The end of the line's content, before `\r\n` or `\n`.
    var end: Int
    /// The first byte of the next line.
    var next: Int
    var contentStart: Int
    var quoteDepth: Int
    var hasListMarker: Bool
    var kind: Kind
}

extension LineShape {
    /// Reads the line numbered `number` that starts at `start` in `src`.
    init(number: Int, at start: Int, in src: UnsafeBufferPointer<UInt8>) {
        self.number = number
        var end = start
        while end < src.count, src[end] != .newline { end += 1 }
        next = end < src.count ? end + 1 : end
        if end > start, src[end - 1] == .carriageReturn { end -= 1 }
        self.start = start
        self.end = end

        var p = start
        var depth = 0
        var list = false
        while true {
            let q = Self.skipSpaces(src, from: p, to: end)
            if q < end, src[q] == .greaterThan {
                depth += 1
                p = q + 1
                continue
            }
            if let after = Self.listMarkerEnd(src, at: q, to: end) {
                list = true
                p = after
                continue
            }
            p = q
            break
        }
        contentStart = p
        quoteDepth = depth
        hasListMarker = list
        kind = Self.kind(src, from: p, to: end)
    }

    static func skipSpaces(_ src: UnsafeBufferPointer<UInt8>, from p: Int, to end: Int) -> Int {
        var q = p
        while q < end, src[q] == .space || src[q] == .tab { q += 1 }
        return q
    }

    /// The end of a list marker (`-`, `+`, `*`, `1.`, `1)`) at `q` followed by a space or the
    /// line end; `nil` if there is none or the line is a thematic break (`* * *`).
    static func listMarkerEnd(_ src: UnsafeBufferPointer<UInt8>, at q: Int, to end: Int) -> Int? {
        guard q < end else { return nil }
        var m = q
        let c = src[q]
        if c == .hyphen || c == .plus || c == .asterisk {
            m = q + 1
            if isThematicBreak(src, from: q, to: end) { return nil }
        } else if c.isDigit {
            while m < end, m - q < 9, src[m].isDigit { m += 1 }
            guard m < end, src[m] == .period || src[m] == .rightParen else { return nil }
            m += 1
        } else {
            return nil
        }
        guard m == end || src[m] == .space || src[m] == .tab else { return nil }
        return m
    }

    static func isThematicBreak(_ src: UnsafeBufferPointer<UInt8>, from p: Int, to end: Int) -> Bool {
        guard p < end else { return false }
        let mark = src[p]
        guard mark == .hyphen || mark == .asterisk || mark == .underscore else { return false }
        var count = 0
        for i in p..<end {
            if src[i] == mark { count += 1 } else if src[i] != .space && src[i] != .tab { return false }
        }
        return count >= 3
    }

    static func kind(_ src: UnsafeBufferPointer<UInt8>, from p: Int, to end: Int) -> Kind {
        guard p < end else { return .blank }
        let c = src[p]
        switch c {
        case .backtick, .tilde:
            var n = p
            while n < end, src[n] == c { n += 1 }
            guard n - p >= 3 else { return .text }
            let info = skipSpaces(src, from: n, to: end)
            if c == .backtick, src[info..<end].contains(.backtick) { return .text }
            return .fence(char: c, length: n - p, hasInfo: info < end)
        case .numberSign:
            var n = p
            while n < end, src[n] == .numberSign { n += 1 }
            return n - p <= 6 && (n == end || src[n] == .space || src[n] == .tab) ? .heading : .text
        case .equals, .hyphen, .asterisk, .underscore:
            if isThematicBreak(src, from: p, to: end) || isSetextUnderline(src, from: p, to: end) {
                return .barrier
            }
        case .leftBracket:
            if isReferenceDefinitionStart(src, from: p, to: end) { return .referenceDefinition }
        default:
            break
        }
        return isTableDelimiter(src, from: p, to: end) ? .tableDelimiter : .text
    }

    static func isSetextUnderline(_ src: UnsafeBufferPointer<UInt8>, from p: Int, to end: Int) -> Bool {
        let mark = src[p]
        guard mark == .equals || mark == .hyphen else { return false }
        var i = p
        while i < end, src[i] == mark { i += 1 }
        return skipSpaces(src, from: i, to: end) == end
    }

    /// `|:--|--:|`: only pipes, colons, hyphens and spaces, with at least one pipe and hyphen.
    static func isTableDelimiter(_ src: UnsafeBufferPointer<UInt8>, from p: Int, to end: Int) -> Bool {
        var pipe = false
        var hyphen = false
        for i in p..<end {
            switch src[i] {
            case .pipe: pipe = true
            case .hyphen: hyphen = true
            case .colon, .space, .tab: break
            default: return false
            }
        }
        return pipe && hyphen
    }

    /// `[label]:` at the start of a paragraph (the rest of the definition is not checked).
    static func isReferenceDefinitionStart(_ src: UnsafeBufferPointer<UInt8>, from p: Int, to end: Int) -> Bool {
        // `[^label]:` is a footnote definition: its text is prose.
        if p + 1 < end, src[p + 1] == .caret { return false }
        var i = p + 1
        while i < end {
            switch src[i] {
            case .backslash: i += 2; continue
            case .leftBracket: return false
            case .rightBracket: return i + 1 < end && src[i + 1] == .colon && i > p + 1
            default: i += 1
            }
        }
        return false
    }
}
