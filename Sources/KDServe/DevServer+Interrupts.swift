import Dispatch
@preconcurrency import Glibc
import KDSite
import Synchronization

extension DevServer {
    /// `run()` until Ctrl-C (SIGINT) or SIGTERM. The first signal cancels the build and the
    /// server and, with `stopsChildProcesses`, stops child processes (`ChildProcesses`) until
    /// the build has wound down — a runner that does not notice the cancellation may start
    /// another program meanwhile, and each is stopped as it appears. A second signal kills the
    /// children and exits at once.
    public func runUntilInterrupted() async throws(EnvironmentError) {
        let task = Task { () -> EnvironmentError? in
            do throws(EnvironmentError) {
                try await run()
                return nil
            } catch {
                return error
            }
        }
        let interrupts = StopState()
        let stopsChildren = configuration.stopsChildProcesses
        let report = self.report
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)  // the dispatch source receives it instead
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard interrupts.next() == 1 else {
                    if stopsChildren { ChildProcesses.killAll() }
                    _exit(130)
                }
                report(.stopping)
                task.cancel()
                guard stopsChildren else { return }
                Task.detached {
                    while !interrupts.finished {
                        await ChildProcesses.stopAll(grace: .milliseconds(500))
                        try? await Task.sleep(for: .milliseconds(20))
                    }
                }
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        let failure = await task.value
        interrupts.finish()
        if stopsChildren { await ChildProcesses.stopAll() }
        if let failure { throw failure }
    }
}

/// Signals received so far, and whether the server has stopped.
private final class StopState: Sendable {
    private let state = Mutex((signals: 0, finished: false))

    /// Counts a signal; returns how many so far.
    func next() -> Int {
        state.withLock { state in
            state.signals += 1
            return state.signals
        }
    }

    var finished: Bool { state.withLock { $0.finished } }

    func finish() {
        state.withLock { $0.finished = true }
    }
}
