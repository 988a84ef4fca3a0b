import Foundation

/// Compares a page's new snapshot with the last build's and describes each change as a
/// warning at the block that made it: `value 'acc' changed since the last build: 97.2% → 97.5%`.
enum DriftReport {
    static func changes(from old: PageSnapshot, to new: PageSnapshot, program: SnippetProgram) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func at(_ block: Int?) -> FileLocation {
            let line =
                block.flatMap { b in program.blocks.first { $0.number == b }?.firstLine } ?? program.blocks.first?
                .firstLine ?? 1
            return program.location(line: line)
        }
        for (name, value) in new.values.sorted(by: { $0.key < $1.key }) {
            guard let before = old.values[name], before.text != value.text else { continue }
            found.append(
                Diagnostic(
                    .warning, "value '\(name)' changed since the last build: \(before.text) → \(value.text)",
                    at: at(value.block)))
        }
        for (key, table) in new.tables.sorted(by: { $0.key < $1.key }) {
            guard let before = old.tables[key], before != table else { continue }
            let name = table.title.map { "table '\($0)'" } ?? "the table"
            found.append(
                Diagnostic(
                    .warning,
                    "\(name) in block \(table.block) changed since the last build: \(describe(before, table))",
                    at: at(table.block)))
        }
        return found
    }

    /// `Teacher / Accuracy: 97.2% → 97.5%` for up to three cells, or the change of shape.
    static func describe(_ old: PageSnapshot.TableSnapshot, _ new: PageSnapshot.TableSnapshot) -> String {
        guard old.header == new.header, old.rows.count == new.rows.count,
            zip(old.rows, new.rows).allSatisfy({ $0.count == $1.count })
        else {
            let columns =
                old.header == new.header
                ? "" : "; columns \(old.header.joined(separator: ", ")) → \(new.header.joined(separator: ", "))"
            return "\(old.rows.count) rows → \(new.rows.count) rows\(columns)"
        }
        var cells: [String] = []
        for (row, (before, after)) in zip(old.rows, new.rows).enumerated() {
            for column in before.indices where before[column] != after[column] {
                let rowName = after.first.map { $0.isEmpty ? "row \(row + 1)" : $0 } ?? "row \(row + 1)"
                cells.append("\(rowName) / \(new.header[column]): \(before[column]) → \(after[column])")
            }
        }
        let more = cells.count > 3 ? " (and \(cells.count - 3) more)" : ""
        return cells.prefix(3).joined(separator: "; ") + more
    }
}
