import Foundation
@preconcurrency import Glibc

/// Writes a build into a staging folder beside the output, then swaps it in with one
/// rename, so the output folder always holds a complete build: the previous one until the
/// swap, the new one after. A build that fails or is interrupted leaves only a stale
/// staging folder, which the next build removes.
///
/// Files the build does not make but the output folder must keep (`README.md`, committed in
/// the repository) are carried over into the staging folder before the swap.
struct StagedOutput {
    let output: URL
    let staging: URL
    private let fileManager = FileManager.default

    static let keptFiles = ["README.md"]

    /// Prepares an empty staging folder `.NAME.staging-PID` next to `output`.
    init(output: URL) throws(EnvironmentError) {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let prefix = ".\(self.output.lastPathComponent).staging-"
        self.staging = parent.appendingPathComponent(prefix + String(getpid()))
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            Self.removeStale(in: parent, prefix: prefix, keepingOwn: false)
            Self.removeStale(in: parent, prefix: SearchIndex.freshPrefix(of: self.output), keepingOwn: true)
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw EnvironmentError("cannot create the staging folder '\(staging.path)': \(error.localizedDescription)")
        }
    }

    /// Writes `data` at `relativePath` (`lessons/the-teacher/index.html`) inside the staging folder.
    func write(_ data: Data, to relativePath: String) throws(EnvironmentError) {
        try FileTree.write(data, to: relativePath, in: staging.path)
    }

    /// Writes every file inside the staging folder, many at once (``FileTree/write(_:in:afterEach:)``).
    func write(_ files: [OutputFile], afterEach: (@Sendable (String) throws -> Void)? = nil) throws {
        try FileTree.write(files, in: staging.path, afterEach: afterEach)
    }

    /// Swaps the staging folder in place of the output. With Linux's `renameat2`
    /// `RENAME_EXCHANGE` the two trade places in one step; elsewhere the old output is
    /// renamed aside first. Either way the old build is deleted only once the new one is in.
    func commit() throws(EnvironmentError) {
        for name in Self.keptFiles {
            let kept = output.appendingPathComponent(name)
            let target = staging.appendingPathComponent(name)
            if fileManager.fileExists(atPath: kept.path), !fileManager.fileExists(atPath: target.path) {
                try? fileManager.copyItem(at: kept, to: target)
            }
        }
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw EnvironmentError("'\(output.path)' exists and is not a folder")
        }
        if !exists {
            guard rename(staging.path, output.path) == 0 else { throw failure("move", staging) }
            return
        }
        if Self.exchange(staging.path, output.path) {
            FileTree.remove(staging.path)  // now holds the previous build
            return
        }
        let aside = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + "-old")
        guard rename(output.path, aside.path) == 0 else { throw failure("move aside", output) }
        guard rename(staging.path, output.path) == 0 else {
            let error = failure("move", staging)
            _ = rename(aside.path, output.path)
            throw error
        }
        FileTree.remove(aside.path)
    }

    /// Deletes the staging folder; the output is untouched.
    func discard() {
        FileTree.remove(staging.path)
    }

    private func failure(_ verb: String, _ url: URL) -> EnvironmentError {
        EnvironmentError("cannot \(verb) '\(url.path)': \(String(cString: strerror(errno)))")
    }

    // MARK: - Platform

    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Atomically exchanges two paths with `renameat2(…, RENAME_EXCHANGE)` when the C
    /// library has it (glibc ≥ 2.28) and the file system supports it; false otherwise.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Removes the folders `PREFIX` + PID left by interrupted builds and search indexings
    /// (their process is gone); with `keepingOwn`, this process's own too are kept (a search
    /// index `kdsite serve` is making while it rebuilds).
    private static func removeStale(in parent: URL, prefix: String, keepingOwn: Bool) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let pidText = name.dropFirst(prefix.count).prefix { $0.isNumber }
            if let pid = Int32(pidText), pid != getpid() || keepingOwn, kill(pid, 0) == 0 { continue }
            FileTree.remove(parent.appendingPathComponent(name).path)
        }
    }
}
