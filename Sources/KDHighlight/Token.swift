/// What a run of source text is, for colouring. Each kind has one CSS class that themes style;
/// text that is none of these (identifiers, operators, punctuation, spaces) is left unwrapped.
public enum TokenKind: Sendable, CaseIterable {
    /// A reserved or contextual keyword, and the literals `true`, `false`, `nil`, `self`.
    case keyword
    /// A type name: in Swift and Python a capitalised identifier; in C a built-in or `_t` type.
    case type
    /// A Swift attribute (`@MainActor`) or a Python decorator (`@property`).
    case attribute
    /// A string or character literal, without its escapes and interpolations.
    case string
    /// An escape (`\n`, `\u{1F600}`) or the delimiters of an interpolation (`\(` and `)`).
    case escape
    /// A number literal: decimal, hex, octal, binary, with underscores, fractions and exponents.
    case number
    /// A comment.
    case comment
    /// A documentation comment (`///`, `/** */`); styled as a comment too.
    case docComment
    /// A compiler directive or macro: `#if`, `#sourceLocation`, `#include`.
    case directive
    /// The name of a function at a call (`f(`) or a declaration (`func f`, `def f`).
    case function
    /// A shell variable (`$HOME`, `${name}`, `$1`).
    case variable
    /// A key in YAML or JSON (`title:`).
    case key

    /// The value of the `class` attribute of this kind's span.
    public var cssClass: String {
        switch self {
        case .keyword: "kd-kw"
        case .type: "kd-type"
        case .attribute: "kd-attr"
        case .string: "kd-str"
        case .escape: "kd-esc"
        case .number: "kd-num"
        case .comment: "kd-com"
        case .docComment: "kd-com kd-doc"
        case .directive: "kd-dir"
        case .function: "kd-fn"
        case .variable: "kd-var"
        case .key: "kd-key"
        }
    }
}

/// A coloured run of source: its kind and its UTF-8 byte offsets in the source.
/// Tokens of one lexing never overlap and are sorted by position.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var range: Range<Int>

    public init(_ kind: TokenKind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}
