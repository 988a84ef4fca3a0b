import Foundation
import KDNotebook

/// Compiles and runs one page program in its scratch folder: the main program (every block
/// that runs, `fails` blocks left out), then one program per `fails` block (the blocks
/// before it, then it) that must fail to compile or must crash in that block.
///
/// The program runs in `.kdcache/work/PAGE/`, where `Content` links to the content folder,
/// so `Content/data/digits.csv` resolves as in DESIGN.md's smallest program and files a
/// snippet writes (`student.tflite`) stay out of the project.
struct ProgramExecution: Sendable {
    let program: SnippetProgram
    let key: String
    let compiler: SwiftCompiler
    let engine: EngineLibraries
    let work: URL
    /// The content folder, absolute.
    let content: URL
    let checkpoints: URL
    let timeLimit: Double
    let outputCap: Int

    enum Outcome: Sendable {
        case ran(ProgramRun)
        case failed([Diagnostic])
    }

    /// The environment variables a snippet program gets besides KDNotebook's.
    static let contentVariable = "KDSITE_CONTENT"
    static let checkpointsVariable = "KDENGINE_CHECKPOINTS"
    /// The Swift runtime's backtracer, made short and plain: it names the Markdown line of
    /// the crashing statement (the program is compiled with `-g`).
    static let backtrace = "interactive=no,color=no,threads=crashed,registers=none,images=none,limit=16"

    func execute() async throws(EnvironmentError) -> Outcome {
        try prepare(work)
        let main = program.blocks.filter { $0.fence.runs && !$0.fence.has("fails") }
        var compileSeconds = 0.0, runSeconds = 0.0
        var stdout = Data(), records = Data()
        if !main.isEmpty {
            let source = ProgramSource(path: program.path, blocks: main)
            let compiled = try await compile(source, in: work)
            compileSeconds = compiled.seconds
            guard compiled.succeeded else { return .failed(compileDiagnostics(compiled, source: source)) }
            let run = try await run(in: work)
            runSeconds = run.result.seconds
            if let problem = RunFailure(
                result: run.result, transcript: run.transcript, stderr: run.stderr, program: program,
                timeLimit: timeLimit, outputCap: outputCap)
            {
                return .failed([problem.diagnostic])
            }
            stdout = run.stdout
            records = run.records
        }
        var failures: [Int: FailedBlock] = [:]
        for block in program.blocks where block.fence.runs && block.fence.has("fails") {
            switch try await checkFailing(block, before: main.filter { $0.number < block.number }) {
            case .failed(let shown): failures[block.number] = shown
            case .problem(let diagnostic): return .failed([diagnostic])
            }
        }
        return .ran(
            ProgramRun(
                key: key, stdout: stdout, records: records, failures: failures,
                engine: engine.shortFingerprint, compileSeconds: compileSeconds, runSeconds: runSeconds))
    }

    // MARK: - Steps

    private func prepare(_ folder: URL) throws(EnvironmentError) {
        let fm = FileManager.default
        do {
            try? fm.removeItem(at: folder)
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try fm.createSymbolicLink(at: folder.appendingPathComponent("Content"), withDestinationURL: content)
        } catch {
            throw EnvironmentError("cannot prepare the snippet folder '\(folder.path)': \(error.localizedDescription)")
        }
    }

    private func compile(_ source: ProgramSource, in folder: URL) async throws(EnvironmentError)
        -> SwiftCompiler.Compilation
    {
        let file = folder.appendingPathComponent("main.swift")
        do {
            try Data(source.text.utf8).write(to: file)
        } catch {
            throw EnvironmentError("cannot write '\(file.path)': \(error.localizedDescription)")
        }
        return try await compiler.compile(file, to: folder.appendingPathComponent("program"), engine: engine)
    }

    struct Run {
        var result: ChildProcess.Result
        var stdout: Data
        var records: Data
        var stderr: String
        /// Nil when the records stream could not be read.
        var transcript: Transcript?
    }

    private func run(in folder: URL) async throws(EnvironmentError) -> Run {
        let records = folder.appendingPathComponent("records.jsonl")
        let child = ChildProcess(
            executable: folder.appendingPathComponent("program"),
            environment: [
                NotebookEnvironment.recordsPath: records.path,
                Self.contentVariable: content.path,
                Self.checkpointsVariable: checkpoints.path,
                "SWIFT_BACKTRACE": Self.backtrace,
            ],
            workingDirectory: folder,
            stdout: folder.appendingPathComponent("stdout.txt"), stderr: folder.appendingPathComponent("stderr.txt"),
            timeLimit: timeLimit, outputCap: outputCap, extraWatched: [records])
        let result: ChildProcess.Result
        do {
            try? FileManager.default.createDirectory(at: checkpoints, withIntermediateDirectories: true)
            result = try await child.run()
        } catch {
            throw EnvironmentError(
                "cannot run the snippet program '\(child.executable.path)': \(error.localizedDescription)")
        }
        let out = FileManager.default.contents(atPath: child.stdout.path) ?? Data()
        let rec = FileManager.default.contents(atPath: records.path) ?? Data()
        let err = String(decoding: FileManager.default.contents(atPath: child.stderr.path) ?? Data(), as: UTF8.self)
        return Run(
            result: result, stdout: out, records: rec, stderr: err,
            transcript: try? Transcript(stdout: out, records: rec))
    }

    enum FailCheck {
        /// It failed as it must; what the reader is shown.
        case failed(FailedBlock)
        /// It did not fail (or something else did).
        case problem(Diagnostic)
    }

    /// Runs the program made of `before` and `block`, which must fail to compile or crash in
    /// `block`. Returns what the reader is shown, or the diagnostic when it did not fail.
    private func checkFailing(_ block: SnippetBlock, before: [SnippetBlock]) async throws(EnvironmentError) -> FailCheck
    {
        let folder = work.appendingPathComponent("fails-\(block.number)")
        try prepare(folder)
        let source = ProgramSource(path: program.path, blocks: before + [block])
        let compiled = try await compile(source, in: folder)
        let fence = program.location(line: block.firstLine - 1)
        if !compiled.succeeded {
            let errors = compiled.diagnostics.filter { $0.severity == .error && $0.path == program.path }
            guard !errors.isEmpty else { return .problem(compileDiagnostics(compiled, source: source)[0]) }
            return .failed(FailedBlock(message: FailureText.compileErrors(errors, in: block)))
        }
        let run = try await run(in: folder)
        switch run.result.ending {
        case .exited(0):
            return .problem(
                Diagnostic(
                    .error,
                    "block \(block.number) is marked 'fails' but compiled and ran without error; make it fail, or remove 'fails'",
                    at: fence))
        case .timedOut, .outputCapped:
            let problem = RunFailure(
                result: run.result, transcript: run.transcript, stderr: run.stderr, program: program,
                timeLimit: timeLimit, outputCap: outputCap)
            return .problem(
                problem?.diagnostic ?? Diagnostic(.error, "block \(block.number) did not finish", at: fence))
        case .exited, .signalled:
            if let last = run.transcript?.lastBlock, last.index != block.number,
                let problem = RunFailure(
                    result: run.result, transcript: run.transcript, stderr: run.stderr, program: program,
                    timeLimit: timeLimit, outputCap: outputCap)
            {
                return .problem(problem.diagnostic)
            }
            return .failed(
                FailedBlock(
                    message: FailureText.crash(run.result.ending, stderr: run.stderr), stdout: run.stdout,
                    records: run.records))
        }
    }

    /// swiftc's errors at their Markdown positions (with a following note attached), or one
    /// error quoting swiftc's output when none could be placed (a link error).
    private func compileDiagnostics(_ compiled: SwiftCompiler.Compilation, source: ProgramSource) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for message in compiled.diagnostics {
            let location = place(message, source: source)
            switch message.severity {
            case .error:
                result.append(Diagnostic(.error, message.message, at: location))
            case .note where !result.isEmpty && result[result.count - 1].note == nil && message.path == program.path:
                result[result.count - 1].note = Diagnostic.Note(message.message, at: location)
            default:
                continue
            }
        }
        if result.isEmpty {
            let tail = compiled.output.split(separator: "\n").suffix(8).joined(separator: "\n    ")
            let first = source.blocks.first.map { program.location(line: $0.firstLine) } ?? program.location(line: 1)
            result.append(Diagnostic(.error, "the snippet program did not compile:\n    \(tail)", at: first))
        }
        var seen = Set<Diagnostic>()
        return result.filter { seen.insert($0).inserted }
    }

    private func place(_ message: CompilerMessage, source: ProgramSource) -> FileLocation {
        if message.path == program.path {
            return FileLocation(path: program.path, line: max(1, message.line), column: max(1, message.column))
        }
        let block = source.block(atGeneratedLine: message.line)
        return program.location(line: block?.firstLine ?? 1)
    }
}

extension SnippetProgram {
    /// A location in the page's file.
    func location(line: Int, column: Int = 1) -> FileLocation {
        FileLocation(path: path, line: max(1, line), column: max(1, column))
    }
}
