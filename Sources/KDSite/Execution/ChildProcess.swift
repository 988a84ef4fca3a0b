import Foundation
@preconcurrency import Glibc

/// Runs one program to completion with a time limit and an output cap, its stdout and
/// stderr sent to files (never pipes: a child that prints a lot cannot block on a full
/// pipe). Foundation's `Process` starts the child in its own process group, so a kill
/// reaches anything it started too.
struct ChildProcess: Sendable {
    var executable: URL
    var arguments: [String] = []
    /// Added to (and overriding) the parent's environment.
    var environment: [String: String] = [:]
    var workingDirectory: URL
    var stdout: URL
    var stderr: URL
    /// Wall-clock seconds before the child is killed; nil for none.
    var timeLimit: Double?
    /// Bytes the watched files (stdout, stderr, and `extraWatched`) may reach together before
    /// the child is killed; nil for no cap.
    var outputCap: Int?
    var extraWatched: [URL] = []

    enum Ending: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case outputCapped
    }

    struct Result: Sendable {
        var ending: Ending
        var seconds: Double
    }

    /// Starts the child and waits for it, polling every 20 ms (without blocking a thread of
    /// the cooperative pool). Throws only when the child cannot be started.
    func run() async throws -> Result {
        let fm = FileManager.default
        _ = fm.createFile(atPath: stdout.path, contents: nil)
        _ = fm.createFile(atPath: stderr.path, contents: nil)
        let out = try FileHandle(forWritingTo: stdout)
        let err = try FileHandle(forWritingTo: stderr)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = workingDirectory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let pid = process.processIdentifier

        var forced: Ending?
        var polls = 0
        while process.isRunning {
            let elapsed = (clock.now - start).seconds
            if let timeLimit, elapsed > timeLimit {
                forced = .timedOut
            } else if let outputCap, polls % 5 == 0, watchedBytes() > outputCap {
                forced = .outputCapped
            }
            if forced != nil {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                break
            }
            polls += 1
            try? await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        let seconds = (clock.now - start).seconds
        if let forced { return Result(ending: forced, seconds: seconds) }
        switch process.terminationReason {
        case .uncaughtSignal: return Result(ending: .signalled(process.terminationStatus), seconds: seconds)
        case .exit: return Result(ending: .exited(process.terminationStatus), seconds: seconds)
        @unknown default: return Result(ending: .exited(process.terminationStatus), seconds: seconds)
        }
    }

    private func watchedBytes() -> Int {
        ([stdout, stderr] + extraWatched).reduce(0) { total, url in
            total + ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// Names of the signals a snippet program can die of, for messages.
enum SignalName {
    static func describe(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: "SIGILL, illegal instruction: a Swift runtime trap"
        case SIGTRAP: "SIGTRAP, a Swift runtime trap"
        case SIGABRT: "SIGABRT, abort"
        case SIGSEGV: "SIGSEGV, segmentation fault"
        case SIGBUS: "SIGBUS, bus error"
        case SIGFPE: "SIGFPE, arithmetic error"
        case SIGKILL: "SIGKILL, killed (out of memory?)"
        case SIGTERM: "SIGTERM, terminated"
        default: "signal \(signal)"
        }
    }
}
