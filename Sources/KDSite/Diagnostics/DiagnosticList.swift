/// Collects every problem a run finds, so the build reports them all at once instead of
/// stopping at the first.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: DiagnosticList) {
        items.append(contentsOf: other.items)
    }

    public mutating func error(_ message: String, at location: FileLocation, note: Diagnostic.Note? = nil) {
        items.append(Diagnostic(.error, message, at: location, note: note))
    }

    public mutating func warning(_ message: String, at location: FileLocation) {
        items.append(Diagnostic(.warning, message, at: location))
    }

    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }
    public var hasErrors: Bool { errorCount > 0 }
    public var isEmpty: Bool { items.isEmpty }

    /// In file order, duplicates removed (two passes may see the same mistake).
    public var sorted: [Diagnostic] {
        Array(Set(items)).sorted()
    }
}
