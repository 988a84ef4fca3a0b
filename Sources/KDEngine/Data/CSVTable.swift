import Foundation

/// A numeric CSV file with a header row: every field a number, every row as wide as the
/// header. Fields are separated by commas; blank lines are skipped; no quoting (numeric
/// tables have no need for it). A malformed row is a `DataError` at its line and column.
public struct CSVTable: Sendable {
    public var header: [String]
    /// One array per data row, each `header.count` long.
    public var rows: [[Double]]
    /// The 1-based line of each row in the file.
    public var lines: [Int]
    /// The 1-based column where each field of each row starts.
    public var columns: [[Int]]

    /// Reads `url`.
    public static func load(_ url: URL) throws -> CSVTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataError(path: url.path, message: "cannot read file (\(error.localizedDescription.lowercased()))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(path: url.path, message: "file is not UTF-8 text")
        }
        return try parse(text, path: url.path)
    }

    /// Parses CSV `text`; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws -> CSVTable {
        var header: [String]?
        var rows: [[Double]] = []
        var lines: [Int] = []
        var columns: [[Int]] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let names = header else {
                header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                continue
            }
            guard fields.count == names.count else {
                throw DataError(
                    path: path, line: lineNumber, column: 1,
                    message: "expected \(names.count) fields, found \(fields.count)")
            }
            var row: [Double] = []
            row.reserveCapacity(fields.count)
            var starts: [Int] = []
            var column = 1
            for field in fields {
                let trimmed = field.trimmingCharacters(in: .whitespaces)
                guard let value = Double(trimmed), value.isFinite else {
                    throw DataError(
                        path: path, line: lineNumber, column: column,
                        message: "'\(trimmed)' is not a number (column '\(names[row.count])')")
                }
                row.append(value)
                starts.append(column)
                column += field.count + 1
            }
            rows.append(row)
            lines.append(lineNumber)
            columns.append(starts)
        }
        guard let header else { throw DataError(path: path, message: "file is empty; expected a header row") }
        return CSVTable(header: header, rows: rows, lines: lines, columns: columns)
    }
}
