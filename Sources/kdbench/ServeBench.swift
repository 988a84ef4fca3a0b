import Foundation
import KDServe
import KDSite
import Synchronization

/// `kdsite serve` on the course, on 127.0.0.1 only:
///
/// - **save-to-reload**: a prose edit to a lesson, saved as an editor saves (a new file
///   renamed over the old), until a client listening on the event stream has the `reload`
///   event *and* has fetched the page with the new sentence in it. Target: ≤ 300 ms.
/// - **requests/s**: keep-alive GETs of a lesson page from a few client threads, bounded in
///   count and in time.
///
/// The course is copied into a temporary folder (with the snippet cache beside it, so a
/// prose edit reruns nothing, as for an author) and served from there; the repository's
/// `Content/` is never touched.
enum ServeBench {
    static let suite = "serve"
    static let edits = 10
    static let loadClients = 4
    static let loadRequests = 40_000
    static let loadSeconds = 3.0

    static func run(_ report: inout BenchReport) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kdbench-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let previous = FileManager.default.currentDirectoryPath
        defer {
            FileManager.default.changeCurrentDirectoryPath(previous)
            try? FileManager.default.removeItem(at: work)
        }
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("Content"), to: work.appendingPathComponent("Content"))
        let cache = root.appendingPathComponent(".kdcache")
        if FileManager.default.fileExists(atPath: cache.path) {
            try FileManager.default.copyItem(at: cache, to: work.appendingPathComponent(".kdcache"))
        }
        // Relative paths, as an author runs it: snippet cache keys name `Content/lessons/…`.
        FileManager.default.changeCurrentDirectoryPath(work.path)

        let lessons = try FileManager.default.contentsOfDirectory(atPath: "Content/lessons").filter {
            $0.hasSuffix(".md")
        }.sorted()
        guard let lesson = lessons.first, let slug = lesson.split(separator: "-", maxSplits: 1).last?.dropLast(3) else {
            throw Failure("the course has no lessons")
        }
        let page = "/lessons/\(slug)/"
        let log = Log()
        let options = BuildOptions(content: "Content", output: "Site", plugins: plugins(content: "Content"))
        let server = DevServer(.init(build: options, port: 0, quiet: .milliseconds(30)), report: log.add)
        let serving = Task { try await server.run() }
        defer {
            serving.cancel()
            let done = DispatchSemaphore(value: 0)
            Task {
                _ = await serving.result; done.signal()
            }
            done.wait()
        }
        guard log.wait(forBuilds: 1, seconds: 600), let port = log.port else {
            throw Failure("the first build did not finish")
        }
        guard log.succeeded else { throw Failure("the course does not build: \(log.failure ?? "")") }
        report.record(
            suite, "first build (cache as found)", log.lastBuildSeconds * 1000, "ms", note: "\(lessons.count) lessons")

        // Whether each build runs Pagefind too (`make serve` puts it on PATH; a plain run may not).
        let searchIndexed = log.builds.first?.searchIndexPending ?? false

        // Save to reload.
        let stream = try LoopbackClient(port: port, timeout: .seconds(30))
        _ = try stream.openEventStream("/__kdsite/events")
        _ = try stream.nextEvent()  // hello
        let fetcher = try LoopbackClient(port: port)
        let original = try String(contentsOfFile: "Content/lessons/\(lesson)", encoding: .utf8)
        var latencies: [Double] = []
        var builds: [Double] = []
        var cpu: [Double] = []
        var cpuWithIndex: [Double] = []
        // The first build's index may still be under way: wait, so it is not counted in an edit.
        if searchIndexed { _ = log.wait(forIndexes: 1, seconds: 60) }
        let indexedBefore = log.indexes
        for edit in 1...edits {
            let sentence = "Benchmark edit number \(edit) of the prose."
            let body = Self.bodyStart(original)
            let text = String(original[..<body]) + "\n\(sentence)\n" + String(original[body...])
            let start = ContinuousClock.now
            let cpuStart = cpuSeconds()
            try Data(text.utf8).write(to: URL(fileURLWithPath: "Content/lessons/\(lesson)"), options: .atomic)
            var event = try stream.nextEvent()
            while event.name == "building" { event = try stream.nextEvent() }
            guard event.name == "reload" else { throw Failure("the edit gave '\(event.name)': \(event.data)") }
            let fetched = try fetcher.request(page)
            let elapsed = ContinuousClock.now - start
            cpu.append((cpuSeconds() - cpuStart) * 1000)
            guard fetched.text.contains(sentence) else { throw Failure("the reloaded page lacks the edit") }
            latencies.append(elapsed.milliseconds)
            builds.append(log.lastBuildSeconds * 1000)
            if searchIndexed {
                // The index is made after the reload; the save's work ends when it is swapped in.
                guard log.wait(forIndexes: edit + indexedBefore, seconds: 60) else {
                    throw Failure("the search index of edit \(edit) never landed")
                }
                cpuWithIndex.append((cpuSeconds() - cpuStart) * 1000)
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        latencies.sort()
        builds.sort()
        report.record(
            suite, "save to reload, prose edit (median)", latencies[latencies.count / 2], "ms",
            note: "target <= 300 ms; \(edits) edits of \(lesson)")
        report.record(suite, "save to reload, prose edit (worst)", latencies[latencies.count - 1], "ms")
        report.record(
            suite, "rebuild inside it (median)", builds[builds.count / 2], "ms",
            note:
                "SiteBuilder, cached snippets, search index \(searchIndexed ? "by Pagefind, after the reload" : "off (no pagefind on PATH)")"
        )
        report.record(
            suite, "CPU per save to reload (median)", ExecutionBench.median(cpu), "ms",
            note: "user + system of the process and its children")
        if searchIndexed {
            report.record(
                suite, "CPU per save, search index included (median)", ExecutionBench.median(cpuWithIndex), "ms",
                note: "until Pagefind's index, made after the reload, is swapped in")
        }

        // Requests per second.
        let (count, seconds, bytes) = try load(port: port, target: page)
        report.record(
            suite, "lesson page GETs", Double(count) / seconds, "req/s",
            note: "\(loadClients) keep-alive clients, \(count) requests, 127.0.0.1")
        report.record(suite, "lesson page throughput", Double(bytes) / seconds / 1e6, "MB/s")
    }

    /// `loadClients` threads GET `target` on kept-alive connections until `loadRequests` in all
    /// or `loadSeconds` have passed.
    static func load(port: Int, target: String) throws -> (requests: Int, seconds: Double, bytes: Int) {
        let counts = Mutex((requests: 0, bytes: 0, failure: String?.none))
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int(loadSeconds * 1000))
        let group = DispatchGroup()
        for _ in 0..<loadClients {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let client = try LoopbackClient(port: port)
                    while ContinuousClock.now < deadline {
                        let taken = counts.withLock { state in
                            guard state.requests < loadRequests else { return false }
                            state.requests += 1
                            return true
                        }
                        guard taken else { return }
                        let response = try client.request(target)
                        guard response.status == 200 else { throw Failure("status \(response.status)") }
                        counts.withLock { $0.bytes += response.body.count }
                    }
                } catch {
                    counts.withLock { $0.failure = "\(error)" }
                }
            }.start()
        }
        group.wait()
        let elapsed = (ContinuousClock.now - start).milliseconds / 1000
        let result = counts.withLock { $0 }
        if let failure = result.failure { throw Failure("load: \(failure)") }
        return (result.requests, elapsed, result.bytes)
    }

    /// User and system CPU seconds of this process and of its children waited for so far.
    static func cpuSeconds() -> Double {
        func seconds(_ who: __rusage_who) -> Double {
            var usage = rusage()
            getrusage(who.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
                usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        return seconds(RUSAGE_SELF) + seconds(RUSAGE_CHILDREN)
    }

    /// MathML, the highlighter and the snippet runner, as `kdsite build` plugs them in.
    static func plugins(content: String) -> RenderPlugins {
        RenderPlugins(
            math: MathMLRenderer(), highlighter: SyntaxHighlighter(), snippets: SnippetRunner(.init(content: content)))
    }

    /// Where the Markdown body starts: after the front matter's closing `---` line. A
    /// paragraph inserted there is prose, whatever the lesson holds.
    static func bodyStart(_ text: String) -> String.Index {
        guard text.hasPrefix("---\n"),
            let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
        else {
            return text.startIndex
        }
        return end.upperBound
    }

    /// Serve events, read from the bench's thread.
    final class Log: Sendable {
        private let events = Mutex<[ServeEvent]>([])
        func add(_ event: ServeEvent) { events.withLock { $0.append(event) } }

        var port: Int? {
            events.withLock { $0.lazy.compactMap { if case .listening(_, let port) = $0 { port } else { nil } }.first }
        }
        var builds: [BuildReport] {
            events.withLock {
                $0.compactMap { event in
                    switch event {
                    case .built(let report, _), .failed(let report, _): report
                    default: nil
                    }
                }
            }
        }
        var succeeded: Bool { builds.last?.succeeded ?? false }
        var failure: String? { builds.last?.diagnostics.first?.description }
        var lastBuildSeconds: Double { builds.last?.seconds ?? 0 }

        /// Search indexes made after a build (`ServeEvent.searchIndexed`).
        var indexes: Int { events.withLock { $0.count { if case .searchIndexed = $0 { true } else { false } } } }

        func wait(forIndexes count: Int, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if indexes >= count { return true }
                Thread.sleep(forTimeInterval: 0.002)
            }
            return false
        }

        func wait(forBuilds count: Int, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if builds.count >= count, port != nil { return true }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return false
        }
    }
}

private struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
