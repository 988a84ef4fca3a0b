/// The text of one content file, with the path diagnostics print and a line table for
/// turning positions into `FileLocation`s.
public struct SourceFile: Sendable {
    /// The path as diagnostics print it: the content folder as given, then the file
    /// (`Content/lessons/01-the-edge-constraint.md`).
    public let path: String
    /// The path inside the content folder, with `/` separators (`lessons/01-the-edge-constraint.md`).
    public let relativePath: String
    public let text: String
    /// The file's lines without their terminators (`\n` or `\r\n`).
    public let lines: [Substring]

    public init(path: String, relativePath: String, text: String) {
        self.path = path
        self.relativePath = relativePath
        self.text = text
        self.lines = Self.lines(of: text)
    }

    /// `text` split at `\n` bytes, a `\r` before one dropped. By bytes, not `Character`s:
    /// faster, and `\r\n` is one `Character`, which a split on `"\n"` would not break at.
    private static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            var last = end
            if last > start, utf8[utf8.index(before: last)] == UInt8(ascii: "\r") { last = utf8.index(before: last) }
            lines.append(Substring(utf8[start..<last]))
            guard end < utf8.endIndex else { return lines }
            start = utf8.index(after: end)
        }
    }

    /// A location on `line` (1-based) at `column` (1-based, in UTF-8 bytes).
    public func location(line: Int, column: Int = 1) -> FileLocation {
        FileLocation(path: path, line: max(1, line), column: max(1, column))
    }

    /// Converts a column counted in Unicode scalars (libYAML's count) to UTF-8 bytes.
    public func utf8Column(line: Int, scalarColumn: Int) -> Int {
        guard line >= 1, line <= lines.count else { return scalarColumn }
        let scalars = lines[line - 1].unicodeScalars.prefix(max(0, scalarColumn - 1))
        return scalars.reduce(1) { $0 + UTF8.width($1) }
    }

    /// The location of the first occurrence of `needle` at or after (`line`, `column`),
    /// searching forward line by line; nil when it is not there.
    public func find(_ needle: String, from line: Int, column: Int = 1) -> FileLocation? {
        guard line >= 1 else { return nil }
        var n = line
        var startByte = column - 1
        while n <= lines.count {
            let utf8 = Array(lines[n - 1].utf8)
            let target = Array(needle.utf8)
            if !target.isEmpty, utf8.count >= target.count, startByte <= utf8.count - target.count {
                for i in startByte...(utf8.count - target.count)
                where utf8[i..<(i + target.count)].elementsEqual(target) {
                    return location(line: n, column: i + 1)
                }
            }
            n += 1
            startByte = 0
        }
        return nil
    }
}
