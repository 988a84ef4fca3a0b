import Testing

@testable import KDHighlight

@Suite("Other languages")
struct RuleLexerTests {
    @Test func cDirectivesTypesAndComments() {
        let code = "#include <stdint.h>\n/** doc */ static int8_t q(float x) { return (int8_t)x + 0x1Fu; } // end"
        #expect(
            runs(code, "c") == [
                Run(.directive, "#include"), Run(.string, "<stdint.h>"), Run(.docComment, "/** doc */"),
                Run(.keyword, "static"), Run(.type, "int8_t"), Run(.function, "q"), Run(.type, "float"),
                Run(.keyword, "return"), Run(.type, "int8_t"), Run(.number, "0x1Fu"), Run(.comment, "// end"),
            ])
    }

    @Test func cCommentsDoNotNest() {
        #expect(runs("/* a /* b */ c */", "c") == [Run(.comment, "/* a /* b */")])
    }

    @Test func cStringsEndAtTheLine() {
        #expect(texts(.string, in: "s = \"open\nint x = 'a';", "c") == ["\"open", "'a'"])
    }

    @Test func shellCommentsNeedAWordBoundary() {
        #expect(runs("echo a#b $# # real", "sh") == [Run(.variable, "$#"), Run(.comment, "# real")])
    }

    @Test func shellQuotes() {
        #expect(
            runs(#"echo "$HOME/${dir}" '$HOME \n'"#, "bash") == [
                Run(.string, "\""), Run(.variable, "$HOME"), Run(.string, "/"), Run(.variable, "${dir}"),
                Run(.string, "\""), Run(.string, #"'$HOME \n'"#),
            ])
    }

    @Test func yamlKeysScalarsAndComments() {
        let code = "timeout: 120 # seconds\nchoices:\n  - text: it's: fine\n    correct: true\n  - 4.5\n"
        #expect(
            runs(code, "yaml") == [
                Run(.key, "timeout"), Run(.number, "120"), Run(.comment, "# seconds"), Run(.key, "choices"),
                Run(.key, "text"), Run(.key, "correct"), Run(.keyword, "true"), Run(.number, "4.5"),
            ])
    }

    @Test func yamlBlockScalarsAreStrings() {
        let code = "explain: >\n  key: not a key\n  'still text\nnext: 1\n"
        #expect(
            runs(code, "yaml") == [
                Run(.key, "explain"), Run(.string, "key: not a key"), Run(.string, "'still text"),
                Run(.key, "next"), Run(.number, "1"),
            ])
    }

    @Test func yamlQuotedStrings() {
        #expect(
            runs(#"a: 'it''s'"# + "\n" + #""b": "x\"y""#, "yml") == [
                Run(.key, "a"), Run(.string, "'it''s'"), Run(.key, "\"b\""), Run(.string, "\"x"),
                Run(.escape, "\\\""), Run(.string, "y\""),
            ])
    }

    @Test(arguments: [
        ("12", true), ("-3.5", true), ("1e-3", true), ("1_000", true), ("0x1F", true), (".inf", true),
        ("1.2.3", false), ("12abc", false), ("e5", false), ("1e", false), ("-", false), ("0x", false),
    ])
    func yamlNumbers(text: String, isNumber: Bool) {
        #expect(RuleLexer.isYAMLNumber(text) == isNumber)
    }

    @Test func jsonKeysAndValues() {
        #expect(
            runs(#"{"a": [1, -2.5e3], "b": null, "c": "d"}"#, "json") == [
                Run(.key, "\"a\""), Run(.number, "1"), Run(.number, "2.5e3"), Run(.key, "\"b\""),
                Run(.keyword, "null"), Run(.key, "\"c\""), Run(.string, "\"d\""),
            ])
    }

    @Test func pythonStringsAndDecorators() {
        let code = "@torch.no_grad()\ndef f(T=4):\n    \"\"\"Doc 'x'.\"\"\"\n    return r\"\\d\" + b'\\x00' # c"
        #expect(
            runs(code, "py") == [
                Run(.attribute, "@torch.no_grad"), Run(.keyword, "def"), Run(.function, "f"), Run(.number, "4"),
                Run(.string, "\"\"\"Doc 'x'.\"\"\""), Run(.keyword, "return"), Run(.string, "r\"\\d\""),
                Run(.string, "b'"), Run(.escape, "\\x"), Run(.string, "00'"), Run(.comment, "# c"),
            ])
    }

    @Test func pythonCapWordsAreTypes() {
        #expect(runs("x = DataLoader(T, KL, None)", "python") == [Run(.type, "DataLoader"), Run(.keyword, "None")])
    }
}
