@preconcurrency import Glibc
import Synchronization

/// The live-reload channel's switchboard: holds the state every page is told about and an
/// event stream per open page. The build loop reports to it; each `/__kdsite/events`
/// connection subscribes.
public final class ReloadHub: Sendable {
    private struct State {
        var live: LiveState
        var generation = 0
        /// When `live.build` began, in seconds since 1970.
        var since = Self.now()
        var subscribers: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
        var nextID = 0
        var finished = false

        static func now() -> Int { Int(time(nil)) }
    }

    private let state: Mutex<State>
    /// Differs between two runs of the server, so a page from a previous run reloads.
    private let run: String

    public init() {
        run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        state = Mutex(State(live: LiveState(build: "\(run)-0", building: false, failure: nil)))
    }

    /// The state now: what a page served now is labelled with.
    public var current: LiveState {
        state.withLock { $0.live }
    }

    /// The build pages are labelled with, and when it began (seconds since 1970): a page
    /// cached before then came from another build.
    public var servedBuild: (name: String, since: Int) {
        state.withLock { ($0.live.build, $0.since) }
    }

    /// Open event streams.
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// A stream that starts with `.hello(current)` and then carries every event, until the
    /// subscriber stops iterating or the hub finishes.
    public func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerEvent.self, bufferingPolicy: .bufferingNewest(64))
        let accepted: Int? = state.withLock { state in
            guard !state.finished else { return nil }
            continuation.yield(.hello(state.live))
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            return id
        }
        guard let id = accepted else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// A rebuild started.
    public func buildStarted() {
        publish { state in
            state.live.building = true
            return .building
        }
    }

    /// A build succeeded and its output is in place: pages reload. Returns the new build's name.
    @discardableResult
    public func buildSucceeded() -> String {
        var build = ""
        publish { state in
            state.generation += 1
            state.since = State.now()
            state.live = LiveState(build: "\(run)-\(state.generation)", building: false, failure: nil)
            build = state.live.build
            return .reload(build: build)
        }
        return build
    }

    /// A build failed; the output was left as it was.
    public func buildFailed(_ failure: BuildFailure) {
        publish { state in
            state.live.building = false
            state.live.failure = failure
            return .failure(failure)
        }
    }

    /// Ends every stream; later subscribers get an empty one. For shutdown.
    public func finish() {
        let continuations = state.withLock { state in
            state.finished = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    /// Changes the state and sends the resulting event under one lock, so a subscriber's
    /// `hello` and the events after it never disagree.
    private func publish(_ change: (inout State) -> ServerEvent) {
        state.withLock { state in
            let event = change(&state)
            for continuation in state.subscribers.values { continuation.yield(event) }
        }
    }
}
