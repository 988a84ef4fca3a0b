extension RuleLexer {
    /// A YAML line from its first non-blank byte: `- ` item markers, then a plain key
    /// (`title:`) and its value, or a value alone. Lines inside a block scalar (`|`, `>`)
    /// are strings. Quoted keys and values are left to the string lexer.
    mutating func lexYAMLLine() {
        let indent = indentation(of: scanner.index)
        if let blockIndent = yamlBlockIndent {
            if indent > blockIndent {
                let start = scanner.index
                scanner.skipToEndOfLine()
                scanner.emit(.string, from: start)
                return
            }
            yamlBlockIndent = nil
        }
        while scanner.peek() == .minus && isBlankOrEnd(scanner.peek(1)) {
            scanner.index += 1
            while scanner.peek().isSpaceOrTab { scanner.index += 1 }
        }
        guard isPlainStart(scanner.peek()) else { return }
        var i = scanner.index
        var colon: Int?
        while i < scanner.bytes.count, scanner.bytes[i] != .newline {
            let b = scanner.bytes[i]
            if b == .colon && isBlankOrEnd(scanner.byte(at: i + 1)) {
                colon = i
                break
            }
            if b == .hash && scanner.byte(at: i - 1).isSpaceOrTab { break }
            i += 1
        }
        if let colon {
            var end = colon
            while end > scanner.index, scanner.bytes[end - 1].isSpaceOrTab { end -= 1 }
            scanner.tokens.append(Token(.key, scanner.index..<end))
            scanner.index = colon + 1
        }
        lexYAMLScalar(lineIndent: indent)
    }

    /// A plain scalar after a key or item marker: a number or keyword is coloured, other text
    /// is consumed plain (so an apostrophe in `it's` starts no string); `|` or `>` opens a
    /// block scalar whose more-indented lines follow.
    private mutating func lexYAMLScalar(lineIndent: Int) {
        while scanner.peek().isSpaceOrTab { scanner.index += 1 }
        let first = scanner.peek()
        if first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
            yamlBlockIndent = lineIndent
            scanner.index += 1
            return
        }
        guard isPlainStart(first) || first == .minus || first == .dot else { return }
        let start = scanner.index
        var end = start
        while end < scanner.bytes.count, scanner.bytes[end] != .newline {
            if scanner.bytes[end] == .hash && scanner.byte(at: end - 1).isSpaceOrTab { break }
            end += 1
        }
        while end > start, scanner.bytes[end - 1].isSpaceOrTab || scanner.bytes[end - 1] == .carriageReturn { end -= 1 }
        let text = scanner.text(start..<end)
        if rules.keywords.contains(text) {
            scanner.tokens.append(Token(.keyword, start..<end))
        } else if Self.isYAMLNumber(text) {
            scanner.tokens.append(Token(.number, start..<end))
        }
        scanner.index = end
    }

    /// `12`, `-3.5`, `1e-3`, `1_000`, `0x1F`, `.inf`, `-.inf`, `.nan`.
    static func isYAMLNumber(_ text: String) -> Bool {
        if [".inf", "-.inf", "+.inf", ".nan", ".Inf", ".NaN"].contains(text) { return true }
        var s = Substring(text)
        if s.hasPrefix("0x") { return s.count > 2 && s.dropFirst(2).allSatisfy(\.isHexDigit) }
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        let mantissa = s.prefix { $0 != "e" && $0 != "E" }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, whole.first?.isNumber == true,
            mantissa.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_" || $0 == ".") })
        else { return false }
        var exponent = s.dropFirst(mantissa.count)
        guard !exponent.isEmpty else { return true }
        exponent = exponent.dropFirst()
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private func isBlankOrEnd(_ b: UInt8) -> Bool {
        b == 0 || b == .space || b == .tab || b == .newline || b == .carriageReturn
    }

    /// Whether a plain (unquoted) key or scalar may start with `b`.
    private func isPlainStart(_ b: UInt8) -> Bool {
        b != 0 && !"\"'{}[]#&*!|>%@`,\n\r".utf8.contains(b) && b != .minus
    }

    /// The number of spaces and tabs before `index` on its line.
    private func indentation(of index: Int) -> Int {
        var i = index
        while i > 0, scanner.bytes[i - 1].isSpaceOrTab { i -= 1 }
        return index - i
    }
}
