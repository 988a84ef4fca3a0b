@preconcurrency import Glibc

/// A regular file of the output folder, opened once: whatever replaces the folder later (a
/// rebuild swaps in a new tree and deletes the old one), reads go on from this descriptor
/// and see the bytes that were there when it was opened. Closed when the last reference goes.
public final class OpenedFile: Sendable {
    private let descriptor: Int32
    /// Bytes.
    public let size: Int
    /// Identifies this version of the file: device, inode, size and modification time.
    public let identity: String
    /// Seconds since 1970 of the last modification (whole seconds, as HTTP dates carry).
    public let modified: Int

    /// Takes ownership of `descriptor`, which must be open on a regular file.
    init(descriptor: Int32, status: stat) {
        precondition(status.st_mode & S_IFMT == S_IFREG, "OpenedFile is for regular files")
        self.descriptor = descriptor
        self.size = Int(status.st_size)
        self.modified = Int(status.st_mtim.tv_sec)
        let nanoseconds = UInt64(status.st_mtim.tv_sec) &* 1_000_000_000 &+ UInt64(status.st_mtim.tv_nsec)
        self.identity = [UInt64(status.st_dev), UInt64(status.st_ino), UInt64(status.st_size), nanoseconds]
            .map { String($0, radix: 36) }.joined(separator: "-")
    }

    deinit {
        close(descriptor)
    }

    /// Up to `count` bytes from `offset`; fewer only at the end of the file. Throws on a read
    /// error (the disk, not the request, is at fault).
    public func read(offset: Int = 0, count: Int) throws(FileReadError) -> [UInt8] {
        precondition(offset >= 0 && count >= 0, "offsets and counts are not negative")
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count, let base = buffer.baseAddress {
                let n = pread(descriptor, base + done, count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
        if failure != 0 { throw FileReadError(code: failure) }
        return bytes
    }

    /// The whole file, as it was when opened.
    public func readAll() throws(FileReadError) -> [UInt8] {
        try read(count: size)
    }
}

/// A read of an opened file failed.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var description: String { "read failed: \(String(cString: strerror(code)))" }
}
