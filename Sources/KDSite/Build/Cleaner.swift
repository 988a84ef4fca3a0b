import Foundation

/// `kdsite clean`: removes what builds leave behind — the output folder's files (but the
/// files it keeps, such as `README.md`), stale staging folders, and the snippet cache.
/// Like a build, it refuses an output folder that kdsite did not make (`OutputFolder`).
public enum Cleaner {
    /// Returns the paths it removed.
    @discardableResult
    public static func clean(output: String, content: String, cache: String = ".kdcache") throws -> [String] {
        try OutputFolder.check(output: output, content: content)
        let fm = FileManager.default
        var removed: [String] = []
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        for name in ((try? fm.contentsOfDirectory(atPath: outputURL.path)) ?? []).sorted()
        where !StagedOutput.keptFiles.contains(name) {
            try fm.removeItem(at: outputURL.appendingPathComponent(name))
            removed.append(outputURL.appendingPathComponent(name).path)
        }
        let parent = outputURL.deletingLastPathComponent()
        let prefix = ".\(outputURL.lastPathComponent).staging-"
        for name in ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted() where name.hasPrefix(prefix) {
            try fm.removeItem(at: parent.appendingPathComponent(name))
            removed.append(parent.appendingPathComponent(name).path)
        }
        if fm.fileExists(atPath: cache) {
            try fm.removeItem(atPath: cache)
            removed.append(cache)
        }
        return removed
    }
}
