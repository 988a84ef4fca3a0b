extension SwiftLexer {
    /// The colour of the identifier at `range`, from the word and its neighbours, or nil
    /// for plain text. Rules (first match wins):
    /// - after a dot (a member): `init`, `self`, `Type`, `Protocol` are keywords, a capitalised
    ///   name is a type, a name followed by `(` is a function, anything else is plain;
    /// - a keyword used as an argument label (`(for: …`, `, in: …`) is plain;
    /// - reserved words are keywords; modifiers and accessors only in their context
    ///   (see `SwiftKeywords`);
    /// - a capitalised name is a type;
    /// - the name after `func`, or a name directly followed by `(`, is a function.
    func classify(_ range: Range<Int>) -> TokenKind? {
        // No keyword is longer than 15 bytes ("precedencegroup"): skip making a string then.
        let word = range.count <= 15 ? scanner.text(range) : ""
        let before = scanner.previousSignificant(before: range.lowerBound)
        let after = scanner.nextSignificant(after: range.upperBound)
        let immediatelyAfter = scanner.byte(at: range.upperBound)
        let startsUppercase = scanner.bytes[range.lowerBound].isUppercase

        if before == .dot && !isRangeOperatorDot(before: range.lowerBound) {
            if SwiftKeywords.memberKeywords.contains(word) { return .keyword }
            if startsUppercase { return .type }
            return immediatelyAfter == .openParen ? .function : nil
        }
        let isLabel = after == .colon && (before == .openParen || before == .comma)
        if SwiftKeywords.reserved.contains(word) {
            return isLabel ? nil : .keyword
        }
        if SwiftKeywords.modifiers.contains(word) && !isLabel {
            if after.isIdentifierStart { return .keyword }
            if after == .openParen && (word == "unowned" || word == "nonisolated") { return .keyword }
        }
        if SwiftKeywords.accessors.contains(word) && !isLabel
            && isAccessor(word, range: range, before: before, after: after)
        {
            return .keyword
        }
        if startsUppercase { return .type }
        if lastKeyword == "func" || immediatelyAfter == .openParen { return .function }
        return nil
    }

    /// Whether the dot before `index` is the last of `...` or `..<`'s dots, not a member access.
    private func isRangeOperatorDot(before index: Int) -> Bool {
        var i = index - 1
        while i >= 0, scanner.bytes[i].isSpaceOrTab || scanner.bytes[i] == .newline { i -= 1 }
        return scanner.byte(at: i - 1) == .dot
    }

    /// `get {`, `set(newValue) {`, `{ get set }`, `get async throws {`.
    private func isAccessor(_ word: String, range: Range<Int>, before: UInt8, after: UInt8) -> Bool {
        if after == .openBrace || after == .closeBrace || before == .openBrace { return true }
        if after == .openParen { return word != "get" }
        let next = nextWord(after: range.upperBound)
        return next == "async" || next == "throws" || next == "get" || next == "set"
    }

    /// The identifier that follows `index` after spaces, or "".
    private func nextWord(after index: Int) -> String {
        var i = index
        while i < scanner.bytes.count, scanner.bytes[i].isSpaceOrTab || scanner.bytes[i] == .newline { i += 1 }
        let start = i
        while i < scanner.bytes.count, scanner.bytes[i].isIdentifierContinue { i += 1 }
        return scanner.text(start..<i)
    }
}
