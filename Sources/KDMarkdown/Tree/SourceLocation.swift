/// A position in the Markdown text given to ``Markdown/parse(_:)``.
///
/// Both numbers are 1-based. `column` counts UTF-8 bytes, as cmark does: the first byte of a
/// line is column 1, and a two-byte character such as `é` moves the next column by two. A tab
/// counts as one byte. For ASCII text this is the column an editor shows.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in UTF-8 bytes.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }

    /// `line:column`, as in a compiler diagnostic.
    public var description: String { "\(line):\(column)" }
}

/// The part of the source a node was parsed from: `start` is its first byte, `end` is the
/// position just past its last byte (exclusive), so `$x$` on line 3 at column 5 spans
/// `3:5..<3:8`.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// `l:c-l:c` (start, exclusive end).
    public var description: String { "\(start)-\(end)" }
}
