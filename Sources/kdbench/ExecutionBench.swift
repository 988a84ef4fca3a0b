import Foundation
import KDSite
import Synchronization

// Suite "execution": the course built in-process with the real snippet runner, in a copy of
// Content/ with its own .kdcache: a cold build (every page compiled and run), a rebuild with
// nothing changed and one after a prose edit (targets: at most 0.5 s, no compilation), and
// one after a one-block edit (only that lesson compiled). Compilations are counted by a
// swiftc wrapper that logs each one, not inferred from times.

enum ExecutionBench {
    static let suite = "execution"

    static func run(_ report: inout BenchReport) throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kdbench-execution-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        let content = work.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: package.appendingPathComponent("Content"), to: content)
        let swiftc = try CountingSwiftc(in: work)
        let options = BuildOptions(
            content: content.path, output: work.appendingPathComponent("Site").path,
            plugins: RenderPlugins(highlighter: SyntaxHighlighter(),
                                   snippets: SnippetRunner(.init(content: content.path, compiler: swiftc.script.path))))
        func build() throws -> (seconds: Double, compilations: [String], errors: Int) {
            swiftc.reset()
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try blocking { try await SiteBuilder(options: options).build() }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return (seconds, swiftc.compilations, result.errorCount)
        }

        let cold = try build()
        let pages = Set(cold.compilations.map { $0.split(separator: "/")[0] }).count
        report.record(suite, "cold build of the course", cold.seconds, "s",
                      note: "\(pages) page programs, \(cold.compilations.count) compilations" + errors(cold.errors))

        let unchanged = try (0..<5).map { _ in try build() }
        report.record(suite, "rebuild, nothing changed", median(unchanged.map(\.seconds)), "s",
                      note: "target ≤ 0.5 s; \(unchanged.map(\.compilations.count).reduce(0, +)) compilations in 5 builds" + errors(cold.errors))

        let lesson = try lessonWithSnippets(in: content)
        let original = try String(contentsOf: lesson, encoding: .utf8)
        let proseEdits = try (1...5).map { n -> (seconds: Double, compilations: [String], errors: Int) in
            try Data(original.replacingOccurrences(of: "\n\n", with: "\n\nAn edited sentence, number \(n).\n\n", options: [], range: original.range(of: "\n\n")).utf8)
                .write(to: lesson)
            return try build()
        }
        report.record(suite, "rebuild after a prose edit", median(proseEdits.map(\.seconds)), "s",
                      note: "target ≤ 0.5 s; \(proseEdits.map(\.compilations.count).reduce(0, +)) compilations in 5 builds")

        let fence = try require(original.range(of: "```swift\n"), "no swift block in \(lesson.lastPathComponent)")
        try Data(original.replacingCharacters(in: fence, with: "```swift\n// an edited block\n").utf8).write(to: lesson)
        let blockEdit = try build()
        let recompiled = Set(blockEdit.compilations.map { $0.split(separator: "/")[0] }).sorted()
        report.record(suite, "rebuild after a one-block edit", blockEdit.seconds, "s",
                      note: "recompiled: \(recompiled.joined(separator: ", ")) (\(blockEdit.compilations.count) compilation\(blockEdit.compilations.count == 1 ? "" : "s"))")
    }

    /// The first lesson (in file order) with a swift block that runs.
    static func lessonWithSnippets(in content: URL) throws -> URL {
        let lessons = content.appendingPathComponent("lessons")
        for name in try FileManager.default.contentsOfDirectory(atPath: lessons.path).sorted() where name.hasSuffix(".md") {
            let url = lessons.appendingPathComponent(name)
            if try String(contentsOf: url, encoding: .utf8).contains("```swift\n") { return url }
        }
        throw BuildBench.Failure("no lesson with a swift block in \(lessons.path)")
    }

    static func errors(_ count: Int) -> String {
        count == 0 ? "" : "; the course has \(count) error\(count == 1 ? "" : "s") (pages that fail are compiled on every build)"
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    static func require<T>(_ value: T?, _ message: String) throws -> T {
        guard let value else { throw BuildBench.Failure(message) }
        return value
    }

    /// Runs async work from the benchmark's synchronous suites.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0 }.map { try $0.get() } ?? { throw BuildBench.Failure("no result") }()
    }
}

/// A `swiftc` wrapper script that logs the folder of each compilation, then runs the real one.
struct CountingSwiftc {
    let script: URL
    let log: URL

    init(in folder: URL) throws {
        script = folder.appendingPathComponent("swiftc-counting")
        log = folder.appendingPathComponent("swiftc.log")
        let real = try ExecutionBench.require(BuildBench.which("swiftc"), "swiftc is not on PATH")
        let text = "#!/bin/sh\ncase \"$*\" in *main.swift*) echo \"$PWD\" >> '\(log.path)';; esac\nexec '\(real.path)' \"$@\"\n"
        try Data(text.utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    }

    /// `PAGE` or `PAGE/fails-N` for each compilation since the last reset.
    var compilations: [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map { line in
            let parts = line.split(separator: "/")
            guard let work = parts.lastIndex(of: "work") else { return String(line) }
            return parts[(work + 1)...].joined(separator: "/")
        }
    }

    func reset() { try? FileManager.default.removeItem(at: log) }
}
