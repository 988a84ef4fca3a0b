@preconcurrency import Glibc
import Synchronization

/// Progress of a build on stderr. On a terminal, `status` rewrites one line in place
/// ("rendering 12/18 pages") and `log` prints lines that stay ("ran the-teacher in 1.2 s");
/// elsewhere (CI, a pipe) only `log` lines and the summary are printed. Safe to call from
/// concurrent tasks (the snippet runner reports from several).
public final class BuildProgress: Sendable {
    public enum Mode: Sendable { case automatic, quiet }

    private let enabled: Bool
    private let terminal: Bool
    private let statusShown = Mutex(false)

    public init(_ mode: Mode = .automatic) {
        enabled = mode == .automatic
        terminal = isatty(STDERR_FILENO) == 1
    }

    /// Whether progress is shown on a terminal (where per-step lines are welcome).
    public var isTerminal: Bool { enabled && terminal }

    /// A transient status line, only on a terminal.
    public func status(_ message: String) {
        guard enabled, terminal else { return }
        statusShown.withLock { shown in
            StandardError.write("\r\u{1B}[K" + message)
            shown = true
        }
    }

    /// A line that stays.
    public func log(_ message: String) {
        guard enabled else { return }
        statusShown.withLock { shown in
            StandardError.write((shown ? "\r\u{1B}[K" : "") + message + "\n")
            shown = false
        }
    }

    /// Clears the status line, if one is shown.
    public func clear() {
        guard enabled, terminal else { return }
        statusShown.withLock { shown in
            if shown { StandardError.write("\r\u{1B}[K") }
            shown = false
        }
    }
}
