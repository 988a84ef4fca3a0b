import Foundation
import KDNotebook

/// What a page's run exported and tabulated, kept from one build to the next so the build
/// can say which numbers moved (an author's prose may cite them).
struct PageSnapshot: Codable, Sendable, Equatable {
    struct ValueSnapshot: Codable, Sendable, Equatable {
        var text: String
        /// The block that exported it (where drift is reported).
        var block: Int?
    }

    struct TableSnapshot: Codable, Sendable, Equatable {
        var title: String?
        var block: Int
        var header: [String]
        var rows: [[String]]

        init(_ table: Table, block: Int) {
            title = table.title
            self.block = block
            header = table.columns.map(\.header)
            rows = table.rows.map { $0.map(\.text) }
        }
    }

    var values: [String: ValueSnapshot] = [:]
    /// By "block N table K".
    var tables: [String: TableSnapshot] = [:]
}

/// Compares a page's new snapshot with the last build's and describes each change as a
/// warning at the block that made it: `value 'acc' changed since the last build: 97.2% → 97.5%`.
enum DriftReport {
    static func changes(from old: PageSnapshot, to new: PageSnapshot, program: SnippetProgram) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func at(_ block: Int?) -> FileLocation {
            let line = block.flatMap { b in program.blocks.first { $0.number == b }?.firstLine } ?? program.blocks.first?.firstLine ?? 1
            return program.location(line: line)
        }
        for (name, value) in new.values.sorted(by: { $0.key < $1.key }) {
            guard let before = old.values[name], before.text != value.text else { continue }
            found.append(Diagnostic(.warning, "value '\(name)' changed since the last build: \(before.text) → \(value.text)", at: at(value.block)))
        }
        for (key, table) in new.tables.sorted(by: { $0.key < $1.key }) {
            guard let before = old.tables[key], before != table else { continue }
            let name = table.title.map { "table '\($0)'" } ?? "the table"
            found.append(Diagnostic(.warning, "\(name) in block \(table.block) changed since the last build: \(describe(before, table))", at: at(table.block)))
        }
        return found
    }

    /// `Teacher / Accuracy: 97.2% → 97.5%` for up to three cells, or the change of shape.
    static func describe(_ old: PageSnapshot.TableSnapshot, _ new: PageSnapshot.TableSnapshot) -> String {
        guard old.header == new.header, old.rows.count == new.rows.count,
              zip(old.rows, new.rows).allSatisfy({ $0.count == $1.count }) else {
            let columns = old.header == new.header ? "" : "; columns \(old.header.joined(separator: ", ")) → \(new.header.joined(separator: ", "))"
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

/// `.kdcache/values.json`: the last snapshot of every page that ran, by page id.
struct DriftBaseline: Sendable {
    let url: URL
    var pages: [String: PageSnapshot]

    /// Reads the baseline; a missing or unreadable file is an empty baseline.
    init(url: URL) {
        self.url = url
        pages = (FileManager.default.contents(atPath: url.path)).flatMap { try? JSONDecoder().decode([String: PageSnapshot].self, from: $0) } ?? [:]
    }

    func save() throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(pages).write(to: url, options: .atomic)
    }
}
