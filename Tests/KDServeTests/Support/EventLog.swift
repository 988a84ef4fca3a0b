import KDServe
import Synchronization

/// Collects `ServeEvent`s reported by a server or a build loop, for tests to wait on.
final class EventLog: Sendable {
    private let events = Mutex<[ServeEvent]>([])

    var report: @Sendable (ServeEvent) -> Void {
        { [self] event in events.withLock { $0.append(event) } }
    }

    var all: [ServeEvent] { events.withLock { $0 } }

    /// Builds that ended (succeeded or failed on the content).
    var finishedBuilds: Int {
        all.count { event in
            switch event {
            case .built, .failed: true
            default: false
            }
        }
    }

    var succeededBuilds: Int {
        all.count { if case .built = $0 { true } else { false } }
    }

    var port: Int? {
        all.lazy.compactMap { if case .listening(_, let port) = $0 { port } else { nil } }.first
    }

    /// Waits until `count` builds have finished; false at the timeout.
    func waitForBuilds(_ count: Int, timeout: Duration = .seconds(60)) async -> Bool {
        await eventually(timeout: timeout) { self.finishedBuilds >= count }
    }
}
