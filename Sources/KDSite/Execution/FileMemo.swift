import Foundation
import KDEngine

/// Values computed from a file (its SHA-256, a compiler's version line), remembered across
/// builds in `.kdcache/files.json` by the file's size, modification time and inode, so an
/// unchanged file is not read (or run) again: hashing the 9 MB of engine libraries and asking
/// swiftc its version would otherwise cost most of a no-change rebuild.
struct FileMemo: Sendable {
    struct Entry: Codable, Sendable, Equatable {
        var size: Int
        var modified: Double
        var inode: UInt64
        var value: String
    }

    /// Where the memo is kept; nil keeps it in memory only.
    let store: URL?
    private var entries: [String: Entry]
    private var changed = false

    init(store: URL?) {
        self.store = store
        entries =
            store.flatMap { FileManager.default.contents(atPath: $0.path) }
            .flatMap { try? JSONDecoder().decode([String: Entry].self, from: $0) } ?? [:]
    }

    /// The remembered `kind` value of `url`, if the file has not changed since.
    func lookup(_ url: URL, kind: String) -> String? {
        guard let stamp = Self.stamp(url), let entry = entries[Self.key(url, kind)],
            entry.size == stamp.size, entry.modified == stamp.modified, entry.inode == stamp.inode
        else { return nil }
        return entry.value
    }

    mutating func remember(_ value: String, for url: URL, kind: String) {
        guard let stamp = Self.stamp(url) else { return }
        entries[Self.key(url, kind)] = Entry(
            size: stamp.size, modified: stamp.modified, inode: stamp.inode, value: value)
        changed = true
    }

    /// The SHA-256 (hex) of the file's bytes, read only when the file changed.
    mutating func sha256(of url: URL) throws(EnvironmentError) -> String {
        if let known = lookup(url, kind: "sha256") { return known }
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw EnvironmentError("cannot read '\(url.path)'")
        }
        let digest = SHA256.hash(bytes).hexString
        remember(digest, for: url, kind: "sha256")
        return digest
    }

    /// Writes the memo back when something new was remembered (best effort: a memo that
    /// cannot be written only costs time).
    func save() {
        guard changed, let store else { return }
        try? FileManager.default.createDirectory(
            at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try? encoder.encode(entries).write(to: store, options: .atomic)
    }

    private static func key(_ url: URL, _ kind: String) -> String {
        kind + " " + url.resolvingSymlinksInPath().path
    }

    private static func stamp(_ url: URL) -> (size: Int, modified: Double, inode: UInt64)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path),
            let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        let inode = (attributes[.systemFileNumber] as? UInt64) ?? UInt64((attributes[.systemFileNumber] as? Int) ?? 0)
        return (size, modified.timeIntervalSinceReferenceDate, inode)
    }
}
