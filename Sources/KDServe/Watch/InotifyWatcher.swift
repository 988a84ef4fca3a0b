import Dispatch
import Foundation
@preconcurrency import Glibc
import KDSite
import Synchronization

/// Linux inotify on every folder under the root. A folder created (or moved in) later is
/// watched as it appears, and the files already inside it are reported, since they may
/// have been written before its watch existed. If the kernel's queue overflows, `""` is
/// reported (anything may have changed) and every folder is watched again.
final class InotifyWatcher: FileWatching {
    private struct State {
        /// Watch descriptor → folder relative to the root (`""` for the root).
        var folders: [Int32: String] = [:]
        var started = false
        /// The source is cancelled; its cancel handler closes the descriptor.
        var stopped = false
    }

    let root: String
    let filter: ChangeFilter
    private let descriptor: Int32
    private let queue = DispatchQueue(label: "kdsite.watch.inotify")
    private let state = Mutex(State())
    /// Dispatch sources may be resumed and cancelled from any thread.
    private nonisolated(unsafe) let source: any DispatchSourceRead

    private static let mask =
        UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
        | UInt32(IN_DELETE_SELF)

    /// Sets up the watches; throws when inotify is unavailable or its watch limit is reached.
    init(root: String, filter: ChangeFilter) throws(EnvironmentError) {
        self.root = root
        self.filter = filter
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw EnvironmentError("cannot use inotify: \(String(cString: strerror(errno)))") }
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setCancelHandler { [descriptor] in close(descriptor) }
        do {
            _ = try watchTree("")
        } catch {
            source.resume()
            source.cancel()
            throw error
        }
    }

    func start(_ onChange: @escaping @Sendable (String) -> Void) throws(EnvironmentError) {
        let starting = state.withLock { state in
            defer { state.started = true }
            return !state.started && !state.stopped
        }
        guard starting else { return }
        source.setEventHandler { [weak self] in self?.drain(onChange) }
        source.resume()
    }

    func stop() {
        // Waits for a running event handler, so no report starts after this returns.
        queue.sync { halt() }
    }

    deinit {
        halt()  // may run on the queue itself (the handler held the last reference): no sync here
    }

    private func halt() {
        let (started, wasStopped) = state.withLock { state in
            defer { (state.started, state.stopped) = (true, true) }
            return (state.started, state.stopped)
        }
        guard !wasStopped else { return }
        if !started { source.resume() }  // a suspended source never runs its cancel handler
        source.cancel()
    }

    // MARK: - Events

    private func drain(_ onChange: @Sendable (String) -> Void) {
        let capacity = 64 << 10
        var buffer = [UInt8](repeating: 0, count: capacity)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, capacity) }
            if count <= 0 { return }  // EAGAIN: drained
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { bytes in
                    (
                        bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                handle(wd: wd, mask: mask, name: String(decoding: nameBytes, as: UTF8.self), onChange)
                offset += 16 + length
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String, _ onChange: @Sendable (String) -> Void) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            _ = try? watchTree("")
            onChange("")
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            _ = state.withLock { $0.folders.removeValue(forKey: wd) }
            return
        }
        guard let folder = state.withLock({ $0.folders[wd] }), !name.isEmpty else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        guard filter.accepts(path) else { return }
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        if isFolder, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            let files = (try? watchTree(path)) ?? []
            onChange(path)
            for file in files { onChange(file) }
            return
        }
        if isFolder, mask & UInt32(IN_MOVED_FROM) != 0 { unwatch(under: path) }
        onChange(path)
    }

    // MARK: - Watches

    /// Watches `relative` and every folder below it; returns the files found on the way.
    private func watchTree(_ relative: String, depth: Int = 0) throws(EnvironmentError) -> [String] {
        let path = relative.isEmpty ? root : root + "/" + relative
        let wd = inotify_add_watch(descriptor, path, Self.mask)
        if wd < 0 {
            if errno == ENOSPC {
                throw EnvironmentError(
                    "cannot watch '\(path)': the inotify watch limit is reached (fs.inotify.max_user_watches)")
            }
            return []  // vanished meanwhile, or unreadable: nothing to watch
        }
        state.withLock { $0.folders[wd] = relative }
        guard depth < 32 else { return [] }
        var files: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            let child = relative.isEmpty ? name : relative + "/" + name
            guard filter.accepts(child) else { continue }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + child, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                files += try watchTree(child, depth: depth + 1)
            } else {
                files.append(child)
            }
        }
        return files
    }

    /// Drops the watches of a folder moved away (and its subfolders); its new place, if
    /// inside the root, is watched again by its `IN_MOVED_TO`.
    private func unwatch(under relative: String) {
        let stale = state.withLock { state in
            state.folders.filter { $0.value == relative || $0.value.hasPrefix(relative + "/") }.map(\.key)
        }
        for wd in stale {
            inotify_rm_watch(descriptor, wd)
            _ = state.withLock { $0.folders.removeValue(forKey: wd) }
        }
    }
}
