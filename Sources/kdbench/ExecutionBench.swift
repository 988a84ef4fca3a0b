import Foundation
@preconcurrency import Glibc
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
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kdbench-execution-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        let content = work.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: package.appendingPathComponent("Content"), to: content)
        let swiftc = try CountingCompiler(
            in: work, realCompiler: require(BuildBench.which("swiftc"), "swiftc is not on PATH"))
        let runner = SnippetRunner(.init(content: content.path, compiler: swiftc.script.path))
        let options = BuildOptions(
            content: content.path, output: work.appendingPathComponent("Site").path,
            plugins: RenderPlugins(math: MathMLRenderer(), highlighter: SyntaxHighlighter(), snippets: runner))
        func build(_ options: BuildOptions = options) throws -> (seconds: Double, compilations: [String], errors: Int) {
            swiftc.reset()
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try blocking { try await SiteBuilder(options: options).build() }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return (seconds, swiftc.compilations, result.errorCount)
        }
        /// Median wall seconds of five builds, with the median CPU seconds of this process.
        func rebuilds(_ prepare: (Int) throws -> Void = { _ in }, options: BuildOptions = options) throws -> (
            wall: Double, cpu: Double, compilations: Int
        ) {
            var walls: [Double] = [], cpus: [Double] = [], compilations = 0
            for n in 1...5 {
                try prepare(n)
                let cpu = processCPUSeconds()
                let result = try build(options)
                cpus.append(processCPUSeconds() - cpu)
                walls.append(result.seconds)
                compilations += result.compilations.count
            }
            return (median(walls), median(cpus), compilations)
        }

        let cold = try build()
        let pages = Set(cold.compilations.map { $0.split(separator: "/")[0] }).count
        report.record(
            suite, "cold build of the course", cold.seconds, "s",
            note: "\(pages) page programs, \(cold.compilations.count) compilations" + errors(cold.errors))

        let unchanged = try rebuilds()
        report.record(
            suite, "rebuild, nothing changed", unchanged.wall, "s",
            note: String(
                format: "target ≤ 0.5 s; %.2f s CPU; %d compilations in 5 builds", unchanged.cpu, unchanged.compilations
            ) + errors(cold.errors))

        let lesson = try lessonWithSnippets(in: content)
        let original = try String(contentsOf: lesson, encoding: .utf8)
        let firstBreak = try require(original.range(of: "\n\n"), "no paragraph in \(lesson.lastPathComponent)")
        let prose = try rebuilds { n in
            try Data(
                original.replacingCharacters(in: firstBreak, with: "\n\nAn edited sentence, number \(n).\n\n").utf8
            ).write(to: lesson)
        }
        report.record(
            suite, "rebuild after a prose edit", prose.wall, "s",
            note: String(
                format: "target ≤ 0.5 s; %.2f s CPU; %d compilations in 5 builds", prose.cpu, prose.compilations))

        var withoutSnippets = options
        withoutSnippets.plugins.snippets = nil
        let siteOnly = try rebuilds(options: withoutSnippets)
        report.record(
            suite, "rebuild without the snippet runner", siteOnly.wall, "s",
            note: String(format: "%.2f s CPU; math, highlighting, rendering, writing", siteOnly.cpu))

        let fence = try require(original.range(of: "```swift\n"), "no swift block in \(lesson.lastPathComponent)")
        try Data(original.replacingCharacters(in: fence, with: "```swift\n// an edited block\n").utf8).write(to: lesson)
        let blockEdit = try build()
        let recompiled = Set(blockEdit.compilations.map { $0.split(separator: "/")[0] }).sorted()
        report.record(
            suite, "rebuild after a one-block edit", blockEdit.seconds, "s",
            note:
                "recompiled: \(recompiled.joined(separator: ", ")) (\(blockEdit.compilations.count) compilation\(blockEdit.compilations.count == 1 ? "" : "s"))"
        )
    }

    /// The first lesson (in file order) with a swift block that runs.
    static func lessonWithSnippets(in content: URL) throws -> URL {
        let lessons = content.appendingPathComponent("lessons")
        for name in try FileManager.default.contentsOfDirectory(atPath: lessons.path).sorted()
        where name.hasSuffix(".md") {
            let url = lessons.appendingPathComponent(name)
            if try String(contentsOf: url, encoding: .utf8).contains("```swift\n") { return url }
        }
        throw BuildBench.Failure("no lesson with a swift block in \(lessons.path)")
    }

    static func errors(_ count: Int) -> String {
        count == 0
            ? ""
            : "; the course has \(count) error\(count == 1 ? "" : "s") (pages that fail are compiled on every build)"
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// User and system CPU seconds of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

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
