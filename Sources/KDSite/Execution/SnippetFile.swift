import Foundation
import KDNotebook

/// `kdsite run FILE.swift`: one snippet file compiled against the engine (Foundation,
/// KDEngine and KDNotebook imported for it, as in a lesson) and run in the current folder,
/// its outputs rendered for a person — text as printed, tables as aligned text, exports as
/// `kd.name = text`, figures saved as `.svg` beside the file. Where authors try code before
/// it goes into a lesson.
public struct SnippetFile: Sendable {
    public var path: String
    public var engine: String?
    public var compiler: String?
    /// Seconds before the program is stopped; nil for no limit.
    public var timeout: Int?

    public init(path: String, engine: String? = nil, compiler: String? = nil, timeout: Int? = nil) {
        self.path = path
        self.engine = engine
        self.compiler = compiler
        self.timeout = timeout
    }

    /// What happened, for the exit status: 0 when the program ran to the end, 1 when it did
    /// not compile or failed (swiftc's or the runtime's messages are already on stderr).
    public struct Outcome: Sendable {
        public var status: Int32
        public var message: String?
    }

    public func run() async throws(EnvironmentError) -> Outcome {
        let file = URL(fileURLWithPath: path)
        guard let code = try? String(contentsOf: file, encoding: .utf8) else {
            throw EnvironmentError("cannot read '\(path)'")
        }
        let engine = try EngineLibraries.locate(explicit: engine)
        let compiler = try await SwiftCompiler.locate(explicit: compiler)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kdsite-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = scratch.appendingPathComponent("main.swift")
        let text =
            (ProgramSource.preamble + [
                "#sourceLocation(file: \(ProgramSource.literal(path)), line: 1)", code, "#sourceLocation()",
            ])
            .joined(separator: "\n") + "\n"
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: source)
        } catch {
            throw EnvironmentError("cannot write '\(source.path)': \(error.localizedDescription)")
        }
        let compiled = try await compiler.compile(source, to: scratch.appendingPathComponent("program"), engine: engine)
        guard compiled.succeeded else {
            StandardError.write(
                compiled.output.split(separator: "\n").filter { !$0.hasPrefix("error: emit-module command failed") }
                    .joined(separator: "\n") + "\n")
            let errors = compiled.diagnostics.count { $0.severity == .error }
            return Outcome(
                status: 1, message: "\(path) did not compile (\(max(errors, 1)) error\(errors == 1 ? "" : "s"))")
        }
        let process = Process()
        process.executableURL = scratch.appendingPathComponent("program")
        var environment = ProcessInfo.processInfo.environment
        environment[NotebookEnvironment.recordsDescriptor] = nil
        environment[NotebookEnvironment.recordsPath] = nil
        environment[NotebookEnvironment.outputDirectory] = file.deletingLastPathComponent().path
        environment["SWIFT_BACKTRACE"] = environment["SWIFT_BACKTRACE"] ?? ProgramExecution.backtrace
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.standardOutput
        process.standardError = FileHandle.standardError
        let start = ContinuousClock.now
        do { try process.run() } catch {
            throw EnvironmentError("cannot run the compiled program: \(error.localizedDescription)")
        }
        while process.isRunning {
            if let timeout, (ContinuousClock.now - start).seconds > Double(timeout) {
                process.terminate()
                process.waitUntilExit()
                return Outcome(status: 1, message: "\(path) timed out after \(timeout) s")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        switch (process.terminationReason, process.terminationStatus) {
        case (.exit, 0): return Outcome(status: 0, message: nil)
        case (.exit, let status): return Outcome(status: 1, message: "\(path) exited with status \(status)")
        case (_, let signal): return Outcome(status: 1, message: "\(path) crashed (\(SignalName.describe(signal)))")
        }
    }
}
