import KDSite

/// Reports files that change under a folder (created, written, renamed, deleted).
public protocol FileWatching: Sendable {
    /// Starts watching. `onChange` receives paths relative to the watched folder, or `""`
    /// when changes were lost and anything may have changed; it is called on the watcher's
    /// own queue, once per event, so bursts arrive as several calls.
    func start(_ onChange: @escaping @Sendable (String) -> Void) throws(EnvironmentError)
    /// Stops watching; no call to `onChange` starts after it returns.
    func stop()
}

/// How `kdsite serve` notices edits.
public enum WatchMode: Sendable, Equatable {
    /// inotify, falling back to polling when the kernel refuses (no inotify, or the limit of
    /// watches reached).
    case automatic
    /// Compare modification times every `interval` (network file systems, containers whose
    /// mounts do not deliver inotify events).
    case polling(interval: Duration)

    /// The watcher for `folder`, and a note when automatic mode had to fall back to polling.
    func watcher(for folder: String, filter: ChangeFilter) -> (any FileWatching, note: String?) {
        switch self {
        case .polling(let interval):
            return (PollingWatcher(root: folder, filter: filter, interval: interval), nil)
        case .automatic:
            do {
                return (try InotifyWatcher(root: folder, filter: filter), nil)
            } catch {
                let polling = PollingWatcher(root: folder, filter: filter, interval: .milliseconds(300))
                return (polling, "\(error.message); watching by polling every 0.3 s instead")
            }
        }
    }
}
