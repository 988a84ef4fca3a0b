/// Finds the formulas in one run of lines that cmark will parse as one inline content (a
/// paragraph, a heading, a table row), left to right, one pass.
///
/// Rules (pandoc's `tex_math_dollars` and `tex_math_single_backslash`, with MathJax's brace
/// rule):
/// - `$…$`: the opening `$` is followed by a non-space, the closing `$` preceded by a non-space
///   and not followed by a digit, so "$5 and $10" stays text. `$$…$$`, `\(…\)`, `\[…\]`.
/// - A closing delimiter counts only outside braces: `$\text{a $b$}$` is one formula.
/// - `\$` and every other backslash escape stay text; code spans, autolinks, HTML tags and link
///   destinations are skipped, so a `$` inside them stays text.
/// - In a table row an unescaped `|` ends the cell, so no formula crosses it.
/// - Inline formulas and code spans end with their block: they do not cross a line that starts
///   a new block (a list item, a deeper quote, a line after a thematic break). Display formulas
///   do: inside `$$…$$` a line such as `+ b` is TeX, not a list item.
struct InlineMathScanner {
    enum Delimiter: Int, CaseIterable {
        case dollar, doubleDollar, paren, bracket

        var openLength: Int { self == .dollar ? 1 : 2 }
        var closeLength: Int { openLength }
        var display: Bool { self == .doubleDollar || self == .bracket }
    }

    /// A formula found: its source bytes are `start..<end` (from the line `startLine` of the run
    /// to the line `endLine`).
    struct Found {
        var start: Int
        var startLine: Int
        var end: Int
        var endLine: Int
        var delimiter: Delimiter
    }

    /// A position in the run: a byte offset and the index of its line. At a line's `end` the
    /// cursor stands on the line break between this line and the next.
    struct Cursor {
        var p: Int
        var line: Int
    }

    let src: UnsafeBufferPointer<UInt8>
    let lines: [LineShape]
    let isTableRow: Bool
    /// For each line, the index of the first line after it that starts a new block.
    let blockEnd: [Int]
    /// Per delimiter, a search that ran to its limit line (exclusive) without meeting a brace:
    /// a later opener before that line cannot close either, so it fails at once (keeps the
    /// scan linear).
    var exhaustedBefore = [Int](repeating: 0, count: Delimiter.allCases.count)
    /// Backtick run lengths with no closing run before the given line.
    var unclosedTicks: [Int: Int] = [:]

    /// `startsBlock[i]`: line `i` starts a new block (its lines are not one inline content
    /// with the line before).
    init(src: UnsafeBufferPointer<UInt8>, lines: [LineShape], startsBlock: [Bool], isTableRow: Bool) {
        self.src = src
        self.lines = lines
        self.isTableRow = isTableRow
        var ends = [Int](repeating: lines.count, count: lines.count)
        var i = lines.count - 2
        while i >= 0 {
            ends[i] = startsBlock[i + 1] ? i + 1 : ends[i + 1]
            i -= 1
        }
        blockEnd = ends
    }

    // MARK: - Cursor

    /// The byte under the cursor: `\n` between lines, `nil` past the end of the run or before
    /// the line numbered `limit` (an index into `lines`).
    @inline(__always)
    func peek(_ c: Cursor, limit: Int? = nil) -> UInt8? {
        let limit = limit ?? lines.count
        guard c.line < limit else { return nil }
        if c.p < lines[c.line].end { return src[c.p] }
        return c.line + 1 < limit ? .newline : nil
    }

    @inline(__always)
    func advanced(_ c: Cursor, by n: Int = 1) -> Cursor {
        var c = c
        for _ in 0..<n {
            if c.p < lines[c.line].end {
                c.p += 1
            } else if c.line + 1 < lines.count {
                c.line += 1
                c.p = lines[c.line].contentStart
            }
        }
        return c
    }

    /// The byte before the cursor on its own line, `nil` at the line's content start.
    @inline(__always)
    func previous(_ c: Cursor) -> UInt8? {
        c.p > lines[c.line].contentStart ? src[c.p - 1] : nil
    }

    // MARK: - Scan

    /// Every formula in the run, in order.
    mutating func scan() -> [Found] {
        var found: [Found] = []
        guard !lines.isEmpty else { return found }
        var c = Cursor(p: lines[0].contentStart, line: 0)
        while true {
            // Fast path: bytes that start nothing.
            let end = lines[c.line].end
            while c.p < end, !Self.isSpecial[Int(src[c.p])] { c.p += 1 }
            guard let byte = peek(c) else { break }
            switch byte {
            case .backslash:
                let next = peek(advanced(c))
                if next == .leftParen || next == .leftBracket {
                    let delimiter: Delimiter = next == .leftParen ? .paren : .bracket
                    if let f = formula(delimiter, at: c) {
                        found.append(f)
                        c = Cursor(p: f.end, line: f.endLine)
                        continue
                    }
                }
                c = advanced(c, by: next.map { $0.isASCIIPunctuation } == true ? 2 : 1)
            case .dollar:
                let next = peek(advanced(c))
                if next == .dollar {
                    if let f = formula(.doubleDollar, at: c) {
                        found.append(f)
                        c = Cursor(p: f.end, line: f.endLine)
                    } else {
                        c = advanced(c, by: 2)
                    }
                } else if let next, !next.isMarkdownSpace, let f = formula(.dollar, at: c) {
                    found.append(f)
                    c = Cursor(p: f.end, line: f.endLine)
                } else {
                    c = advanced(c)
                }
            case .backtick:
                c = skipCodeSpan(at: c)
            case .lessThan:
                c = skipTag(at: c) ?? advanced(c)
            case .rightBracket:
                c = skipLinkDestination(after: c) ?? advanced(c)
            default:
                c = advanced(c)
            }
        }
        return found
    }

    /// The formula opened by `delimiter` at `open`, if it closes within the run.
    mutating func formula(_ delimiter: Delimiter, at open: Cursor) -> Found? {
        guard open.line >= exhaustedBefore[delimiter.rawValue] else { return nil }
        let bodyStart = advanced(open, by: delimiter.openLength)
        guard let close = closer(of: delimiter, from: bodyStart) else { return nil }
        if delimiter != .dollar, isBlank(from: bodyStart, to: close) { return nil }
        let end = advanced(close, by: delimiter.closeLength)
        return Found(start: open.p, startLine: open.line, end: end.p, endLine: end.line, delimiter: delimiter)
    }

    /// The cursor on the first byte of the closing delimiter, outside braces.
    mutating func closer(of delimiter: Delimiter, from start: Cursor) -> Cursor? {
        let limit = delimiter.display ? lines.count : blockEnd[start.line]
        var c = start
        var depth = 0
        var sawBrace = false
        while let byte = peek(c, limit: limit) {
            switch byte {
            case .backslash:
                let next = peek(advanced(c))
                if depth == 0,
                   (delimiter == .paren && next == .rightParen) || (delimiter == .bracket && next == .rightBracket) {
                    return c
                }
                c = advanced(c, by: next == nil || next == .newline ? 1 : 2)
                continue
            case .leftBrace:
                depth += 1
                sawBrace = true
            case .rightBrace:
                if depth > 0 { depth -= 1 }
            case .pipe where isTableRow:
                return nil
            case .dollar where depth == 0:
                let next = peek(advanced(c))
                if delimiter == .doubleDollar, next == .dollar { return c }
                if delimiter == .dollar, let before = previous(c), !before.isMarkdownSpace,
                   next.map({ $0.isDigit }) != true {
                    return c
                }
            default:
                break
            }
            c = advanced(c)
        }
        if !sawBrace { exhaustedBefore[delimiter.rawValue] = limit }
        return nil
    }

    func isBlank(from a: Cursor, to b: Cursor) -> Bool {
        var c = a
        while c.line < b.line || (c.line == b.line && c.p < b.p) {
            guard let byte = peek(c), byte.isMarkdownSpace else { return false }
            c = advanced(c)
        }
        return true
    }

    /// Bytes that may start something the scanner handles.
    static let isSpecial: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in [UInt8.backslash, .dollar, .backtick, .lessThan, .rightBracket] {
            table[Int(byte)] = true
        }
        return table
    }()
}
