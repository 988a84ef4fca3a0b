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

/// `.kdcache/values.json`: the last snapshot of every page that ran, by page id.
struct DriftBaseline: Sendable {
    let url: URL
    var pages: [String: PageSnapshot]
    /// As read, so an unchanged baseline is not written again.
    private let read: [String: PageSnapshot]

    /// Reads the baseline; a missing or unreadable file is an empty baseline.
    init(url: URL) {
        self.url = url
        pages = (FileManager.default.contents(atPath: url.path)).flatMap { try? JSONDecoder().decode([String: PageSnapshot].self, from: $0) } ?? [:]
        read = pages
    }

    /// Writes the baseline when it changed.
    func save() throws {
        guard pages != read || !FileManager.default.fileExists(atPath: url.path) else { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(pages).write(to: url, options: .atomic)
    }
}
