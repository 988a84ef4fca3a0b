/// Placing the `{{ kd.… }}` references of a YAML scalar (a quiz's question, a choice, an
/// explanation) in the Markdown file: at their own line and column when the scalar's text is
/// in the file byte for byte, else at the scalar's start.
extension ValueReferences {
    /// The locator of the references in `text`, the value of a YAML scalar read at `start` in
    /// `file`, taken in order. A reference is placed at its own position when the scalar is on
    /// one line and its text maps 1:1 to the file: a plain scalar, or a quoted one without
    /// escapes. Otherwise (folded over lines, escaped, a block scalar) every reference is
    /// placed at `start`.
    static func locator(inScalar text: String, at start: FileLocation, in file: SourceFile) -> (Reference) ->
        FileLocation
    {
        guard let origin = verbatimStart(of: text, at: start, in: file) else { return { _ in start } }
        var cursor = text.startIndex
        return { reference in
            guard let found = text.range(of: reference.token, range: cursor..<text.endIndex) else { return start }
            cursor = found.upperBound
            return file.location(
                line: origin.line,
                column: origin.column + text.utf8.distance(from: text.startIndex, to: found.lowerBound))
        }
    }

    /// Where the first byte of `text` is in `file` when the scalar read at `start` is `text`
    /// verbatim on `start`'s line: `start` for a plain scalar, the byte after the quote for a
    /// quoted one whose closing quote follows `text`; nil otherwise.
    private static func verbatimStart(of text: String, at start: FileLocation, in file: SourceFile) -> FileLocation? {
        guard start.path == file.path, !text.contains("\n"), start.line <= file.lines.count else { return nil }
        let line = Array(file.lines[start.line - 1].utf8)
        guard start.column - 1 < line.count else { return nil }
        let value = Array(text.utf8)
        var from = start.column - 1
        var closing: UInt8?
        if line[from] == UInt8(ascii: "\"") || line[from] == UInt8(ascii: "'") {
            closing = line[from]
            from += 1
        }
        let end = from + value.count
        guard end <= line.count, line[from..<end].elementsEqual(value) else { return nil }
        if let closing, end >= line.count || line[end] != closing { return nil }
        return file.location(line: start.line, column: from + 1)
    }
}
