/// One diagnostic line of swiftc's LLVM-style output:
/// `Content/lessons/02-the-teacher.md:53:14: error: cannot find 'techer' in scope`.
/// Lines that follow it (the quoted source and caret, when swiftc can read the file) are not
/// kept: kdsite quotes the block itself.
struct CompilerMessage: Hashable, Sendable, Codable {
    enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note, remark
    }

    var path: String
    var line: Int
    var column: Int
    var severity: Severity
    var message: String

    /// Every `path:line:col: severity: message` line of `output`, in order.
    static func parse(_ output: String) -> [CompilerMessage] {
        output.split(separator: "\n").compactMap { parseLine(String($0)) }
    }

    static func parseLine(_ line: String) -> CompilerMessage? {
        for severity in [Severity.error, .warning, .note, .remark] {
            guard let marker = line.range(of: ": \(severity.rawValue): ") else { continue }
            let head = line[..<marker.lowerBound]
            // head is path:line:col; the path may itself hold ':'.
            let parts = head.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let column = Int(parts[parts.count - 1]), let number = Int(parts[parts.count - 2])
            else {
                continue
            }
            let path = parts.dropLast(2).joined(separator: ":")
            return CompilerMessage(
                path: path, line: number, column: column, severity: severity,
                message: String(line[marker.upperBound...]))
        }
        return nil
    }
}
