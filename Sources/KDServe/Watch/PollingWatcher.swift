import Dispatch
import Foundation
@preconcurrency import Glibc
import KDSite
import Synchronization

/// Notices changes by listing the tree every `interval` and comparing each file's
/// modification time (to the nanosecond), size and inode with the previous listing. Slower
/// to notice than inotify and costs a walk per interval, but works on any file system.
final class PollingWatcher: FileWatching {
    private struct Signature: Equatable {
        var modified: Int
        var size: Int
        var inode: UInt
    }

    let root: String
    let filter: ChangeFilter
    let interval: Duration
    private let queue = DispatchQueue(label: "kdsite.watch.polling")
    private let state = Mutex<(started: Bool, stopped: Bool, last: [String: Signature])>((false, false, [:]))
    /// Dispatch sources may be resumed and cancelled from any thread.
    private nonisolated(unsafe) let timer: any DispatchSourceTimer

    init(root: String, filter: ChangeFilter, interval: Duration) {
        precondition(interval > .zero, "a polling interval must be positive")
        self.root = root
        self.filter = filter
        self.interval = interval
        timer = DispatchSource.makeTimerSource(queue: queue)
    }

    func start(_ onChange: @escaping @Sendable (String) -> Void) throws(EnvironmentError) {
        let first = scan()
        let starting = state.withLock { state in
            defer { state.started = true }
            state.last = first
            return !state.started && !state.stopped
        }
        guard starting else { return }
        let nanoseconds =
            Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000)
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds))
        timer.setEventHandler { [weak self] in self?.poll(onChange) }
        timer.resume()
    }

    func stop() {
        // Waits for a running poll, so no report starts after this returns.
        queue.sync { halt() }
    }

    deinit {
        halt()  // may run on the queue itself: no sync here
    }

    private func halt() {
        let (started, wasStopped) = state.withLock { state in
            defer { (state.started, state.stopped) = (true, true) }
            return (state.started, state.stopped)
        }
        guard !wasStopped else { return }
        if !started { timer.resume() }
        timer.cancel()
    }

    private func poll(_ onChange: @Sendable (String) -> Void) {
        let now = scan()
        let before = state.withLock { state in
            defer { state.last = now }
            return state.last
        }
        for (path, signature) in now where before[path] != signature { onChange(path) }
        for path in before.keys where now[path] == nil { onChange(path) }
    }

    /// Every accepted file under the root, by relative path.
    private func scan() -> [String: Signature] {
        var result: [String: Signature] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                guard filter.accepts(child) else { continue }
                var status = stat()
                guard stat(root + "/" + child, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    if pending.count < 10_000 { pending.append(child) }
                    continue
                }
                let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
                result[child] = Signature(modified: modified, size: Int(status.st_size), inode: UInt(status.st_ino))
            }
        }
        return result
    }
}
