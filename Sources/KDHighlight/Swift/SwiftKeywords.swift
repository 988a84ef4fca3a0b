/// Swift's keywords, split by how reliably a word is one.
enum SwiftKeywords {
    /// Always keywords (reserved words and literals), except as argument labels (`for:`) and
    /// after a dot.
    static let reserved: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
        "init", "inout", "internal", "let", "operator", "private", "precedencegroup", "protocol",
        "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "as", "is", "super", "self", "Self", "throws", "try", "true", "false", "nil",
        "async", "await", "_",
    ]

    /// Declaration modifiers and type operators: keywords only when another word follows
    /// (`open class`, `some View`), so `let open = 1` stays plain. `unowned(unsafe)` and
    /// `nonisolated(unsafe)` are also recognised.
    static let modifiers: Set<String> = [
        "open", "final", "lazy", "required", "optional", "dynamic", "indirect", "convenience",
        "override", "mutating", "nonmutating", "package", "nonisolated", "isolated", "prefix",
        "postfix", "infix", "weak", "unowned", "consuming", "borrowing", "sending", "actor",
        "some", "any", "macro", "distributed",
    ]

    /// Accessor names: keywords only when a body or parameter follows (`get {`, `set(v) {`,
    /// `get throws {`).
    static let accessors: Set<String> = ["get", "set", "willSet", "didSet", "_read", "_modify"]

    /// After a dot these are still keywords (`.init`, `.self`, `.Type`).
    static let memberKeywords: Set<String> = ["init", "self", "Type", "Protocol"]
}
