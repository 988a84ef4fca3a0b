import Foundation

/// The site's search index, made by Pagefind (PyPI `pagefind-bin`) over the staged site just
/// before it is swapped in, so a failed index never costs the previous build. Pagefind writes
/// `pagefind/` beside the pages; it indexes the elements marked `data-pagefind-body` (lesson
/// articles, glossary terms, FAQ answers) and nothing else. Without Pagefind the build
/// succeeds and says search is off; the search box then says so too.
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
            progress.log("search is off: no 'pagefind' on PATH (pip install pagefind-bin, or set \(environmentVariable))")
            return
        }
        progress.status("indexing for search")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kdsite-pagefind-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result: ChildProcess.Result
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let child = ChildProcess(
                executable: pagefind, arguments: ["--site", site.path], workingDirectory: scratch,
                stdout: scratch.appendingPathComponent("out"), stderr: scratch.appendingPathComponent("err"), timeLimit: 300)
            result = try await child.run()
        } catch {
            throw EnvironmentError("cannot run '\(pagefind.path)': \(error.localizedDescription)")
        }
        guard result.ending == .exited(0) else {
            let said = ["err", "out"].compactMap { try? String(contentsOf: scratch.appendingPathComponent($0), encoding: .utf8) }
                .joined(separator: "\n").split(separator: "\n").suffix(6).joined(separator: "\n")
            throw EnvironmentError("pagefind failed (\(result.ending)) indexing the site; the previous output was kept\n\(said)")
        }
        progress.log(String(format: "search index by pagefind in %.2f s", result.seconds))
    }
}
