/// A problem with an input file, printed like a compiler diagnostic:
/// `path:line:column: error: message`.
public struct DataError: Error, CustomStringConvertible, Equatable {
    public var path: String
    /// 1-based; 0 when the problem is the whole file.
    public var line: Int
    /// 1-based; 0 when the problem is a whole line.
    public var column: Int
    public var message: String

    public init(path: String, line: Int = 0, column: Int = 0, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = path
        if line > 0 { location += ":\(line)" }
        if line > 0 && column > 0 { location += ":\(column)" }
        return "\(location): error: \(message)"
    }
}
