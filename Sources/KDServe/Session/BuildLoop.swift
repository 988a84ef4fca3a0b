import Foundation
import KDSite

/// The author's loop: build once, then rebuild after every burst of changes under the
/// content folder, and tell the hub (so open pages reload, or show the overlay).
///
/// Each rebuild is a whole `SiteBuilder` build — the same as `kdsite build`, staged and
/// swapped in by rename — so what is served is always a complete build. It stays fast
/// because snippet results come from the cache (`.kdcache/`, decoded once per server: a
/// prose edit reruns nothing) and the search index is made after the pages are swapped in
/// and reloaded (`SearchIndexing.afterSwap`), not before.
struct BuildLoop: Sendable {
    /// Every rebuild.
    var options: BuildOptions
    /// The first build (the same, or with `fresh`).
    var firstOptions: BuildOptions
    var hub: ReloadHub
    var watch: WatchMode
    /// No change for this long ends a burst of saves.
    var quiet: Duration
    /// A burst never delays a rebuild longer than this.
    var limit: Duration
    var progress: BuildProgress
    var report: @Sendable (ServeEvent) -> Void

    /// Runs until the task is cancelled. Throws only when the first build cannot run at all
    /// (`EnvironmentError`); later environment problems are reported and the loop goes on.
    func run() async throws(EnvironmentError) {
        let queue = ChangeQueue(quiet: quiet, limit: limit)
        // Watch before the first build, so an edit made while it runs is not lost.
        let (watcher, note) = watch.watcher(for: options.content, filter: filter)
        if let note { report(.warning(note)) }
        try watcher.start { queue.add($0) }
        defer {
            watcher.stop()
            queue.finish()
        }
        try await build(changes: [], first: true)
        for await _ in queue.signals {
            guard let burst = await queue.settle() else { break }
            if burst.isEmpty { continue }
            try? await build(changes: named(burst), first: false)
        }
    }

    /// One build, reported to the hub and the author.
    func build(changes: [String], first: Bool) async throws(EnvironmentError) {
        var options = first ? firstOptions : options
        options.searchIndex = .afterSwap
        hub.buildStarted()
        report(.building(changes: changes))
        do {
            let builder = SiteBuilder(options: options, progress: progress)
            let result = try await builder.build()
            if Task.isCancelled { return }  // stopping: whatever it did, nobody is waiting
            if result.succeeded {
                hub.buildSucceeded()
                report(.built(result, changes: changes))
                if result.searchIndexPending { await index(with: builder) }
            } else {
                hub.buildFailed(BuildFailure(result))
                report(.failed(result, changes: changes))
            }
        } catch {
            if first { throw error }  // the command reports it and stops
            hub.buildFailed(
                BuildFailure(
                    summary: "the build could not run; showing the last good build",
                    diagnostics: ["error: " + error.message]))
            report(.environmentProblem(error.message))
        }
    }

    /// The search index of the build just swapped in, made after the pages reloaded (Pagefind
    /// takes longer than the rest of a cached rebuild); a failure is a warning, and the
    /// previous index stays.
    private func index(with builder: SiteBuilder) async {
        let clock = ContinuousClock.now
        do {
            try await builder.indexForSearch()
            let elapsed = (ContinuousClock.now - clock).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            if !Task.isCancelled { report(.searchIndexed(seconds: seconds)) }
        } catch {
            report(.warning("the search index was not updated: " + error.message))
        }
    }

    /// Content-relative paths as the author names them (`Content/lessons/…`), files that
    /// exist first: an editor's temporary file, renamed away, is listed last.
    private func named(_ burst: [String]) -> [String] {
        let paths = burst.map { $0.isEmpty ? options.content : options.content + "/" + $0 }
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        return existing + paths.filter { !existing.contains($0) }
    }

    /// Ignores the output folder and the cache should they sit inside the content folder.
    var filter: ChangeFilter {
        let content = URL(fileURLWithPath: options.content).standardizedFileURL.path
        var excluded: [String] = []
        for folder in [
            options.output,
            URL(fileURLWithPath: options.content).deletingLastPathComponent().appendingPathComponent(".kdcache").path,
        ] {
            let path = URL(fileURLWithPath: folder).standardizedFileURL.path
            if path.hasPrefix(content + "/") { excluded.append(String(path.dropFirst(content.count + 1))) }
        }
        return ChangeFilter(excluded: excluded)
    }
}
