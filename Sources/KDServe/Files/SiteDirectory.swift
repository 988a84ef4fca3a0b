@preconcurrency import Glibc

/// The output folder, as the server reads it: never outside it, and never torn by a rebuild.
///
/// - **Outside.** A `RequestPath` has no `.`/`..` components; here every name is opened with
///   `openat` relative to the folder opened before it, with `O_NOFOLLOW`, so a symbolic link
///   anywhere on the way (pointing out of the folder or not) is refused. Only regular files are
///   served: a FIFO or a device is refused without being read (`O_NONBLOCK`).
/// - **Torn.** A build writes a complete tree beside the output and swaps it in by rename,
///   then deletes the old tree. A lookup opens the folder once and walks from that
///   descriptor, so it reads one tree, old or new. If a name is missing and the folder was
///   replaced meanwhile (its device and inode changed), the old tree was being deleted under
///   the walk: the lookup starts again in the new one. A file once opened is read from its
///   descriptor (`OpenedFile`), whatever happens to its name.
public struct SiteDirectory: Sendable {
    /// The output folder.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// What a request path names.
    public enum Lookup: Sendable {
        /// A file (for a folder path, its `index.html`).
        case file(OpenedFile)
        /// A folder asked for without the trailing `/`: redirect to `RequestPath.description` + `/`.
        case folder
        /// Nothing the server may serve: missing, a symbolic link, not a regular file.
        case notFound
    }

    /// Looks `request` up in the current tree.
    public func lookup(_ request: RequestPath) -> Lookup {
        for attempt in 0..<Self.attempts {
            let root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if root < 0 {
                // Between the two renames of a swap without RENAME_EXCHANGE the folder is briefly absent.
                if errno == ENOENT, attempt + 1 < Self.attempts {
                    usleep(2_000)
                    continue
                }
                return .notFound
            }
            defer { close(root) }
            switch walk(from: root, request) {
            case .found(let lookup):
                return lookup
            case .refused:
                return .notFound
            case .missing:
                if !wasReplaced(root) { return .notFound }
            }
        }
        return .notFound
    }

    private static let attempts = 5

    private enum Walk {
        case found(Lookup)
        case missing
        case refused
    }

    private func walk(from root: Int32, _ request: RequestPath) -> Walk {
        var folder = root
        defer { if folder != root { close(folder) } }
        for name in request.components.dropLast() {
            let next = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 { return Self.failure(errno) }
            if folder != root { close(folder) }
            folder = next
        }
        guard let last = request.components.last else { return index(in: folder) }
        let fd = openat(folder, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { return Self.failure(errno) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            close(fd)
            return .missing
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            if request.isFolder {  // `page.html/`
                close(fd)
                return .missing
            }
            return .found(.file(OpenedFile(descriptor: fd, status: status)))
        case S_IFDIR:
            defer { close(fd) }
            return request.isFolder ? index(in: fd) : .found(.folder)
        default:
            close(fd)
            return .refused
        }
    }

    /// The folder's `index.html`.
    private func index(in folder: Int32) -> Walk {
        let fd = openat(folder, "index.html", O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { return Self.failure(errno) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return .refused
        }
        return .found(.file(OpenedFile(descriptor: fd, status: status)))
    }

    /// `ELOOP` is `O_NOFOLLOW` meeting a symbolic link; a name that is missing or not a folder
    /// may be a tree being deleted, which `lookup` checks.
    private static func failure(_ code: Int32) -> Walk {
        switch code {
        case ENOENT, ENOTDIR: .missing
        default: .refused
        }
    }

    /// Whether `path` now names another folder than the one `root` was opened on.
    private func wasReplaced(_ root: Int32) -> Bool {
        var opened = stat()
        var current = stat()
        guard fstat(root, &opened) == 0 else { return false }
        guard stat(path, &current) == 0 else { return true }
        return opened.st_dev != current.st_dev || opened.st_ino != current.st_ino
    }
}
