/// The Markdown body of a content file and where it starts, so positions the parser gives
/// (relative to the body) map back to lines of the file.
public struct MarkdownSource: Sendable {
    public var file: SourceFile
    public var text: String
    /// The file line of the body's first line (1 when there is no front matter).
    public var firstLine: Int

    public init(file: SourceFile, text: String, firstLine: Int) {
        self.file = file
        self.text = text
        self.firstLine = firstLine
    }

    /// The file location of a body position (1-based line and UTF-8 column in `text`).
    public func location(line: Int, column: Int) -> FileLocation {
        file.location(line: firstLine + line - 1, column: column)
    }
}
