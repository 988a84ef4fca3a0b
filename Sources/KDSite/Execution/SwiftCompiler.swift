import Foundation

/// The `swiftc` that compiles snippet programs against the engine, with DESIGN.md's recipe:
/// unoptimised (the engine itself is), Swift 5 language mode (top-level variables of a
/// notebook are not concurrency-checked), LLVM-style diagnostics (swiftc's messages name the
/// Markdown line from `#sourceLocation` without quoting the generated file), warnings off.
public struct SwiftCompiler: Sendable {
    public let executable: URL
    /// `swiftc --version`, first line: part of every cache key.
    public let version: String

    /// The environment variable that names a swiftc, before `PATH` is searched.
    public static let environmentVariable = "KDSITE_SWIFTC"

    /// Flags that shape the compiled program (besides paths): part of the cache key.
    static let flags = ["-Onone", "-g", "-swift-version", "5", "-diagnostic-style", "llvm", "-suppress-warnings"]

    /// Finds swiftc: `explicit`, then `KDSITE_SWIFTC`, then `PATH`; throws with how to install
    /// Swift when there is none.
    public static func locate(
        explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(EnvironmentError) -> SwiftCompiler {
        var memo = FileMemo(store: nil)
        return try await locate(explicit: explicit, environment: environment, memo: &memo)
    }

    /// As above; the version line comes from `memo` while the swiftc binary is unchanged.
    static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        memo: inout FileMemo
    ) async throws(EnvironmentError) -> SwiftCompiler {
        let named = explicit ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        var found: URL?
        if let named {
            found = FileManager.default.isExecutableFile(atPath: named) ? URL(fileURLWithPath: named) : nil
        } else {
            for folder in (environment["PATH"] ?? "").split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    found = candidate
                    break
                }
            }
        }
        guard let found else {
            let which = named.map { "no executable swiftc at '\($0)'" } ?? "swiftc is not on PATH"
            throw EnvironmentError(
                "\(which): snippets are compiled with Swift 6; install it from https://www.swift.org/install/linux/ "
                    + "(or with swiftly), put its usr/bin on PATH, or set \(environmentVariable) to the swiftc to use")
        }
        if let known = memo.lookup(found, kind: "swiftc-version") {
            return SwiftCompiler(executable: found, version: known)
        }
        let version = try await versionString(of: found)
        memo.remember(version, for: found, kind: "swiftc-version")
        return SwiftCompiler(executable: found, version: version)
    }

    init(executable: URL, version: String) {
        self.executable = executable
        self.version = version
    }

    private static func versionString(of swiftc: URL) async throws(EnvironmentError) -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdsite-swiftc-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: scratch.appendingPathExtension("out"))
            try? FileManager.default.removeItem(at: scratch.appendingPathExtension("err"))
        }
        let child = ChildProcess(
            executable: swiftc, arguments: ["--version"], workingDirectory: FileManager.default.temporaryDirectory,
            stdout: scratch.appendingPathExtension("out"), stderr: scratch.appendingPathExtension("err"), timeLimit: 60)
        let result: ChildProcess.Result
        do { result = try await child.run() } catch {
            throw EnvironmentError("cannot run '\(swiftc.path) --version': \(error.localizedDescription)")
        }
        let text = (try? String(contentsOf: scratch.appendingPathExtension("out"), encoding: .utf8)) ?? ""
        guard result.ending == .exited(0), let first = text.split(separator: "\n").first else {
            throw EnvironmentError("'\(swiftc.path) --version' failed; is it a working Swift toolchain?")
        }
        return String(first)
    }

    /// What compiling one program did.
    struct Compilation: Sendable {
        var succeeded: Bool
        /// swiftc's diagnostics, parsed.
        var diagnostics: [CompilerMessage]
        /// swiftc's whole output (for messages that did not parse).
        var output: String
        var seconds: Double
    }

    /// Compiles `source` (a `main.swift` in its own folder) into `executable`.
    func compile(_ source: URL, to executable: URL, engine: EngineLibraries) async throws(EnvironmentError)
        -> Compilation
    {
        let folder = source.deletingLastPathComponent()
        let arguments =
            Self.flags + [
                "-I", engine.modules.path, "-L", engine.directory.path,
                "-lKDEngine", "-lKDNotebook",
                "-Xlinker", "-rpath", "-Xlinker", engine.directory.path,
                "-module-name", "Lesson", source.path, "-o", executable.path,
            ]
        let log = folder.appendingPathComponent("compile.log")
        let child = ChildProcess(
            executable: self.executable, arguments: arguments, workingDirectory: folder,
            stdout: log, stderr: log.appendingPathExtension("stderr"), timeLimit: 600)
        let result: ChildProcess.Result
        do { result = try await child.run() } catch {
            throw EnvironmentError("cannot run '\(self.executable.path)': \(error.localizedDescription)")
        }
        let output =
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "")
            + ((try? String(contentsOf: log.appendingPathExtension("stderr"), encoding: .utf8)) ?? "")
        return Compilation(
            succeeded: result.ending == .exited(0), diagnostics: CompilerMessage.parse(output),
            output: output, seconds: result.seconds)
    }
}
