// What the math scanner steps over whole, so a `$` inside stays text: code spans, autolinks and
// HTML tags, link destinations. Each follows the CommonMark spec closely enough to agree with
// cmark on real text; where it does not, the restorer still gives the source back exactly.
// Tags and destinations stay on one line and are looked for at most `maxConstructLength`
// bytes ahead, which keeps the scan linear on any input; a backtick run looks at the runs
// after it in its block only.

extension InlineMathScanner {
    static let maxConstructLength = 4096

    /// After the code span opened by the backtick run at `i`, or after the run if no run of
    /// the same length closes it within the block (then the backticks are literal).
    func skipCodeSpan(at i: Int) -> Int {
        var j = i
        while j < bytes.count, bytes[j] == .backtick { j += 1 }
        let length = Int32(j - i)
        let blockEnd = Self.firstElement(in: blockBreaks, after: i) ?? Int.max
        // The runs after this one, up to the block's end; the first of the same length closes.
        var low = 0
        var high = tickRuns.count
        while low < high {
            let mid = (low + high) / 2
            if Int(tickRuns[mid].start) < j { low = mid + 1 } else { high = mid }
        }
        var r = low
        while r < tickRuns.count, Int(tickRuns[r].start) < blockEnd {
            if tickRuns[r].length == length { return Int(tickRuns[r].start) + Int(length) }
            r += 1
        }
        return j
    }

    /// Records where code spans start: each backtick run that a later run of its length closes
    /// within its block, skipping the runs inside the span.
    mutating func indexCodeSpans() {
        var r = 0
        while r < tickRuns.count {
            let start = Int(tickRuns[r].start)
            let end = skipCodeSpan(at: start)
            guard end > start + Int(tickRuns[r].length) else {
                r += 1
                continue
            }
            codeSpanStarts.append(start)
            while r < tickRuns.count, Int(tickRuns[r].start) < end { r += 1 }
        }
    }

    /// Whether a code span starts in `start..<end`.
    func hasCodeSpan(from start: Int, to end: Int) -> Bool {
        guard let first = Self.firstElement(in: codeSpanStarts, after: start - 1) else { return false }
        return first < end
    }

    /// The first element of the ascending `array` greater than `value`.
    static func firstElement(in array: [Int], after value: Int) -> Int? {
        var low = 0
        var high = array.count
        while low < high {
            let mid = (low + high) / 2
            if array[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low < array.count ? array[low] : nil
    }

    /// The end of the line that holds `i` (its line break, or the end of the run), at most
    /// `maxConstructLength` ahead.
    func lineEnd(after i: Int) -> Int {
        var e = i
        let limit = min(bytes.count, i + Self.maxConstructLength)
        while e < limit, bytes[e] != .newline, bytes[e] != Self.blockBreak { e += 1 }
        return e
    }

    /// After an autolink (`<https://…>`), an HTML open or closing tag, or a comment that
    /// starts at `i` and ends on the same line; `nil` if there is none.
    func skipTag(at i: Int) -> Int? {
        let end = lineEnd(after: i)
        var p = i + 1
        guard p < end else { return nil }
        func name() -> Bool {
            guard p < end, bytes[p].isASCIILetter else { return false }
            p += 1
            while p < end, bytes[p].isASCIIAlphanumeric || bytes[p] == .hyphen { p += 1 }
            return true
        }
        switch bytes[p] {
        case .slash:
            p += 1
            guard name() else { return nil }
            while p < end, bytes[p] == .space || bytes[p] == .tab { p += 1 }
            return p < end && bytes[p] == .greaterThan ? p + 1 : nil
        case .exclamation:
            guard bytes[p..<end].starts(with: "!--".utf8) else { return nil }
            p += 3
            while p + 2 < end {
                if bytes[p] == .hyphen, bytes[p + 1] == .hyphen, bytes[p + 2] == .greaterThan { return p + 3 }
                p += 1
            }
            return nil
        case let first where first.isASCIILetter:
            let nameStart = p
            _ = name()
            if p < end, bytes[p] == .colon || bytes[p] == .plus || bytes[p] == .period,
                let link = skipAutolinkBody(from: nameStart, to: end)
            {
                return link
            }
            return skipAttributes(from: p, to: end)
        default:
            return nil
        }
    }

    /// `scheme:rest>` where scheme is 2–32 letters, digits, `+`, `.`, `-`.
    func skipAutolinkBody(from start: Int, to end: Int) -> Int? {
        var p = start
        while p < end, bytes[p].isASCIIAlphanumeric || bytes[p] == .plus || bytes[p] == .period || bytes[p] == .hyphen {
            p += 1
        }
        guard (2...32).contains(p - start), p < end, bytes[p] == .colon else { return nil }
        p += 1
        while p < end {
            let byte = bytes[p]
            if byte == .greaterThan { return p + 1 }
            if byte == .lessThan || byte <= .space { return nil }
            p += 1
        }
        return nil
    }

    /// Attributes of an open tag, then `>` or `/>`.
    func skipAttributes(from start: Int, to end: Int) -> Int? {
        var p = start
        while true {
            let beforeSpace = p
            while p < end, bytes[p] == .space || bytes[p] == .tab { p += 1 }
            guard p < end else { return nil }
            if bytes[p] == .greaterThan { return p + 1 }
            if bytes[p] == .slash { return p + 1 < end && bytes[p + 1] == .greaterThan ? p + 2 : nil }
            // An attribute needs a space before it and a name.
            guard p > beforeSpace, bytes[p].isASCIILetter || bytes[p] == .underscore || bytes[p] == .colon else {
                return nil
            }
            while p < end,
                bytes[p].isASCIIAlphanumeric || bytes[p] == .underscore || bytes[p] == .period
                    || bytes[p] == .colon || bytes[p] == .hyphen
            {
                p += 1
            }
            var q = p
            while q < end, bytes[q] == .space || bytes[q] == .tab { q += 1 }
            guard q < end, bytes[q] == .equals else { continue }
            q += 1
            while q < end, bytes[q] == .space || bytes[q] == .tab { q += 1 }
            guard q < end else { return nil }
            let quote = bytes[q]
            if quote == .doubleQuote || quote == .singleQuote {
                q += 1
                while q < end, bytes[q] != quote { q += 1 }
                guard q < end else { return nil }
                p = q + 1
            } else {
                let valueStart = q
                while q < end, !Self.endsUnquotedValue(bytes[q]) { q += 1 }
                guard q > valueStart else { return nil }
                p = q
            }
        }
    }

    static func endsUnquotedValue(_ byte: UInt8) -> Bool {
        byte <= .space || byte == .doubleQuote || byte == .singleQuote || byte == .equals
            || byte == .lessThan || byte == .greaterThan || byte == .backtick
    }

    /// After `](destination "title")` when `i` is on the `]`; `nil` if what follows is not an
    /// inline link's destination on this line.
    func skipLinkDestination(after i: Int) -> Int? {
        guard i + 1 < bytes.count, bytes[i + 1] == .leftParen else { return nil }
        let end = lineEnd(after: i)
        var p = i + 2
        func spaces() { while p < end, bytes[p] == .space || bytes[p] == .tab { p += 1 } }
        spaces()
        guard p < end else { return nil }
        if bytes[p] == .lessThan {
            p += 1
            while p < end, bytes[p] != .greaterThan, bytes[p] != .lessThan {
                p += bytes[p] == .backslash ? 2 : 1
            }
            guard p < end, bytes[p] == .greaterThan else { return nil }
            p += 1
        } else {
            var depth = 0
            while p < end, bytes[p] > .space {
                let byte = bytes[p]
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
        let open = bytes[p]
        if open == .doubleQuote || open == .singleQuote || open == .leftParen {
            let close = open == .leftParen ? UInt8.rightParen : open
            p += 1
            while p < end, bytes[p] != close { p += bytes[p] == .backslash ? 2 : 1 }
            guard p < end else { return nil }
            p += 1
            spaces()
        }
        return p < end && bytes[p] == .rightParen ? p + 1 : nil
    }
}
