import Foundation
@preconcurrency import Glibc
import KDSite
import Testing

@testable import KDServe

/// Serving lessons whose snippets run. Needs the engine libraries (`swift build -c release`,
/// which `make test` runs first, or KDSITE_ENGINE_DIR).
@Suite("serving snippets", .timeLimit(.minutes(5)))
struct SnippetServeTests {
    static var engine: String {
        get throws {
            let engine =
                ProcessInfo.processInfo.environment["KDSITE_ENGINE_DIR"]
                ?? ServedSite.packageRoot.appendingPathComponent(".build/release").path
            try #require(
                FileManager.default.fileExists(atPath: engine + "/libKDEngine.so"),
                "the engine libraries are not built in \(engine): run 'swift build -c release' first (make test does), or set KDSITE_ENGINE_DIR"
            )
            return engine
        }
    }

    /// The author's loop with snippets: a prose edit compiles and runs nothing (every output
    /// comes from the cache); a code edit compiles once more.
    @Test func aProseEditRerunsNothing() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let lesson = "lessons/03-numbers.md"
        try site.write(
            "---\ntitle: Numbers\nsummary: s\norder: 3\nmap: {label: Numbers, requires: []}\n---\n\nProse, first take.\n\n"
                + "```swift\nprint(\"six times seven is\", 6 * 7)\n```\n", to: lesson)
        // A swiftc that logs each compilation of a lesson program, then runs the real one.
        let log = site.folder.appendingPathComponent("compilations.log")
        let wrapper = site.folder.appendingPathComponent("swiftc")
        let real = try #require(
            ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
                .map { $0 + "/swiftc" }.first { FileManager.default.isExecutableFile(atPath: $0) })
        try Data("#!/bin/sh\ncase \"$*\" in *main.swift*) echo x >> '\(log.path)';; esac\nexec '\(real)' \"$@\"\n".utf8)
            .write(to: wrapper)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        @Sendable func compilations() -> Int {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").count { $0 == "\n" }
        }
        var options = site.options
        options.plugins = RenderPlugins(
            snippets: SnippetRunner(
                .init(content: site.content.path, jobs: 1, engine: try Self.engine, compiler: wrapper.path)))
        let events = EventLog()
        let loop = BuildLoop(
            options: options, firstOptions: options, hub: ReloadHub(), watch: .automatic, quiet: .milliseconds(30),
            limit: .milliseconds(300), progress: BuildProgress(.quiet), report: events.report)
        let loopTask = Task { try await loop.run() }
        defer { loopTask.cancel() }
        @Sendable func page() -> String {
            (try? String(contentsOf: site.output.appendingPathComponent("lessons/numbers/index.html"), encoding: .utf8))
                ?? ""
        }

        #expect(await events.waitForBuilds(1, timeout: .seconds(120)))
        #expect(events.succeededBuilds == 1)
        #expect(compilations() == 1)
        #expect(page().contains("six times seven is 42"))

        try site.replace("Prose, first take.", with: "Prose, second take.", in: lesson)
        #expect(await events.waitForBuilds(2, timeout: .seconds(60)))
        #expect(compilations() == 1, "a prose edit must not compile the lesson again")
        #expect(page().contains("Prose, second take."))
        #expect(page().contains("six times seven is 42"))

        try site.replace("6 * 7", with: "6 * 8", in: lesson)
        #expect(await events.waitForBuilds(3, timeout: .seconds(120)))
        #expect(compilations() == 2)
        #expect(page().contains("six times seven is 48"))
    }

    /// Ctrl-C while a snippet program runs: no process is left behind.
    @Test func ctrlCLeavesNoSnippetProcessBehind() async throws {
        let engine = try Self.engine
        let site = try ServedSite()
        defer { site.remove() }
        try site.write(
            """
            ---
            title: Forever
            summary: A snippet that never ends.
            order: 3
            map: {label: Forever, requires: []}
            timeout: 600
            ---

            ```swift
            var spins = 0
            while spins >= 0 { spins &+= 1 }
            ```

            """, to: "lessons/03-forever.md")
        let (process, err) = try ServeCommandTests.start(["serve", "--port", "0", "--engine", engine], in: site.folder)
        defer { if process.isRunning { process.terminate() } }
        let kdsite = process.processIdentifier
        // Wait for the compiled lesson program to run (compiling takes a few seconds).
        #expect(
            await eventually(timeout: .seconds(120)) {
                ChildProcesses.children(of: kdsite).contains { $0.command == "program" }
            },
            "\((try? String(contentsOf: err, encoding: .utf8)) ?? "")")
        let programs = ChildProcesses.children(of: kdsite).filter { $0.command == "program" }.map(\.pid)
        try #require(!programs.isEmpty)

        kill(kdsite, SIGINT)
        #expect(
            await ServeCommandTests.waitForExit(process, within: .seconds(10)),
            "kdsite serve must stop on Ctrl-C during a build")
        #expect(process.terminationStatus == 0)
        for pid in programs {
            #expect(
                await eventually(timeout: .seconds(5)) { kill(pid, 0) != 0 },
                "snippet program \(pid) outlived kdsite serve")
        }
    }
}
