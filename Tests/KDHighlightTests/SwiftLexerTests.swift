import Testing

@testable import KDHighlight

@Suite("Swift lexer")
struct SwiftLexerTests {
    @Test func declarationsAndCalls() {
        #expect(
            runs("let model = Sequential([Dense(64, 16, seed: 4)])") == [
                Run(.keyword, "let"), Run(.type, "Sequential"), Run(.type, "Dense"),
                Run(.number, "64"), Run(.number, "16"), Run(.number, "4"),
            ])
        #expect(
            runs("func softmax(_ x: Tensor) -> Tensor { return x.exp() }") == [
                Run(.keyword, "func"), Run(.function, "softmax"), Run(.keyword, "_"), Run(.type, "Tensor"),
                Run(.type, "Tensor"), Run(.keyword, "return"), Run(.function, "exp"),
            ])
    }

    @Test(arguments: [
        ("0x1F", "0x1F"), ("1_000_000", "1_000_000"), ("1.5e-3", "1.5e-3"), ("0b1010", "0b1010"),
        ("0o17", "0o17"), ("0x1.8p3", "0x1.8p3"), ("6.02E23", "6.02E23"), ("42", "42"),
    ])
    func numbers(source: String, expected: String) {
        #expect(texts(.number, in: "let n = \(source) + 1") == [expected, "1"])
    }

    @Test func rangesAreNotFractions() {
        #expect(texts(.number, in: "for i in 0..<10 { _ = 1...5 }") == ["0", "10", "1", "5"])
        #expect(texts(.keyword, in: "for i in 0...count {}") == ["for", "in"])
    }

    /// A comment is not code: a line after one ending in `.`, `(` or `,` starts afresh, so
    /// its first keyword is not taken for a member (`x.let`) or an argument label.
    @Test(arguments: ["// see Tensor.", "// softmax(", "// a, b,", "/* block. */", "/// Doc ends with a dot."])
    func aCommentDoesNotChangeTheNextLine(comment: String) {
        #expect(texts(.keyword, in: "\(comment)\nlet x = 1\nvar y = x") == ["let", "var"])
        #expect(texts(.keyword, in: "f(\(comment)\nin: 1)") == [], "a label after a comment is still a label")
    }

    @Test func nestedBlockComments() {
        let code = "a /* one /* two */ still */ b"
        #expect(runs(code) == [Run(.comment, "/* one /* two */ still */")])
    }

    @Test func docComments() {
        #expect(
            runs("/// Doc.\n// plain\n//// banner\n/** block */ /**/") == [
                Run(.docComment, "/// Doc."), Run(.comment, "// plain"), Run(.comment, "//// banner"),
                Run(.docComment, "/** block */"), Run(.comment, "/**/"),
            ])
    }

    @Test func interpolationIsCode() {
        #expect(
            runs(#"print("T = \(t.value(at: 1)) done")"#) == [
                Run(.function, "print"), Run(.string, "\"T = "), Run(.escape, "\\("),
                Run(.function, "value"), Run(.number, "1"), Run(.escape, ")"), Run(.string, " done\""),
            ])
    }

    @Test func nestedStringInsideInterpolation() {
        #expect(
            runs(#""a \(f(")")) b" + x"#) == [
                Run(.string, "\"a "), Run(.escape, "\\("), Run(.function, "f"), Run(.string, "\")\""),
                Run(.escape, ")"), Run(.string, " b\""),
            ])
    }

    @Test func escapes() {
        #expect(
            runs(#""tab\tquote\"emoji\u{1F600}""#) == [
                Run(.string, "\"tab"), Run(.escape, "\\t"), Run(.string, "quote"), Run(.escape, "\\\""),
                Run(.string, "emoji"), Run(.escape, "\\u{1F600}"), Run(.string, "\""),
            ])
    }

    @Test func rawStrings() {
        #expect(
            runs(##"let r = #"no \n escape "quoted" \#(x)"#"##) == [
                Run(.keyword, "let"), Run(.string, #"#"no \n escape "quoted" "#),
                Run(.escape, ##"\#("##), Run(.escape, ")"), Run(.string, ##""#"##),
            ])
        #expect(texts(.string, in: ###"x = ##"a "# b"## + 1"###) == [###"##"a "# b"##"###])
    }

    @Test func multilineString() {
        let code = "let s = \"\"\"\n  one \"quoted\" \\(n)\n  \"\"\"\nlet t = 1"
        #expect(
            runs(code) == [
                Run(.keyword, "let"), Run(.string, "\"\"\"\n  one \"quoted\" "), Run(.escape, "\\("),
                Run(.escape, ")"), Run(.string, "\n  \"\"\""), Run(.keyword, "let"), Run(.number, "1"),
            ])
    }

    @Test func rawMultilineString() {
        let code = "#\"\"\"\n\"\"\" not the end\n\"\"\"#"
        #expect(runs(code) == [Run(.string, code)])
    }

    @Test func unterminatedStringEndsAtLineEnd() {
        #expect(
            runs("let s = \"open\nlet t = 2") == [
                Run(.keyword, "let"), Run(.string, "\"open"), Run(.keyword, "let"), Run(.number, "2"),
            ])
    }

    @Test func attributesAndDirectives() {
        let code =
            "@MainActor @discardableResult func f() {}\n#sourceLocation(file: \"a.md\", line: 3)\n#if DEBUG\n#endif"
        #expect(texts(.attribute, in: code) == ["@MainActor", "@discardableResult"])
        #expect(texts(.directive, in: code) == ["#sourceLocation", "#if", "#endif"])
        #expect(texts(.string, in: code) == ["\"a.md\""])
    }

    @Test func regexLiteral() {
        #expect(runs("let r = #/a\\/b/#") == [Run(.keyword, "let"), Run(.string, "#/a\\/b/#")])
    }

    @Test func contextualKeywords() {
        #expect(texts(.keyword, in: "let open = 1; open class A {}") == ["let", "open", "class"])
        #expect(texts(.keyword, in: "var x: Int { get set }") == ["var", "get", "set"])
        #expect(texts(.keyword, in: "var x: Int { get { 1 } set(v) { } }") == ["var", "get", "set"])
        #expect(texts(.keyword, in: "let set = Set<Int>(); set.insert(1)") == ["let"])
        #expect(texts(.keyword, in: "func f(_ p: some P, _ q: any Q) {}") == ["func", "_", "some", "_", "any"])
        #expect(texts(.keyword, in: "weak var d: D?; unowned(unsafe) let u: U") == ["weak", "var", "unowned", "let"])
    }

    @Test func keywordsAsLabelsAndMembers() {
        #expect(texts(.keyword, in: "counts[key, default: 0] += 1") == [])
        #expect(texts(.keyword, in: "f(for: x, in: y)") == [])
        #expect(texts(.keyword, in: "switch x { default: break }") == ["switch", "default", "break"])
        #expect(
            runs("x.default; y.init(); T.self; T.Type") == [
                Run(.keyword, "init"), Run(.type, "T"), Run(.keyword, "self"), Run(.type, "T"), Run(.keyword, "Type"),
            ])
    }

    @Test func backticksAndDollarNames() {
        // a trailing closure is not told apart from `if xs.isEmpty {`: both stay plain
        #expect(
            runs("let `default` = 1; xs.map { $0 * 2 }") == [
                Run(.keyword, "let"), Run(.number, "1"), Run(.number, "2"),
            ])
    }

    @Test func identifiersWithDigitsAreNotNumbers() {
        #expect(texts(.number, in: "let conv2d = x2 + layer1.w3") == [])
        #expect(texts(.number, in: "let t = pair.0") == ["0"])
    }

    @Test func unicodeIdentifiers() {
        #expect(runs("let α = Ténsor()") == [Run(.keyword, "let"), Run(.type, "Ténsor")])
    }

    @Test func neverCrashesOnTruncatedInput() {
        for code in ["\"", "#\"", "\"\"\"", "/*", "\"\\(", "\"\\", "#", "@", "`", "0x", "\"\\u{", "#/"] {
            _ = Highlighter.highlight(code, language: "swift")
            _ = Highlighter.highlight(code + "\n", language: "swift")
        }
    }
}
