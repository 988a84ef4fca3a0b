/// A table a snippet shows under its code: a title, columns that know how to write their
/// numbers, and rows of cells that keep both the value and its text.
///
/// ```swift
/// var table = Table("Teacher and student", columns: [
///     .text("Model"),
///     .number("Parameters", format: .integer),
///     .number("Size", format: .bytes),
///     .number("Accuracy", format: .percent(digits: 1)),
/// ])
/// table.row("Teacher", 85_002, 340_008, 0.9806)
/// table.row("Student", 1_210, 4_840, 0.9417)
/// show(table)
/// ```
///
/// A row must have one value per column (a programmer error otherwise). Numbers are written
/// with their column's format; a column without one writes them `.plain`.
public struct Table: Codable, Sendable, Hashable {
    /// Shown above the table (as its caption); optional.
    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(_ title: String? = nil, columns: [Column], rows: [[Cell]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        for row in rows {
            precondition(row.count == columns.count, "a table row has \(row.count) cells for \(columns.count) columns")
        }
    }

    /// A table whose columns are only titled: text left-aligned, numbers right-aligned, all
    /// written `.plain`.
    public init(_ title: String? = nil, columns: [String]) {
        self.init(title, columns: columns.map { Column($0) })
    }

    /// Appends a row, one value per column, each written with its column's format.
    public mutating func row(_ values: any NotebookValue...) {
        row(values)
    }

    /// Appends a row, one value per column, each written with its column's format.
    public mutating func row(_ values: [any NotebookValue]) {
        precondition(
            values.count == columns.count,
            "table '\(title ?? "")': a row has \(values.count) values for \(columns.count) columns")
        rows.append(
            zip(values, columns).map { value, column in
                Cell(value.notebookScalar, format: column.format ?? .plain)
            })
    }

    /// Whether column `index` is drawn right-aligned: as asked, or, when automatic, when every
    /// non-empty cell of it holds a number.
    public func isTrailing(_ index: Int) -> Bool {
        switch columns[index].alignment {
        case .leading, .center: return false
        case .trailing: return true
        case .automatic:
            let cells = rows.map { $0[index] }.filter { !$0.text.isEmpty }
            return !cells.isEmpty && cells.allSatisfy { $0.value?.doubleValue != nil }
        }
    }
}

extension Table {
    /// A column: its title, an optional unit (shown as "Size (KB)"), its alignment and the
    /// format of its numbers.
    public struct Column: Codable, Sendable, Hashable {
        public enum Alignment: String, Codable, Sendable {
            /// Right for columns of numbers, left otherwise.
            case automatic, leading, center, trailing
        }

        public var title: String
        public var unit: String?
        public var alignment: Alignment
        public var format: ValueFormat?

        public init(_ title: String, unit: String? = nil, alignment: Alignment = .automatic, format: ValueFormat? = nil)
        {
            self.title = title
            self.unit = unit
            self.alignment = alignment
            self.format = format
        }

        /// A left-aligned column of text.
        public static func text(_ title: String) -> Column {
            Column(title, alignment: .leading)
        }

        /// A right-aligned column of numbers written with `format`.
        public static func number(_ title: String, unit: String? = nil, format: ValueFormat = .plain) -> Column {
            Column(title, unit: unit, alignment: .trailing, format: format)
        }

        /// The header text: the title, and the unit in parentheses.
        public var header: String {
            unit.map { "\(title) (\($0))" } ?? title
        }
    }

    /// One cell: the value as given (nil for an empty cell) and its text.
    public struct Cell: Codable, Sendable, Hashable {
        public var value: NotebookScalar?
        public var text: String

        public init(_ value: NotebookScalar, format: ValueFormat = .plain) {
            self.value = value
            self.text = format.text(value)
        }

        public init(text: String) {
            self.value = nil
            self.text = text
        }
    }
}
