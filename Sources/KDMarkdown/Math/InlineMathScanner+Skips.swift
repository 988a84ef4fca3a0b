// What the math scanner steps over whole, so a `$` inside stays text: code spans, autolinks and
// HTML tags, link destinations. Each follows the CommonMark spec closely enough to agree with
// cmark on real text; where it does not, the restorer still gives the source back exactly.

extension InlineMathScanner {
    /// After the code span opened by the backtick run at `c`, or after the run if it never
    /// closes (then the backticks are literal).
    mutating func skipCodeSpan(at c: Cursor) -> Cursor {
        let length = tickRun(at: c)
        let afterOpen = advanced(c, by: length)
        let limit = blockEnd[c.line]
        if let before = unclosedTicks[length], c.line < before { return afterOpen }
        var s = afterOpen
        while let byte = peek(s, limit: limit) {
            if byte == .backtick {
                let run = tickRun(at: s)
                if run == length { return advanced(s, by: run) }
                s = advanced(s, by: run)
            } else {
                s = advanced(s)
            }
        }
        unclosedTicks[length] = limit
        return afterOpen
    }

    func tickRun(at c: Cursor) -> Int {
        var p = c.p
        let end = lines[c.line].end
        while p < end, src[p] == .backtick { p += 1 }
        return p - c.p
    }

    /// After an autolink (`<https://…>`), an HTML open or closing tag, or a comment that
    /// starts at `c` and ends on the same line; `nil` if there is none.
    func skipTag(at c: Cursor) -> Cursor? {
        let end = lines[c.line].end
        var p = c.p + 1
        guard p < end else { return nil }
        func spaces() { while p < end, src[p] == .space || src[p] == .tab { p += 1 } }
        func name(_ isFirst: (UInt8) -> Bool, _ isRest: (UInt8) -> Bool) -> Bool {
            guard p < end, isFirst(src[p]) else { return false }
            p += 1
            while p < end, isRest(src[p]) { p += 1 }
            return true
        }
        func done() -> Cursor? { p < end && src[p] == .greaterThan ? Cursor(p: p + 1, line: c.line) : nil }

        switch src[p] {
        case .slash:
            p += 1
            guard name({ $0.isASCIILetter }, { $0.isASCIIAlphanumeric || $0 == .hyphen }) else { return nil }
            spaces()
            return done()
        case .exclamation:
            guard src[p..<end].starts(with: "!--".utf8) else { return nil }
            p += 3
            while p + 2 < end {
                if src[p] == .hyphen, src[p + 1] == .hyphen, src[p + 2] == .greaterThan {
                    return Cursor(p: p + 3, line: c.line)
                }
                p += 1
            }
            return nil
        case let first where first.isASCIILetter:
            let nameStart = p
            guard name({ $0.isASCIILetter }, { $0.isASCIIAlphanumeric || $0 == .hyphen }) else { return nil }
            if p < end, src[p] == .colon || src[p] == .plus || src[p] == .period,
               let link = skipAutolinkBody(from: nameStart, to: end, line: c.line) {
                return link
            }
            return skipAttributes(from: p, to: end, line: c.line)
        default:
            return nil
        }
    }

    /// `scheme:rest>` where scheme is 2–32 letters, digits, `+`, `.`, `-`.
    func skipAutolinkBody(from start: Int, to end: Int, line: Int) -> Cursor? {
        var p = start
        while p < end, src[p].isASCIIAlphanumeric || src[p] == .plus || src[p] == .period || src[p] == .hyphen {
            p += 1
        }
        guard (2...32).contains(p - start), p < end, src[p] == .colon else { return nil }
        p += 1
        while p < end {
            let byte = src[p]
            if byte == .greaterThan { return Cursor(p: p + 1, line: line) }
            if byte == .lessThan || byte <= .space { return nil }
            p += 1
        }
        return nil
    }

    /// Attributes of an open tag, then `>` or `/>`.
    func skipAttributes(from start: Int, to end: Int, line: Int) -> Cursor? {
        var p = start
        while true {
            let beforeSpace = p
            while p < end, src[p] == .space || src[p] == .tab { p += 1 }
            guard p < end else { return nil }
            if src[p] == .greaterThan { return Cursor(p: p + 1, line: line) }
            if src[p] == .slash {
                return p + 1 < end && src[p + 1] == .greaterThan ? Cursor(p: p + 2, line: line) : nil
            }
            // An attribute needs a space before it and a name.
            guard p > beforeSpace, src[p].isASCIILetter || src[p] == .underscore || src[p] == .colon else {
                return nil
            }
            while p < end, src[p].isASCIIAlphanumeric || src[p] == .underscore || src[p] == .period
                || src[p] == .colon || src[p] == .hyphen {
                p += 1
            }
            var q = p
            while q < end, src[q] == .space || src[q] == .tab { q += 1 }
            guard q < end, src[q] == .equals else { continue }
            q += 1
            while q < end, src[q] == .space || src[q] == .tab { q += 1 }
            guard q < end else { return nil }
            let quote = src[q]
            if quote == .doubleQuote || quote == .singleQuote {
                q += 1
                while q < end, src[q] != quote { q += 1 }
                guard q < end else { return nil }
                p = q + 1
            } else {
                let valueStart = q
                while q < end, !Self.endsUnquotedValue(src[q]) { q += 1 }
                guard q > valueStart else { return nil }
                p = q
            }
        }
    }

    static func endsUnquotedValue(_ byte: UInt8) -> Bool {
        byte <= .space || byte == .doubleQuote || byte == .singleQuote || byte == .equals
            || byte == .lessThan || byte == .greaterThan || byte == .backtick
    }

    /// After `](destination "title")` when `c` is on the `]`; `nil` if what follows is not an
    /// inline link's destination on this line.
    func skipLinkDestination(after c: Cursor) -> Cursor? {
        let end = lines[c.line].end
        var p = c.p + 1
        guard p < end, src[p] == .leftParen else { return nil }
        p += 1
        func spaces() { while p < end, src[p] == .space || src[p] == .tab { p += 1 } }
        spaces()
        guard p < end else { return nil }
        if src[p] == .lessThan {
            p += 1
            while p < end, src[p] != .greaterThan, src[p] != .lessThan {
                p += src[p] == .backslash ? 2 : 1
            }
            guard p < end, src[p] == .greaterThan else { return nil }
            p += 1
        } else {
            var depth = 0
            while p < end, src[p] > .space {
                let byte = src[p]
                if byte == .backslash { p += 2; continue }
                if byte == .leftParen { depth += 1 }
                if byte == .rightParen {
                    if depth == 0 { break }
                    depth -= 1
                }
                p += 1
            }
            p = min(p, end)
        }
        spaces()
        guard p < end else { return nil }
        let open = src[p]
        if open == .doubleQuote || open == .singleQuote || open == .leftParen {
            let close = open == .leftParen ? UInt8.rightParen : open
            p += 1
            while p < end, src[p] != close { p += src[p] == .backslash ? 2 : 1 }
            guard p < end else { return nil }
            p += 1
            spaces()
        }
        return p < end && src[p] == .rightParen ? Cursor(p: p + 1, line: c.line) : nil
    }
}
