import Foundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock on a file (`flock(2)`), held from `init` until `deinit`.
///
/// Works across processes (lessons run as separate programs) and across threads of one
/// process (each lock opens the file anew, and `flock` locks belong to an open file). The
/// kernel releases it when the process ends, so a crashed holder never leaves it taken.
final class FileLock {
    private let descriptor: Int32

    /// Opens (creating if needed) the file at `url` and waits until the lock is ours.
    init(_ url: URL) throws {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CheckpointError(
                path: url.path, message: "cannot open lock file (\(String(cString: strerror(errno))))")
        }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw CheckpointError(path: url.path, message: "cannot lock (\(reason))")
            }
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
