import Synchronization

/// Collects changed paths between rebuilds and decides when a burst of saves is over.
///
/// A save is rarely one event (an editor writes a temporary file, renames it over the old
/// one, sets its mode; `git checkout` touches many files), so a rebuild starts only when no
/// change came for `quiet`, or `limit` after the first change of the burst, whichever is
/// sooner. Changes that arrive during a rebuild start the next one when it ends.
final class ChangeQueue: Sendable {
    private struct State {
        var paths: [String] = []
        var seen: Set<String> = []
        var first: ContinuousClock.Instant?
        var last: ContinuousClock.Instant?
    }

    let quiet: Duration
    let limit: Duration
    /// One element whenever changes are waiting (at most one buffered).
    let signals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let state = Mutex(State())

    init(quiet: Duration, limit: Duration) {
        precondition(quiet >= .zero && limit >= quiet, "debounce needs 0 <= quiet <= limit")
        self.quiet = quiet
        self.limit = limit
        (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Records a change (any thread).
    func add(_ path: String) {
        let now = ContinuousClock.now
        state.withLock { state in
            if state.seen.insert(path).inserted { state.paths.append(path) }
            if state.first == nil { state.first = now }
            state.last = now
        }
        continuation.yield()
    }

    /// Waits until the burst is over and returns its paths in the order first seen (empty
    /// if another call took them); nil when the task is cancelled.
    func settle() async -> [String]? {
        while true {
            let (first, last) = state.withLock { ($0.first, $0.last) }
            guard let first, let last else { return [] }
            let wake = min(last + quiet, first + limit)
            if ContinuousClock.now >= wake { break }
            do {
                try await Task.sleep(until: wake, clock: .continuous)
            } catch {
                return nil
            }
        }
        return state.withLock { state in
            defer { state = State() }
            return state.paths
        }
    }

    /// Ends `signals`.
    func finish() {
        continuation.finish()
    }
}
