import Dispatch
@preconcurrency import Glibc
import KDSite
import Synchronization

extension DevServer {
    /// `run()` until Ctrl-C (SIGINT) or SIGTERM. The first signal cancels the build and the
    /// server and, with `stopsChildProcesses`, stops any child process left (`ChildProcesses`);
    /// a second one kills the children and exits at once.
    public func runUntilInterrupted() async throws(EnvironmentError) {
        let task = Task { () -> EnvironmentError? in
            do throws(EnvironmentError) {
                try await run()
                return nil
            } catch {
                return error
            }
        }
        let interrupts = SignalCount()
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
                if stopsChildren { Task.detached { await ChildProcesses.stopAll() } }
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
        if stopsChildren { await ChildProcesses.stopAll() }
        if let failure { throw failure }
    }
}

/// Signals received so far.
private final class SignalCount: Sendable {
    private let count = Mutex(0)

    func next() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
