/// A position in a file of the content folder: the path as the user typed it
/// (`Content/lessons/01-edge.md`), a 1-based line and a 1-based column.
///
/// Columns count UTF-8 bytes plus one, as cmark, clang and swiftc do, so an editor
/// that jumps to `path:line:col` lands on the same character every tool names.
public struct FileLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        precondition(line >= 1 && column >= 1, "locations are 1-based")
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: FileLocation, b: FileLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    public var description: String { "\(path):\(line):\(column)" }
}

/// One problem found in the content, printed like a compiler's:
/// `Content/lessons/02-teacher.md:14:3: error: unknown lesson 'techer' in map.requires`.
public struct Diagnostic: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    public var location: FileLocation
    /// Short, lowercase, quoting the offending token.
    public var message: String
    /// A second line, e.g. where the first of two duplicates was declared.
    public var note: Note?

    public struct Note: Hashable, Sendable {
        public var location: FileLocation
        public var message: String
        public init(_ message: String, at location: FileLocation) {
            self.location = location
            self.message = message
        }
    }

    public init(_ severity: Severity = .error, _ message: String, at location: FileLocation, note: Note? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.note = note
    }

    /// Sorted by file, then position, so a run always prints them in the same order.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        a.location != b.location ? a.location < b.location : a.message < b.message
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let note {
            text += "\n\(note.location): note: \(note.message)"
        }
        return text
    }
}
