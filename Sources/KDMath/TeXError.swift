/// A mistake in TeX source, located at the offending character.
///
/// `offset` counts UTF-8 bytes from the start of the TeX source; `line` and `column` are 1-based
/// and the column counts UTF-8 bytes too, like cmark's source positions and compiler
/// diagnostics, so a caller adds them to the position where the math span starts.
/// `description` reads `line:column: message; did you mean 'suggestion'?`.
public struct TeXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Short and lowercase, quoting the offending token: `unknown command '\fraq'`.
    public var message: String
    /// A close known name, e.g. `\frac`; shown as `; did you mean '\frac'?`.
    public var suggestion: String?
    /// UTF-8 byte offset of the offending character in the TeX source.
    public var offset: Int
    /// 1-based line of the offending character inside the TeX source.
    public var line: Int
    /// 1-based column (in UTF-8 bytes) of the offending character on its line.
    public var column: Int

    public init(message: String, suggestion: String? = nil, offset: Int, line: Int, column: Int) {
        self.message = message
        self.suggestion = suggestion
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// An error at `offset` of `source`, with its line and column worked out.
    init(_ message: String, suggestion: String? = nil, at offset: Int, in source: [UInt8]) {
        var line = 1
        var lineStart = 0
        var i = 0
        let end = min(offset, source.count)
        while i < end {
            if source[i] == 0x0A || (source[i] == 0x0D && (i + 1 >= source.count || source[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        self.init(message: message, suggestion: suggestion, offset: offset, line: line, column: offset - lineStart + 1)
    }

    /// The message with its suggestion: `unknown command '\fraq'; did you mean '\frac'?`.
    public var fullMessage: String {
        guard let suggestion else { return message }
        return "\(message); did you mean '\(suggestion)'?"
    }

    public var description: String { "\(line):\(column): \(fullMessage)" }
}
