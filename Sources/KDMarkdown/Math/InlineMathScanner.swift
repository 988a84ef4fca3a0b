/// Finds the formulas in one run of lines that cmark will parse as inline content (a
/// paragraph, a heading, a table row, or consecutive blocks a display formula may span), left
/// to right, in time linear in the run's length.
///
/// Rules (pandoc's `tex_math_dollars` and `tex_math_single_backslash`, with MathJax's brace
/// rule):
/// - `$…$`: the opening `$` is followed by a non-space, the closing `$` preceded by a non-space
///   and not followed by a digit, so "$5 and $10" stays text. `$$…$$`, `\(…\)`, `\[…\]`.
/// - A closing delimiter counts only outside braces: `$\text{a $b$}$` is one formula.
/// - `\$` and every other backslash escape stay text; code spans, autolinks, HTML tags and link
///   destinations are skipped, so a `$` inside them stays text.
/// - Code spans bind tighter than formulas (as in CommonMark, where they outrank every other
///   inline): a formula never contains one, so when the first closer lies past the start of a
///   code span the opener stays text (`$5 and $10 and `$x$``: no formula).
/// - In a table row an unescaped `|` ends the cell, so no formula crosses it.
/// - Inline formulas and code spans end with their block: they do not cross a line that starts
///   a new block (a list item, a deeper quote, a line after a thematic break). Display formulas
///   do: inside `$$…$$` a line such as `+ b` is TeX, not a list item.
///
/// The scanner works on the run's content joined into one buffer: each line from its content
/// start (after `>`, list markers and indentation), then `\n`, or NUL where the next line
/// starts a block.
struct InlineMathScanner {
    enum Delimiter: Int, CaseIterable {
        case dollar, doubleDollar, paren, bracket

        var openLength: Int { self == .dollar ? 1 : 2 }
        var closeLength: Int { openLength }
        var display: Bool { self == .doubleDollar || self == .bracket }
    }

    /// A formula found: source bytes `start..<end`, from run line `startLine` to `endLine`.
    struct Found {
        var start: Int
        var startLine: Int
        var end: Int
        var endLine: Int
        var delimiter: Delimiter
    }

    static let blockBreak: UInt8 = 0

    let isTableRow: Bool
    let lines: [LineShape]
    /// The run's content; lines joined by `\n`, or by NUL before a line that starts a block.
    private(set) var bytes: [UInt8] = []
    /// Where each run line starts in `bytes`.
    private(set) var lineStarts: [Int] = []
    /// What a closer search must look at, in order: braces, dollars, `\)`, `\]`, pipes, block
    /// breaks (everything else leaves a search's state unchanged).
    var events: [(position: Int32, role: Role)] = []
    /// `closers[e * 4 + d]`: for a formula body starting at or before event `e` (and after
    /// the event before it), where delimiter `d`'s closer starts, or -1.
    var closers: [Int32] = []
    /// Maximal backtick runs in order: start and length.
    var tickRuns: [(start: Int32, length: Int32)] = []
    /// Where the code spans start, ascending, paired as a scan from the run's start pairs them.
    var codeSpanStarts: [Int] = []
    /// Positions of the NUL block breaks, ascending.
    var blockBreaks: [Int] = []

    init(src: UnsafeBufferPointer<UInt8>, lines: [LineShape], startsBlock: [Bool], isTableRow: Bool) {
        self.isTableRow = isTableRow
        self.lines = lines
        var count = 0
        for line in lines { count += line.end - line.contentStart + 1 }
        bytes.reserveCapacity(count)
        for (index, line) in lines.enumerated() {
            if index > 0 {
                if startsBlock[index] { blockBreaks.append(bytes.count) }
                bytes.append(startsBlock[index] ? Self.blockBreak : .newline)
            }
            lineStarts.append(bytes.count)
            let content = UnsafeBufferPointer(rebasing: src[line.contentStart..<line.end])
            // A NUL typed in the source must not read as a block break.
            if content.contains(Self.blockBreak) {
                bytes.append(contentsOf: content.lazy.map { $0 == Self.blockBreak ? .space : $0 })
            } else {
                bytes.append(contentsOf: content)
            }
        }
        indexEvents()
        precomputeClosers()
        indexCodeSpans()
    }

    /// The source offset of index `i` of `bytes` (not a line break).
    func sourceOffset(_ i: Int) -> Int {
        let line = line(of: i)
        return lines[line].contentStart + i - lineStarts[line]
    }

    // MARK: - Scan

    /// Every formula in the run, in order.
    func scan() -> [Found] {
        var found: [Found] = []
        var i = 0
        let n = bytes.count
        while i < n {
            switch bytes[i] {
            case .backslash:
                let next = i + 1 < n ? bytes[i + 1] : 0
                if next == .leftParen || next == .leftBracket,
                    let f = formula(next == .leftParen ? .paren : .bracket, at: i)
                {
                    found.append(f.0)
                    i = f.1
                } else {
                    i += next.isASCIIPunctuation ? 2 : 1
                }
            case .dollar:
                let next = i + 1 < n ? bytes[i + 1] : .space
                if next == .dollar {
                    if let f = formula(.doubleDollar, at: i) {
                        found.append(f.0)
                        i = f.1
                    } else {
                        i += 2
                    }
                } else if !Self.isSpace(next), let f = formula(.dollar, at: i) {
                    found.append(f.0)
                    i = f.1
                } else {
                    i += 1
                }
            case .backtick:
                i = skipCodeSpan(at: i)
            case .lessThan:
                i = skipTag(at: i) ?? i + 1
            case .rightBracket:
                i = skipLinkDestination(after: i) ?? i + 1
            default:
                i += 1
            }
        }
        return found
    }

    /// The formula opened by `delimiter` at `open`, and the index after it.
    func formula(_ delimiter: Delimiter, at open: Int) -> (Found, Int)? {
        let body = open + delimiter.openLength
        guard body <= bytes.count else { return nil }
        let close = closer(of: delimiter, forBodyAt: body)
        guard close >= 0, !hasCodeSpan(from: body, to: close) else { return nil }
        if delimiter != .dollar, bytes[body..<close].allSatisfy(Self.isSpace) { return nil }
        let after = close + delimiter.closeLength
        let f = Found(
            start: sourceOffset(open), startLine: line(of: open),
            end: sourceOffset(after - 1) + 1, endLine: line(of: after - 1), delimiter: delimiter)
        return (f, after)
    }

    /// The run line that holds index `i` of `bytes`.
    func line(of i: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= i { low = mid } else { high = mid - 1 }
        }
        return low
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == blockBreak || byte.isMarkdownSpace
    }

    // MARK: - Closers

    /// The first closer of `delimiter` outside braces for a body that starts at `body`.
    func closer(of delimiter: Delimiter, forBodyAt body: Int) -> Int {
        // Between events nothing changes: the answer is the one at the next event.
        var low = 0
        var high = events.count
        while low < high {
            let mid = (low + high) / 2
            if Int(events[mid].position) < body { low = mid + 1 } else { high = mid }
        }
        return low < events.count ? Int(closers[low * 4 + delimiter.rawValue]) : -1
    }

    enum Role: UInt8 {
        case openBrace, closeBrace, dollar, escapedParen, escapedBracket, pipe, blockBreak
    }

    /// Reads backslash pairs left to right (`\{` is no brace, `\$` no dollar, `\)` a possible
    /// closer) and records the events and backtick runs.
    mutating func indexEvents() {
        let n = bytes.count
        var i = 0
        while i < n {
            let byte = bytes[i]
            let role: Role
            switch byte {
            case .backslash:
                guard i + 1 < n, bytes[i + 1] != .newline, bytes[i + 1] != Self.blockBreak else {
                    i += 1
                    continue
                }
                let next = bytes[i + 1]
                if next == .rightParen { events.append((Int32(i), .escapedParen)) }
                if next == .rightBracket { events.append((Int32(i), .escapedBracket)) }
                i += 2
                continue
            case .backtick:
                var j = i + 1
                while j < n, bytes[j] == .backtick { j += 1 }
                tickRuns.append((Int32(i), Int32(j - i)))
                i = j
                continue
            case .leftBrace: role = .openBrace
            case .rightBrace: role = .closeBrace
            case .dollar: role = .dollar
            case .pipe: role = .pipe
            case Self.blockBreak: role = .blockBreak
            default:
                i += 1
                continue
            }
            events.append((Int32(i), role))
            i += 1
        }
    }

    /// For every event and delimiter, the first closer at or after it that stands outside
    /// braces, in one pass from the right with a stack per delimiter.
    ///
    /// With `H(k)` the brace height before index `k` (`{` minus `}`), a search that starts at
    /// `i` is outside braces at a closer `j` exactly when no `k` in `i...j` has `H(k) < H(j)`.
    /// So, walking left, a closer is dropped once a lower height is passed, and the nearest
    /// closer left on the stack answers every start.
    mutating func precomputeClosers() {
        let n = bytes.count
        closers = [Int32](repeating: -1, count: events.count * 4)
        var stacks: [[(position: Int32, height: Int32)]] = [[], [], [], []]
        var height: Int32 = 0
        var e = events.count - 1
        while e >= 0 {
            let (position, role) = events[e]
            let i = Int(position)
            switch role {
            case .openBrace:
                height -= 1
                for d in 0..<4 {
                    while let top = stacks[d].last, top.height > height { stacks[d].removeLast() }
                }
            case .closeBrace:
                height += 1
            case .blockBreak:
                stacks[Delimiter.dollar.rawValue].removeAll(keepingCapacity: true)
                stacks[Delimiter.paren.rawValue].removeAll(keepingCapacity: true)
            case .pipe:
                if isTableRow { for d in 0..<4 { stacks[d].removeAll(keepingCapacity: true) } }
            case .dollar:
                if i > 0, !Self.isSpace(bytes[i - 1]), !(i + 1 < n && bytes[i + 1].isDigit) {
                    stacks[Delimiter.dollar.rawValue].append((position, height))
                }
                if i + 1 < n, bytes[i + 1] == .dollar {
                    stacks[Delimiter.doubleDollar.rawValue].append((position, height))
                }
            case .escapedParen:
                stacks[Delimiter.paren.rawValue].append((position, height))
            case .escapedBracket:
                stacks[Delimiter.bracket.rawValue].append((position, height))
            }
            for d in 0..<4 { closers[e * 4 + d] = stacks[d].last?.position ?? -1 }
            e -= 1
        }
    }
}
