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

/// `.kdcache/values.json`: the last written build's snapshot of every page that ran, by
/// content folder name (`Content`), then page id, so two content folders beside each other
/// (sharing one `.kdcache`) keep baselines of their own.
struct DriftBaseline: Sendable {
    let url: URL
    /// The key of this content folder: its name.
    let content: String
    var pages: [String: PageSnapshot]
    /// As read, so an unchanged baseline is not written again.
    private let read: [String: PageSnapshot]

    /// Reads this content folder's baseline; a missing or unreadable file is an empty baseline.
    init(url: URL, content: String) {
        self.url = url
        self.content = URL(fileURLWithPath: content).standardizedFileURL.lastPathComponent
        pages = Self.readAll(url)[self.content] ?? [:]
        read = pages
    }

    private static func readAll(_ url: URL) -> [String: [String: PageSnapshot]] {
        FileManager.default.contents(atPath: url.path).flatMap {
            try? JSONDecoder().decode([String: [String: PageSnapshot]].self, from: $0)
        } ?? [:]
    }

    /// Writes the baseline when it changed, keeping other content folders' as they are now.
    func save() throws {
        guard pages != read || !FileManager.default.fileExists(atPath: url.path) else { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var all = Self.readAll(url)
        all[content] = pages
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(all).write(to: url, options: .atomic)
    }
}

/// The baseline a run made, held until the build's output is written (`outputWritten()`).
final class PendingBaseline: @unchecked Sendable {
    private let lock = NSLock()
    private var baseline: DriftBaseline?

    func set(_ value: DriftBaseline?) {
        lock.lock()
        defer { lock.unlock() }
        baseline = value
    }

    func take() -> DriftBaseline? {
        lock.lock()
        defer { lock.unlock() }
        let value = baseline
        baseline = nil
        return value
    }
}
