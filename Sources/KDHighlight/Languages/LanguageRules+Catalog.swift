extension LanguageRules {
    static let c = LanguageRules(
        lineComments: ["//"],
        blockComment: ("/*", "*/"),
        preprocessor: true,
        calls: true,
        suffixTTypes: true,
        keywords: [
            "auto", "break", "case", "const", "continue", "default", "do", "else", "enum", "extern",
            "for", "goto", "if", "inline", "register", "restrict", "return", "sizeof", "static",
            "struct", "switch", "typedef", "union", "volatile", "while", "_Alignas", "_Alignof",
            "_Atomic", "_Bool", "_Static_assert", "_Noreturn", "_Thread_local", "true", "false",
            "NULL", "nullptr", "class", "namespace", "template", "typename", "public", "private",
            "protected", "virtual", "constexpr", "new", "delete", "this", "using", "static_assert",
        ],
        types: ["void", "char", "short", "int", "long", "float", "double", "signed", "unsigned", "bool"]
    )

    static let shell = LanguageRules(
        lineComments: ["#"],
        commentNeedsBoundary: true,
        escapingQuotes: [.quote],
        multilineStrings: true,
        shellVariables: true,
        keywords: [
            "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
            "in", "function", "return", "export", "local", "readonly", "set", "unset", "exit",
            "source", "select", "time",
        ]
    )

    static let yaml = LanguageRules(
        lineComments: ["#"],
        commentNeedsBoundary: true,
        escapingQuotes: [.quote],
        multilineStrings: true,
        doubledQuoteEscape: true,
        quotedKeys: true,
        yamlPlain: true,
        keywords: [
            "true", "false", "null", "True", "False", "Null", "TRUE", "FALSE", "NULL", "yes", "no", "on", "off",
        ],
        numbers: false
    )

    static let json = LanguageRules(
        quotes: [.quote],
        escapingQuotes: [.quote],
        quotedKeys: true,
        keywords: ["true", "false", "null"]
    )

    static let python = LanguageRules(
        lineComments: ["#"],
        pythonStrings: true,
        decorators: true,
        capitalisedTypes: true,
        calls: true,
        keywords: [
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield", "match", "case", "self",
        ],
        types: ["int", "float", "str", "bool", "bytes", "list", "dict", "set", "tuple", "object"],
        functionIntroducers: ["def"]
    )
}
