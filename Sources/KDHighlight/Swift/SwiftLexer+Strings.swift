extension SwiftLexer {
    /// Lexes a string literal whose opening delimiter (`hashes` `#` then `"` or `"""`) is at
    /// the cursor. The literal is emitted as `.string` runs split around `.escape` tokens;
    /// an interpolation `\(…)` (`\#(…)` in a raw string) is lexed as code in between, with
    /// its delimiters as `.escape`. A single-line literal ends at the end of its line if
    /// unterminated; a multi-line one at the end of the file.
    mutating func lexString(hashes: Int) {
        var runStart = scanner.index
        scanner.index += hashes
        let multiline = scanner.at("\"\"\"")
        scanner.index += multiline ? 3 : 1

        while !scanner.atEnd {
            let b = scanner.peek()
            if b == .quote {
                let quotes = multiline ? 3 : 1
                if (!multiline || scanner.at("\"\"\"")) && closesDelimiter(hashes: hashes, after: quotes) {
                    scanner.index += quotes + hashes
                    scanner.emit(.string, from: runStart)
                    return
                }
                scanner.index += 1
            } else if b == .newline && !multiline {
                break
            } else if b == .backslash && closesDelimiter(hashes: hashes, after: 1) {
                scanner.emit(.string, from: runStart)
                lexEscape(hashes: hashes, multiline: multiline)
                runStart = scanner.index
            } else {
                scanner.index += 1
            }
        }
        scanner.emit(.string, from: runStart)
    }

    /// An escape at the cursor (a backslash followed by `hashes` `#`): `\(` starts an
    /// interpolation, `\u{…}` is one escape, `\` before a newline continues a multi-line line.
    private mutating func lexEscape(hashes: Int, multiline: Bool) {
        let start = scanner.index
        scanner.index += 1 + hashes
        let b = scanner.peek()
        if b == .openParen {
            scanner.index += 1
            scanner.emit(.escape, from: start)
            lexCode(insideInterpolation: true)
            if scanner.peek() == .closeParen {
                let close = scanner.index
                scanner.index += 1
                scanner.emit(.escape, from: close)
            }
            return
        }
        if b == .u && scanner.peek(1) == .openBrace {
            scanner.index += 2
            while !scanner.atEnd, scanner.peek() != .closeBrace, scanner.peek() != .newline, scanner.peek() != .quote {
                scanner.index += 1
            }
            if scanner.peek() == .closeBrace { scanner.index += 1 }
        } else if b == .newline && !multiline {
            // a stray backslash at the end of a single-line literal: the literal ends here
        } else if !scanner.atEnd {
            scanner.index += utf8Length(of: b)
        }
        scanner.emit(.escape, from: start)
    }

    /// The number of bytes of the UTF-8 sequence a leading byte starts (1 for ASCII).
    private func utf8Length(of lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
