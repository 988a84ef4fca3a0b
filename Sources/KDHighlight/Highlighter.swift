/// Syntax highlighting for code shown on the site: source text in, HTML out, one string per
/// source line.
///
/// ```swift
/// let lines = Highlighter.highlight("let x = 1 // one\n", language: "swift")
/// // ["<span class=\"kd-kw\">let</span> x = <span class=\"kd-num\">1</span> <span class=\"kd-com\">// one</span>"]
/// ```
///
/// Line `k` (0-based) of the result is line `k` of the source, so a fenced block that starts
/// on Markdown line `N` has its line `k` on Markdown line `N + 1 + k`. Each line's spans are
/// complete (a multi-line comment is closed at each line end and reopened on the next line),
/// so lines can be wrapped one by one, e.g. for a walkthrough that highlights lines 4–9.
/// Classes are listed on `TokenKind.cssClass`. All text is HTML-escaped; an unknown language
/// is escaped without colours.
public enum Highlighter {
    /// One HTML string per source line (a final line break starts no extra line).
    public static func highlight(_ code: String, language: String) -> [String] {
        let bytes = Array(code.utf8)
        return HTMLLineWriter.lines(bytes, tokens: tokens(bytes, language: Language(fenceName: language)))
    }

    /// The coloured runs of `code`, by UTF-8 byte offset.
    public static func tokens(_ code: String, language: String) -> [Token] {
        tokens(Array(code.utf8), language: Language(fenceName: language))
    }

    /// Whether `language` (a fence's info word) gets colours rather than plain escaped text.
    public static func supports(_ language: String) -> Bool {
        Language(fenceName: language) != .plain
    }

    static func tokens(_ bytes: [UInt8], language: Language) -> [Token] {
        switch language {
        case .swift: SwiftLexer.tokens(bytes)
        case .c: RuleLexer.tokens(bytes, rules: .c)
        case .shell: RuleLexer.tokens(bytes, rules: .shell)
        case .yaml: RuleLexer.tokens(bytes, rules: .yaml)
        case .json: RuleLexer.tokens(bytes, rules: .json)
        case .python: RuleLexer.tokens(bytes, rules: .python)
        case .plain: []
        }
    }
}

/// The languages with colours, by the names a fence may use (case-insensitive).
enum Language: Sendable {
    case swift, c, shell, yaml, json, python, plain

    init(fenceName: String) {
        switch fenceName.lowercased() {
        case "swift": self = .swift
        case "c", "h", "cpp", "c++", "cc", "hpp", "cxx", "objc", "arduino", "ino": self = .c
        case "sh", "bash", "shell", "console", "zsh", "shell-session": self = .shell
        case "yaml", "yml", "quiz": self = .yaml
        case "json", "jsonc": self = .json
        case "python", "py", "python3": self = .python
        default: self = .plain
        }
    }
}
