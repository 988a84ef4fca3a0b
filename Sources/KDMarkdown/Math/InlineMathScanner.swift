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
    /// The run's content; lines joined by `\n`, or by NUL before a line that starts a block.
    private(set) var bytes: [UInt8] = []
    /// The source offset of each byte of `bytes` (a line break maps to its line's end).
    private(set) var origin: [Int] = []
    /// Where each run line starts in `bytes`.
    private(set) var lineStarts: [Int] = []
    /// Per delimiter, for a formula body starting at index `i`: where its closer starts, or -1.
    var closers: [[Int32]] = []
    /// Start positions of maximal backtick runs, by run length.
    var tickRuns: [Int: [Int]] = [:]
    /// Positions of the NUL block breaks, ascending.
    var blockBreaks: [Int] = []

    init(src: UnsafeBufferPointer<UInt8>, lines: [LineShape], startsBlock: [Bool], isTableRow: Bool) {
        self.isTableRow = isTableRow
        for (index, line) in lines.enumerated() {
            if index > 0 {
                let isBreak = startsBlock[index]
                if isBreak { blockBreaks.append(bytes.count) }
                bytes.append(isBreak ? Self.blockBreak : .newline)
                origin.append(lines[index - 1].end)
            }
            lineStarts.append(bytes.count)
            for p in line.contentStart..<line.end {
                // A NUL typed in the source must not read as a block break.
                bytes.append(src[p] == Self.blockBreak ? .space : src[p])
                origin.append(p)
            }
        }
        precomputeClosers()
        indexTickRuns()
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
                   let f = formula(next == .leftParen ? .paren : .bracket, at: i) {
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
        let close = Int(closers[delimiter.rawValue][body])
        guard close >= 0 else { return nil }
        if delimiter != .dollar, bytes[body..<close].allSatisfy(Self.isSpace) { return nil }
        let after = close + delimiter.closeLength
        let f = Found(start: origin[open], startLine: line(of: open),
                      end: origin[after - 1] + 1, endLine: line(of: after - 1), delimiter: delimiter)
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

    /// For every index and delimiter, the first closer after it that stands outside braces, in
    /// one pass from the right with a stack per delimiter.
    ///
    /// With `H(k)` the brace height before index `k` (`{` minus `}`), a search that starts at
    /// `i` is outside braces at a closer `j` exactly when no `k` in `i...j` has `H(k) < H(j)`.
    /// So, walking left, a closer is dropped once a lower height is passed, and the nearest
    /// closer left on the stack answers every start.
    mutating func precomputeClosers() {
        let n = bytes.count
        let roles = braceAndEscapeRoles()
        closers = Array(repeating: Array(repeating: -1, count: n + 1), count: Delimiter.allCases.count)
        var stacks: [[(position: Int32, height: Int32)]] = Array(repeating: [], count: Delimiter.allCases.count)
        var height: Int32 = 0
        var i = n - 1
        while i >= 0 {
            let role = roles[i]
            if role == .openBrace { height -= 1 }
            if role == .closeBrace { height += 1 }
            if bytes[i] == Self.blockBreak {
                stacks[Delimiter.dollar.rawValue].removeAll(keepingCapacity: true)
                stacks[Delimiter.paren.rawValue].removeAll(keepingCapacity: true)
            }
            if role == .pipe, isTableRow {
                for d in stacks.indices { stacks[d].removeAll(keepingCapacity: true) }
            }
            for d in Delimiter.allCases {
                let isCloser: Bool
                switch d {
                case .dollar:
                    isCloser = role == .dollar && i > 0 && !Self.isSpace(bytes[i - 1])
                        && !(i + 1 < n && bytes[i + 1].isDigit)
                case .doubleDollar:
                    isCloser = role == .dollar && i + 1 < n && roles[i + 1] == .dollar
                case .paren:
                    isCloser = role == .escapedParen
                case .bracket:
                    isCloser = role == .escapedBracket
                }
                while let top = stacks[d.rawValue].last, top.height > height { stacks[d.rawValue].removeLast() }
                if isCloser { stacks[d.rawValue].append((Int32(i), height)) }
                closers[d.rawValue][i] = stacks[d.rawValue].last?.position ?? -1
            }
            i -= 1
        }
    }

    enum Role: UInt8 {
        case plain, openBrace, closeBrace, dollar, escapedParen, escapedBracket, pipe
    }

    /// What each byte is to a closer search: backslash pairs read left to right (`\{` is no
    /// brace, `\$` no dollar, `\)` a possible closer), braces, dollars, pipes.
    func braceAndEscapeRoles() -> [Role] {
        let n = bytes.count
        var roles = [Role](repeating: .plain, count: n)
        var i = 0
        while i < n {
            let byte = bytes[i]
            if byte == .backslash, i + 1 < n, bytes[i + 1] != .newline, bytes[i + 1] != Self.blockBreak {
                let next = bytes[i + 1]
                if next == .rightParen { roles[i] = .escapedParen }
                if next == .rightBracket { roles[i] = .escapedBracket }
                i += 2
                continue
            }
            switch byte {
            case .leftBrace: roles[i] = .openBrace
            case .rightBrace: roles[i] = .closeBrace
            case .dollar: roles[i] = .dollar
            case .pipe: roles[i] = .pipe
            default: break
            }
            i += 1
        }
        return roles
    }
}
