import Foundation
import KDEngine

/// `.kdcache/`, beside the content folder: what snippet runs leave for the next build.
///
/// ```
/// .kdcache/snippets/KEY.json     one successful page run (ProgramRun), KEY = SHA-256 (SnippetKey)
/// .kdcache/values.json           the last build's exported values and tables (the drift baseline)
/// .kdcache/last-build.json       how the last build got each page's outputs: ran, cached, failed (LastBuildLog)
/// .kdcache/files.json            digests of the engine and data files, swiftc's version (FileMemo)
/// .kdcache/checkpoints/          trained models, shared by lessons and builds (KDEngine's CheckpointCache)
/// .kdcache/work/PAGE/            the last generated main.swift, binary and raw outputs of each page
/// ```
///
/// Entries are written atomically; one that cannot be read, or whose key or digest does not
/// match, is deleted and the page runs again — never trusted.
struct SnippetCache: Sendable {
    let directory: URL

    /// The cache of the site whose content folder is `content`: `.kdcache` in its parent.
    init(content: String) {
        directory = URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".kdcache")
    }

    init(directory: URL) {
        self.directory = directory
    }

    var snippets: URL { directory.appendingPathComponent("snippets") }
    var checkpoints: URL { directory.appendingPathComponent("checkpoints") }
    var baseline: URL { directory.appendingPathComponent("values.json") }
    var files: URL { directory.appendingPathComponent("files.json") }
    var lastBuild: URL { directory.appendingPathComponent("last-build.json") }

    /// The scratch folder of page `pageID` (`glossary/temperature` → `work/glossary+temperature`).
    func work(for pageID: String) -> URL {
        directory.appendingPathComponent("work").appendingPathComponent(pageID.replacingOccurrences(of: "/", with: "+"))
    }

    func entry(for key: String) -> URL {
        snippets.appendingPathComponent(key + ".json")
    }

    enum Lookup {
        case hit(ProgramRun)
        case miss
        /// An entry was there but damaged; it has been removed.
        case discarded(String)
    }

    /// The stored run for `key`. A damaged entry is removed (unless `removingDamaged` is
    /// false) and reported as `.discarded`.
    func load(_ key: String, removingDamaged: Bool = true) -> Lookup {
        let url = entry(for: key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .miss }
        struct Format: Decodable { var format: Int }
        if let format = try? JSONDecoder().decode(Format.self, from: data), format.format != ProgramRun.formatVersion {
            // Written by another version of kdsite: not damaged, just not ours to read.
            if removingDamaged { try? FileManager.default.removeItem(at: url) }
            return .miss
        }
        let reason: String
        do {
            let run = try JSONDecoder().decode(ProgramRun.self, from: data)
            if run.isIntact(for: key) { return .hit(run) }
            reason = "its contents do not match their digest"
        } catch {
            reason = "it cannot be read"
        }
        if removingDamaged { try? FileManager.default.removeItem(at: url) }
        return .discarded(reason)
    }

    /// Stores `run` under its key, atomically (write then rename).
    func store(_ run: ProgramRun) throws {
        try FileManager.default.createDirectory(at: snippets, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(run).write(to: entry(for: run.key), options: .atomic)
    }
}
