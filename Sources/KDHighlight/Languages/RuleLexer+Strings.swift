extension RuleLexer {
    /// Lexes a string whose opening quote is at the cursor; `prefixStart` is where a Python
    /// prefix (`r`, `f`, `rb`…) began, or the quote itself. Escapes (where the language has
    /// them, not in Python raw strings) and shell variables in `"…"` are split out as their
    /// own tokens. A quoted string followed by `:` is a key where the language has keys.
    mutating func lexString(quote: UInt8, prefixStart: Int) {
        let prefix = scanner.text(prefixStart..<scanner.index).lowercased()
        let escapes = rules.escapingQuotes.contains(quote) && !prefix.contains("r")
        let triple = rules.pythonStrings && scanner.peek(1) == quote && scanner.peek(2) == quote
        var runStart = prefixStart
        scanner.index += triple ? 3 : 1
        var kind = TokenKind.string
        while !scanner.atEnd {
            let b = scanner.peek()
            if b == quote {
                if triple {
                    if scanner.peek(1) == quote && scanner.peek(2) == quote {
                        scanner.index += 3
                        break
                    }
                    scanner.index += 1
                    continue
                }
                if rules.doubledQuoteEscape && quote == .apostrophe && scanner.peek(1) == .apostrophe {
                    scanner.index += 2
                    continue
                }
                scanner.index += 1
                if rules.quotedKeys && scanner.nextSignificant(after: scanner.index, crossingLines: false) == .colon {
                    kind = .key
                }
                break
            }
            if b == .newline && !triple && !rules.multilineStrings { break }
            if b == .backslash && escapes {
                scanner.emit(.string, from: runStart)
                let start = scanner.index
                scanner.index = min(scanner.index + 2, scanner.bytes.count)
                while scanner.peek() & 0xC0 == 0x80 { scanner.index += 1 }
                scanner.emit(.escape, from: start)
                runStart = scanner.index
                continue
            }
            if b == .dollar && rules.shellVariables && quote == .quote {
                scanner.emit(.string, from: runStart)
                lexVariable()
                runStart = scanner.index
                continue
            }
            scanner.index += 1
        }
        scanner.emit(kind, from: runStart)
    }

    /// A shell variable at the cursor (on `$`): `${…}`, `$NAME`, `$1`, `$?` and the other
    /// special parameters. `$(` (command substitution) is left plain.
    mutating func lexVariable() {
        let start = scanner.index
        let next = scanner.peek(1)
        if next == .openBrace {
            scanner.index += 2
            while !scanner.atEnd, scanner.peek() != .closeBrace, scanner.peek() != .newline { scanner.index += 1 }
            if scanner.peek() == .closeBrace { scanner.index += 1 }
        } else if next.isIdentifierStart {
            scanner.index += 1
            scanner.skipIdentifier()
        } else if next.isDigit || "?@#*!$-".utf8.contains(next) {
            scanner.index += 2
        } else {
            scanner.index += 1
            return
        }
        scanner.emit(.variable, from: start)
    }
}
