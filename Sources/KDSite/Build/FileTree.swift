import Dispatch
import Foundation
@preconcurrency import Glibc
import Synchronization

/// Writing and removing whole trees of files, many at once, with plain POSIX calls: a build
/// writes a thousand folders and files, and removes the previous build's as many.
///
/// The calls run on more threads than cores (``width``): most of their time is spent waiting,
/// not computing — on a file system mounted with `discard`, each `rmdir` waits milliseconds for
/// the device to trim the folder's block.
enum FileTree {
    /// Threads per batch of calls.
    static let width = 8

    /// Writes every file under the folder `root` (which exists): the folders first, each once,
    /// parents before children, then the files, ``width`` at a time. `afterEach` is called
    /// with each path once its file is written; a throw from it, or a failed write, stops the
    /// writing (files not yet started are skipped) and is rethrown.
    ///
    /// Files are not `fsync`ed: what keeps an output whole is that a build is invisible until
    /// the one rename that swaps it in (``StagedOutput/commit()``), not the disk cache. A power
    /// cut just after a build can leave pages unwritten, as with Hugo's; the next build redoes them.
    static func write(_ files: [OutputFile], in root: String, afterEach: (@Sendable (String) throws -> Void)? = nil)
        throws
    {
        try makeFolders(for: files.map(\.path), in: root)
        let failure = Mutex<(any Error)?>(nil)
        perform(files.count) { i in
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                try writeFile(files[i].data, at: root + "/" + files[i].path)
                try afterEach?(files[i].path)
            } catch {
                failure.withLock { first in if first == nil { first = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Writes one file at `relativePath` under `root`, making its folders.
    static func write(_ data: Data, to relativePath: String, in root: String) throws(EnvironmentError) {
        try makeFolders(for: [relativePath], in: root)
        try writeFile(data, at: root + "/" + relativePath)
    }

    /// Deletes the folder at `path` with everything in it; what cannot be deleted stays (the
    /// caller treats the folder as gone either way).
    static func remove(_ path: String) {
        var files: [String] = [], folders: [String] = []
        collect(path, files: &files, folders: &folders)
        let unlinked = files
        perform(unlinked.count) { i in _ = unlink(unlinked[i]) }
        for level in levels(folders).reversed() {  // children before parents
            perform(level.count) { i in _ = rmdir(level[i]) }
        }
    }

    // MARK: - Steps

    /// Creates the folders the files at `paths` go in, each once, parents first.
    private static func makeFolders(for paths: [String], in root: String) throws(EnvironmentError) {
        var folders = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(root + "/" + folder).inserted else { break }
            }
        }
        for level in levels(Array(folders)) {
            let firstError = Mutex<EnvironmentError?>(nil)
            perform(level.count) { i in
                if mkdir(level[i], 0o777) != 0, errno != EEXIST {
                    let error = failure("create", level[i])
                    firstError.withLock { first in if first == nil { first = error } }
                }
            }
            if let error = firstError.withLock({ $0 }) { throw error }
        }
    }

    /// `paths` grouped by depth, shallowest first: the folders of one group can be made (or
    /// removed) at the same time.
    private static func levels(_ paths: [String]) -> [[String]] {
        let byDepth = Dictionary(grouping: paths) { path in path.utf8.count { $0 == UInt8(ascii: "/") } }
        return byDepth.keys.sorted().map { byDepth[$0, default: []].sorted() }
    }

    /// `body(i)` for every `i` in `0..<count`, on up to ``width`` threads; returns when all are done.
    private static func perform(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        let cursor = Cursor()
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "kdsite.file-tree", attributes: .concurrent)
        for _ in 0..<min(width, count) {
            queue.async(group: group) {
                while case let i = cursor.next.add(1, ordering: .relaxed).oldValue, i < count { body(i) }
            }
        }
        group.wait()
    }

    /// The next index `perform`'s threads take.
    private final class Cursor: Sendable {
        let next = Atomic<Int>(0)
    }

    /// `data` into a new file at `path` (mode 0666 less the umask, as `Data.write` makes them).
    private static func writeFile(_ data: Data, at path: String) throws(EnvironmentError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure("write", path) }
        defer { close(fd) }
        let complete = data.withUnsafeBytes { bytes -> Bool in
            guard var next = bytes.baseAddress else { return true }
            var left = bytes.count
            while left > 0 {
                let n = Glibc.write(fd, next, left)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                next += n
                left -= n
            }
            return true
        }
        guard complete else { throw failure("write", path) }
    }

    /// Every file (and link) under `path`, and `path` with every folder under it, parents
    /// first. Links are never followed.
    private static func collect(_ path: String, files: inout [String], folders: inout [String]) {
        guard isFolder(path), let directory = opendir(path) else {
            files.append(path)  // a file, a link, or gone (its unlink then fails quietly)
            return
        }
        defer { closedir(directory) }
        folders.append(path)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            switch Int(entry.pointee.d_type) {
            case Int(DT_DIR), Int(DT_UNKNOWN): collect(child, files: &files, folders: &folders)  // `collect` checks
            default: files.append(child)
            }
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func failure(_ verb: String, _ path: String) -> EnvironmentError {
        EnvironmentError("cannot \(verb) '\(path)': \(String(cString: strerror(errno)))")
    }
}
