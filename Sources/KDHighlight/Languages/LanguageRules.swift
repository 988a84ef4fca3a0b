/// What the shared lexer (`RuleLexer`) recognises in a language other than Swift.
struct LanguageRules: Sendable {
    /// Line comment openers (`//`, `#`, `--`).
    var lineComments: [String] = []
    /// Whether a `#` comment needs a word boundary before it (shell, YAML: `a#b` is a word).
    var commentNeedsBoundary = false
    /// A block comment's delimiters (`/*`, `*/`), not nested.
    var blockComment: (open: String, close: String)?
    /// Quote characters that open string literals.
    var quotes: [UInt8] = [.quote, .apostrophe]
    /// Quotes inside which a backslash escapes (C's `"` and `'`, Python's; not shell's `'`).
    var escapingQuotes: [UInt8] = [.quote, .apostrophe]
    /// Whether strings may run over lines (shell, YAML); otherwise they end at a newline.
    var multilineStrings = false
    /// Python: `"""` and `'''` strings, and `r`/`b`/`f`/`u` prefixes.
    var pythonStrings = false
    /// YAML: `''` inside a `'` string is an escaped quote, not the end.
    var doubledQuoteEscape = false
    /// Shell: `$NAME`, `${…}`, `$1`, `$?` as variables, also inside `"` strings.
    var shellVariables = false
    /// C: a `#` directive at the start of a line (`#include`), and `<…>` after `#include`.
    var preprocessor = false
    /// YAML and JSON: a quoted string followed by `:` is a key.
    var quotedKeys = false
    /// YAML: plain keys (`title:`), `- ` items, and plain scalars that are numbers or keywords.
    var yamlPlain = false
    /// Python: `@name` and `@module.name` decorators.
    var decorators = false
    /// Whether a CapWords identifier (capital first, some lowercase: `DataLoader`, not `T`
    /// or `KL`) is a type, as in Python.
    var capitalisedTypes = false
    /// Whether `name(` is coloured as a function.
    var calls = false
    /// Whether C's `_t` suffix names a type (`int8_t`, `size_t`).
    var suffixTTypes = false
    /// Keywords and constant literals.
    var keywords: Set<String> = []
    /// Built-in type names.
    var types: Set<String> = []
    /// Words after which the next identifier is a function's name (`def`).
    var functionIntroducers: Set<String> = []
    /// Whether number literals are recognised (YAML: only a scalar that is wholly a number).
    var numbers = true
}
