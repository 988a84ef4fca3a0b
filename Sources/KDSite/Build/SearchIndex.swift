import Foundation
@preconcurrency import Glibc

/// The site's search index, made by Pagefind (PyPI `pagefind-bin`) over the staged site just
/// before it is swapped in, so a failed index never costs the previous build. Pagefind writes
/// `pagefind/` beside the pages; it indexes the elements marked `data-pagefind-body` (lesson
/// articles, glossary terms, FAQ answers) and nothing else. Without Pagefind the build
/// succeeds and says search is off; the search box then says so too. `kdsite serve` makes
/// it after the swap instead (`BuildOptions.SearchIndexing.afterSwap`: `carryOver`, then
/// `refresh`), so its pages reload before Pagefind has run.
enum SearchIndex {
    /// Names the `pagefind` executable to use instead of looking it up on `PATH`.
    static let environmentVariable = "KDSITE_PAGEFIND"

    /// `$KDSITE_PAGEFIND` when set, else the first executable `pagefind` on `PATH`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let path = environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pagefind")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Indexes `site` (a staged build) with `pagefind` when there is one, reporting either
    /// way on `progress`; throws when Pagefind runs and fails, with the end of what it printed.
    static func build(in site: URL, pagefind: URL? = locate(), progress: BuildProgress) async throws(EnvironmentError) {
        guard let pagefind else {
            progress.log(
                "search is off: no 'pagefind' on PATH (pip install pagefind-bin, or set \(environmentVariable))")
            return
        }
        try await run(pagefind, ["--site", site.path], progress: progress)
    }

    /// `SearchIndexing.afterSwap`, before the swap: hard-links the output's current index
    /// (`output/pagefind/`) into the staged build, so search keeps working, one edit behind,
    /// until `refresh` replaces it. Best effort: without it search is off for that moment.
    static func carryOver(from output: URL, to staging: URL) {
        let fm = FileManager.default
        let source = output.appendingPathComponent(folder), target = staging.appendingPathComponent(folder)
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: source.path, isDirectory: &isFolder), isFolder.boolValue,
            let names = fm.enumerator(atPath: source.path)
        else { return }
        try? fm.createDirectory(at: target, withIntermediateDirectories: true)
        for case let name as String in names {
            let from = source.appendingPathComponent(name), to = target.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: from.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try? fm.createDirectory(at: to, withIntermediateDirectories: true)
            } else if link(from.path, to.path) != 0 {
                try? fm.copyItem(at: from, to: to)
            }
        }
    }

    /// `SearchIndexing.afterSwap`, after the swap: indexes the live `output` into a folder
    /// beside it, then swaps that in as `output/pagefind/` in one rename (`StagedOutput.exchange`)
    /// and deletes the old index. A failure leaves the previous index in place.
    static func refresh(output: URL, pagefind: URL, progress: BuildProgress) async throws(EnvironmentError) {
        let output = output.standardizedFileURL
        let fresh = output.deletingLastPathComponent().appendingPathComponent(freshPrefix(of: output) + "\(getpid())")
        let live = output.appendingPathComponent(folder)
        try? FileManager.default.removeItem(at: fresh)
        defer { try? FileManager.default.removeItem(at: fresh) }
        try await run(pagefind, ["--site", output.path, "--output-path", fresh.path], progress: progress)
        if StagedOutput.exchange(fresh.path, live.path) { return }  // `fresh` now holds the old index
        try? FileManager.default.removeItem(at: live)
        guard rename(fresh.path, live.path) == 0 else {
            throw EnvironmentError(
                "cannot move the search index into '\(live.path)': \(String(cString: strerror(errno)))")
        }
    }

    /// The start of the name of the folder `refresh` indexes into, beside `output`
    /// (`.Site.search-PID`); the next build removes one whose process is gone.
    static func freshPrefix(of output: URL) -> String {
        ".\(output.lastPathComponent).search-"
    }

    /// The folder Pagefind writes inside the site.
    static let folder = "pagefind"

    /// Runs Pagefind with `arguments`; throws when it fails, with the end of what it printed.
    private static func run(_ pagefind: URL, _ arguments: [String], progress: BuildProgress)
        async throws(EnvironmentError)
    {
        progress.status("indexing for search")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdsite-pagefind-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result: ChildProcess.Result
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let child = ChildProcess(
                executable: pagefind, arguments: arguments, workingDirectory: scratch,
                stdout: scratch.appendingPathComponent("out"), stderr: scratch.appendingPathComponent("err"),
                timeLimit: 300)
            result = try await child.run()
        } catch {
            throw EnvironmentError("cannot run '\(pagefind.path)': \(error.localizedDescription)")
        }
        guard result.ending == .exited(0) else {
            let said = ["err", "out"].compactMap {
                try? String(contentsOf: scratch.appendingPathComponent($0), encoding: .utf8)
            }
            .joined(separator: "\n").split(separator: "\n").suffix(6).joined(separator: "\n")
            throw EnvironmentError(
                "pagefind failed (\(result.ending)) indexing the site; the previous output was kept\n\(said)")
        }
        progress.log(String(format: "search index by pagefind in %.2f s", result.seconds))
    }
}
