/// The lines a snippet program writes on stdout to mark where structured outputs belong among
/// its printed text: `\u{1}kd:block INDEX LINE\n` when a block starts and
/// `\u{1}kd:record SEQ\n` where record SEQ (from the records stream) was shown. They start
/// with the control character U+0001, which printed text does not contain, so user output
/// cannot fake one. A marker may follow text on the same line (after `print(…, terminator: "")`).
public enum OutputMarker: Sendable, Hashable {
    case block(index: Int, line: Int)
    case record(sequence: Int)

    /// The first byte of every marker.
    public static let lead: UInt8 = 0x01
    static let prefix = "\u{1}kd:"

    /// The marker's text, including its final `\n`.
    public var text: String {
        switch self {
        case .block(let index, let line): "\(Self.prefix)block \(index) \(line)\n"
        case .record(let sequence): "\(Self.prefix)record \(sequence)\n"
        }
    }

    /// Parses one marker's body (after `\u{1}kd:`, without the `\n`), or nil.
    init?(body: Substring) {
        let parts = body.split(separator: " ")
        switch (parts.first, parts.count) {
        case ("block"?, 3):
            guard let index = Int(parts[1]), let line = Int(parts[2]) else { return nil }
            self = .block(index: index, line: line)
        case ("record"?, 2):
            guard let sequence = Int(parts[1]) else { return nil }
            self = .record(sequence: sequence)
        default:
            return nil
        }
    }
}
