@preconcurrency import Glibc
import Synchronization

/// Cached runs already decoded, kept in memory for as long as their `SnippetRunner` lives:
/// across the rebuilds of `kdsite serve`, a page whose cache entry has not changed is not
/// read and decoded again (JSON, then the records with KDNotebook's `Transcript`) on every
/// save. One build of `kdsite build` fills it and ends.
///
/// The cache folder stays the source of truth: an entry is reused only while the file it was
/// read from is there with the same size, modification time and inode, so an entry replaced
/// (`--fresh` in another terminal), deleted (`kdsite clean`) or damaged is read again from
/// disk, with all the checks of `SnippetCache.load`. Only the newest entry of each page is
/// kept, so memory stays the size of one build's outputs however long the server runs.
final class DecodedRuns: Sendable {
    /// The identity of a file's current contents, from `stat`.
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64

        /// The file's stamp, or nil when it cannot be read.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int64(info.st_size)
            seconds = info.st_mtim.tv_sec
            nanoseconds = info.st_mtim.tv_nsec
            inode = UInt64(info.st_ino)
        }
    }

    private struct Entry {
        var key: String
        var stamp: Stamp
        var result: SnippetRunner.PageResult
    }

    /// By page id.
    private let entries = Mutex<[String: Entry]>([:])

    init() {}

    /// The result decoded earlier for `pageID` from the entry `key`, if that entry's file
    /// still has `stamp`.
    func result(pageID: String, key: String, stamp: Stamp) -> SnippetRunner.PageResult? {
        entries.withLock { entries in
            guard let entry = entries[pageID], entry.key == key, entry.stamp == stamp else { return nil }
            return entry.result
        }
    }

    /// Keeps `result`, decoded from the entry `key` whose file had `stamp` before it was read;
    /// replaces what was kept for the page.
    func remember(_ result: SnippetRunner.PageResult, pageID: String, key: String, stamp: Stamp) {
        entries.withLock { $0[pageID] = Entry(key: key, stamp: stamp, result: result) }
    }

    /// How many pages are kept (for tests).
    var count: Int { entries.withLock { $0.count } }
}
