import Foundation
@preconcurrency import Glibc

/// This process's children, for a clean Ctrl-C.
///
/// The snippet runner starts `swiftc` and each lesson program with Foundation's `Process`,
/// which puts every child in a process group of its own: the terminal's Ctrl-C reaches
/// `kdsite` but not them. Cancelling the build is the first line (a runner that honours
/// cancellation stops its children); this is the second: when `kdsite serve` stops, every
/// remaining child's group gets SIGTERM, and SIGKILL after a grace period. Only for a
/// process that is the server and nothing else: in a test runner, other tests' children
/// are children too.
enum ChildProcesses {
    /// Ids of the live processes whose parent is this one.
    static func current() -> [pid_t] {
        children(of: getpid()).map(\.pid)
    }

    /// The live (not zombie) children of `parent`, with their command names, from `/proc/*/stat`.
    static func children(of parent: pid_t) -> [(pid: pid_t, command: String)] {
        var children: [(pid_t, String)] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(name), pid != parent,
                let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { continue }
            // After "pid (comm)": state, then the parent's id. `comm` may hold spaces and parentheses.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, pid_t(fields[1]) == parent, fields[0] != "Z" {
                children.append((pid, String(stat[stat.index(after: open)..<close])))
            }
        }
        return children
    }

    /// SIGTERM to each child and its process group; SIGKILL to any still there after `grace`.
    /// Returns how many children there were.
    @discardableResult
    static func stopAll(grace: Duration = .seconds(1)) async -> Int {
        let children = current()
        for pid in children { signalGroup(pid, SIGTERM) }
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline, !current().isEmpty {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for pid in current() { signalGroup(pid, SIGKILL) }
        return children.count
    }

    /// Immediately, for a second Ctrl-C.
    static func killAll() {
        for pid in current() { signalGroup(pid, SIGKILL) }
    }

    private static func signalGroup(_ pid: pid_t, _ signal: Int32) {
        if getpgid(pid) == pid { kill(-pid, signal) }
        kill(pid, signal)
    }
}
