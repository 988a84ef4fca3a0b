import Foundation

/// `.kdcache/last-build.json`: how the last build obtained each page's outputs — run now
/// (`ran`), reused from the cache (`cached`), or `failed` — with the run's times.
///
/// This is where "fresh or cached" lives: the pages show only what the run itself stored
/// (engine, duration, when it ran), so a cached rebuild is byte-identical to the build that
/// ran the snippets.
///
/// ```json
/// {"pages": {"the-teacher": {"compileSeconds": 1.9, "ranAt": "2026-11-30T08:40:12Z", "runSeconds": 5.3, "source": "cached"}}}
/// ```
struct LastBuildLog: Codable, Equatable, Sendable {
    struct Page: Codable, Equatable, Sendable {
        enum Source: String, Codable, Sendable { case ran, cached, failed }
        var source: Source
        var compileSeconds: Double
        var runSeconds: Double
        /// When the run shown was made (UTC, ISO 8601); nil for a failed page.
        var ranAt: String?
    }

    /// By page id; pages none of whose blocks run are left out.
    var pages: [String: Page]

    init(_ results: [String: SnippetRunner.PageResult]) {
        var pages: [String: Page] = [:]
        for (id, result) in results {
            let source: Page.Source
            switch result.source {
            case .ran: source = .ran
            case .cached: source = .cached
            case .failed: source = .failed
            case .idle: continue
            }
            pages[id] = Page(
                source: source, compileSeconds: result.compileSeconds, runSeconds: result.runSeconds,
                ranAt: result.ranAt)
        }
        self.pages = pages
    }

    /// Reads a log written by `write(to:)`.
    init(contentsOf url: URL) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(contentsOf: url))
    }

    /// Writes the log atomically, keys sorted.
    func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
