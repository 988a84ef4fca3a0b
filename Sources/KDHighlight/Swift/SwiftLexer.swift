/// A lexer for Swift: comments (nested `/* */`, doc comments), string literals (escapes,
/// interpolation with nested code, multi-line `"""`, raw `#"…"#`), extended regex literals
/// (`#/…/#`), numbers, keywords (reserved and contextual), types (capitalised identifiers),
/// attributes, `#` directives, and function names at calls and declarations.
///
/// It is a lexer, not a parser: it never fails, and on malformed input (an unterminated
/// string or comment) it colours to the end of the line or file and goes on.
struct SwiftLexer {
    var scanner: Scanner
    /// The last keyword seen, to colour the name after `func` as a function.
    var lastKeyword = ""

    init(_ bytes: [UInt8]) {
        scanner = Scanner(bytes)
    }

    static func tokens(_ bytes: [UInt8]) -> [Token] {
        var lexer = SwiftLexer(bytes)
        lexer.lexCode(insideInterpolation: false)
        return lexer.scanner.tokens
    }

    /// Lexes code until the end, or, inside an interpolation, until the `)` that closes it
    /// (left unconsumed for the caller).
    mutating func lexCode(insideInterpolation: Bool) {
        var parenDepth = 0
        while !scanner.atEnd {
            let b = scanner.peek()
            switch b {
            case .slash where scanner.peek(1) == .slash:
                lexLineComment()
            case .slash where scanner.peek(1) == .star:
                lexBlockComment()
            case .quote:
                lexString(hashes: 0)
            case .hash:
                lexHash()
            case .at where scanner.peek(1).isIdentifierStart:
                let start = scanner.index
                scanner.index += 1
                scanner.skipIdentifier()
                scanner.emit(.attribute, from: start)
            case _ where b.isDigit:
                scanner.scanNumber()
            case _ where b.isIdentifierStart || b == .dollar:
                lexIdentifier()
            case .backtick:
                lexBacktickIdentifier()
            case .openParen:
                parenDepth += 1
                scanner.index += 1
            case .closeParen:
                if insideInterpolation && parenDepth == 0 { return }
                parenDepth -= 1
                scanner.index += 1
            default:
                scanner.index += 1
            }
        }
    }

    // MARK: - Comments

    private mutating func lexLineComment() {
        let start = scanner.index
        let isDoc = scanner.at("///") && scanner.peek(3) != .slash
        scanner.skipToEndOfLine()
        scanner.emit(isDoc ? .docComment : .comment, from: start)
    }

    /// `/* … */` with nesting, as Swift allows: `/* a /* b */ c */` is one comment.
    private mutating func lexBlockComment() {
        let start = scanner.index
        let isDoc = scanner.at("/**") && !scanner.at("/**/")
        scanner.index += 2
        var depth = 1
        while !scanner.atEnd && depth > 0 {
            if scanner.peek() == .slash && scanner.peek(1) == .star {
                depth += 1
                scanner.index += 2
            } else if scanner.peek() == .star && scanner.peek(1) == .slash {
                depth -= 1
                scanner.index += 2
            } else {
                scanner.index += 1
            }
        }
        scanner.emit(isDoc ? .docComment : .comment, from: start)
    }

    // MARK: - `#`: raw strings, regex literals, directives

    private mutating func lexHash() {
        var hashes = 0
        while scanner.peek(hashes) == .hash { hashes += 1 }
        let after = scanner.peek(hashes)
        if after == .quote {
            lexString(hashes: hashes)
        } else if after == .slash {
            lexExtendedRegex(hashes: hashes)
        } else if hashes == 1 && after.isIdentifierStart {
            let start = scanner.index
            scanner.index += 1
            scanner.skipIdentifier()
            scanner.emit(.directive, from: start)
        } else {
            scanner.index += hashes
        }
    }

    /// `#/ … /#`, possibly over several lines.
    private mutating func lexExtendedRegex(hashes: Int) {
        let start = scanner.index
        scanner.index += hashes + 1
        while !scanner.atEnd {
            if scanner.peek() == .backslash {
                scanner.index += 2
                continue
            }
            if scanner.peek() == .slash && closesDelimiter(hashes: hashes, after: 1) {
                scanner.index += 1 + hashes
                break
            }
            scanner.index += 1
        }
        scanner.index = min(scanner.index, scanner.bytes.count)
        scanner.emit(.string, from: start)
    }

    /// Whether `hashes` `#` follow the cursor at `offset`.
    func closesDelimiter(hashes: Int, after offset: Int) -> Bool {
        for k in 0..<hashes where scanner.peek(offset + k) != .hash { return false }
        return true
    }

    // MARK: - Identifiers

    private mutating func lexIdentifier() {
        let start = scanner.index
        scanner.index += 1
        scanner.skipIdentifier()
        let range = start..<scanner.index
        let kind = classify(range)
        if let kind { scanner.tokens.append(Token(kind, range)) }
        if kind == .keyword { lastKeyword = scanner.text(range) } else { lastKeyword = "" }
    }

    private mutating func lexBacktickIdentifier() {
        var i = scanner.index + 1
        while i < scanner.bytes.count, scanner.bytes[i] != .backtick, scanner.bytes[i] != .newline { i += 1 }
        let closed = scanner.byte(at: i) == .backtick
        let nameStart = scanner.index + 1
        scanner.index = closed ? i + 1 : scanner.index + 1
        if closed, scanner.byte(at: nameStart).isUppercase {
            scanner.tokens.append(Token(.type, nameStart - 1..<scanner.index))
        }
        lastKeyword = ""
    }
}
