/// The lexer for every language but Swift, driven by `LanguageRules`: comments, strings with
/// escapes, numbers, keywords and types, plus each language's specials (C directives, shell
/// variables, YAML and JSON keys, Python decorators and string prefixes).
struct RuleLexer {
    var scanner: Scanner
    let rules: LanguageRules
    private let lineComments: [[UInt8]]
    private let blockOpen: [UInt8]
    private let blockClose: [UInt8]
    /// Only spaces since the start of the line (directives, YAML keys).
    private var atLineStart = true
    private var lastWord = ""
    /// The indentation of the line that opened a YAML block scalar (`|`, `>`), while inside it.
    var yamlBlockIndent: Int?

    static func tokens(_ bytes: [UInt8], rules: LanguageRules) -> [Token] {
        var lexer = RuleLexer(scanner: Scanner(bytes), rules: rules)
        lexer.run()
        return lexer.scanner.tokens
    }

    private init(scanner: Scanner, rules: LanguageRules) {
        self.scanner = scanner
        self.rules = rules
        lineComments = rules.lineComments.map { Array($0.utf8) }
        blockOpen = rules.blockComment.map { Array($0.open.utf8) } ?? []
        blockClose = rules.blockComment.map { Array($0.close.utf8) } ?? []
    }

    private mutating func run() {
        while !scanner.atEnd {
            let b = scanner.peek()
            if b == .newline {
                scanner.index += 1
                atLineStart = true
                continue
            }
            if b.isSpaceOrTab || b == .carriageReturn {
                scanner.index += 1
                continue
            }
            let lineStart = atLineStart
            atLineStart = false
            if lexComment() { continue }
            if rules.preprocessor && lineStart && b == .hash {
                lexDirective()
            } else if rules.yamlPlain && lineStart {
                lexYAMLLine()
            } else if rules.quotes.contains(b) {
                lexString(quote: b, prefixStart: scanner.index)
            } else if rules.shellVariables && b == .dollar {
                lexVariable()
            } else if rules.decorators && b == .at && scanner.peek(1).isIdentifierStart {
                let start = scanner.index
                scanner.index += 1
                scanner.skipIdentifier()
                while scanner.peek() == .dot && scanner.peek(1).isIdentifierStart {
                    scanner.index += 1
                    scanner.skipIdentifier()
                }
                scanner.emit(.attribute, from: start)
            } else if rules.numbers && b.isDigit && !scanner.byte(at: scanner.index - 1).isIdentifierContinue {
                scanner.scanNumber()
            } else if b.isIdentifierStart {
                lexWord()
            } else {
                scanner.index += 1
            }
        }
    }

    // MARK: - Comments

    /// Lexes a comment at the cursor, if one starts there.
    private mutating func lexComment() -> Bool {
        let start = scanner.index
        if !blockOpen.isEmpty && matches(blockOpen, at: start) {
            scanner.index += blockOpen.count
            while !scanner.atEnd && !matches(blockClose, at: scanner.index) { scanner.index += 1 }
            scanner.index = min(scanner.index + blockClose.count, scanner.bytes.count)
            scanner.emit(isDocComment(start) ? .docComment : .comment, from: start)
            return true
        }
        for opener in lineComments where matches(opener, at: start) {
            if rules.commentNeedsBoundary {
                let before = scanner.byte(at: start - 1)
                guard start == 0 || before.isSpaceOrTab || before == .newline || before == UInt8(ascii: ";") else {
                    continue
                }
            }
            scanner.skipToEndOfLine()
            scanner.emit(isDocComment(start) ? .docComment : .comment, from: start)
            return true
        }
        return false
    }

    /// `/** …` and `/// …` are documentation in C (Doxygen) as in Swift.
    private func isDocComment(_ start: Int) -> Bool {
        guard rules.blockComment != nil else { return false }
        let third = scanner.byte(at: start + 2)
        let second = scanner.byte(at: start + 1)
        return (second == .star && third == .star && scanner.byte(at: start + 3) != .slash)
            || (second == .slash && third == .slash && scanner.byte(at: start + 3) != .slash)
    }

    func matches(_ literal: [UInt8], at i: Int) -> Bool {
        guard i + literal.count <= scanner.bytes.count else { return false }
        for k in 0..<literal.count where scanner.bytes[i + k] != literal[k] { return false }
        return true
    }

    // MARK: - Words

    private mutating func lexWord() {
        let start = scanner.index
        scanner.skipIdentifier()
        if rules.pythonStrings, rules.quotes.contains(scanner.peek()), scanner.index - start <= 2,
            scanner.text(start..<scanner.index).lowercased().allSatisfy({ "rbfu".contains($0) })
        {
            lexString(quote: scanner.peek(), prefixStart: start)
            return
        }
        let range = start..<scanner.index
        let word = scanner.text(range)
        let kind: TokenKind?
        if rules.keywords.contains(word) {
            kind = .keyword
        } else if rules.types.contains(word) || (rules.suffixTTypes && word.hasSuffix("_t") && word.count > 2) {
            kind = .type
        } else if rules.capitalisedTypes && scanner.bytes[start].isUppercase
            && scanner.bytes[range].contains(where: { $0 >= 0x61 && $0 <= 0x7A })
        {
            kind = .type
        } else if rules.functionIntroducers.contains(lastWord) || (rules.calls && scanner.peek() == .openParen) {
            kind = .function
        } else {
            kind = nil
        }
        if let kind { scanner.tokens.append(Token(kind, range)) }
        lastWord = word
    }

    /// A C directive: `#` and its name (spaces allowed between), then for `#include` a
    /// `<header>` coloured as a string.
    private mutating func lexDirective() {
        let start = scanner.index
        scanner.index += 1
        while scanner.peek().isSpaceOrTab { scanner.index += 1 }
        let nameStart = scanner.index
        scanner.skipIdentifier()
        let name = scanner.text(nameStart..<scanner.index)
        scanner.emit(.directive, from: start)
        guard name == "include" || name == "import" else { return }
        while scanner.peek().isSpaceOrTab { scanner.index += 1 }
        guard scanner.peek() == .lessThan else { return }
        let headerStart = scanner.index
        while !scanner.atEnd, scanner.peek() != .greaterThan, scanner.peek() != .newline { scanner.index += 1 }
        if scanner.peek() == .greaterThan { scanner.index += 1 }
        scanner.emit(.string, from: headerStart)
    }
}
