import Foundation
import Testing

@testable import KDSite

/// Each way a snippet can fail, as the exact diagnostic at the Markdown position marked
/// `‹here›` in its fixture (`ExecutionFixtures/failures/NAME.md`); the output folder is never
/// written and nothing is cached.
@Suite("Snippet failures")
struct SnippetFailureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        /// The error's message, its first line.
        var message: String
        /// Lines that must follow it (the tail of stderr), if any.
        var tail: [String] = []
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "compile-error", message: "cannot find 'techer' in scope"),
        Case(
            fixture: "trap", message: "snippet crashed in block 2 (SIGILL, illegal instruction: a Swift runtime trap)",
            tail: ["Fatal error: Index out of range"]),
        Case(fixture: "exit-status", message: "snippet exited with status 3 in block 1", tail: ["    bad input"]),
        Case(
            fixture: "timeout",
            message:
                "snippet timed out after 1 s in block 2; make it faster (a lesson may raise 'timeout', in seconds, in its front matter)"
        ),
        Case(
            fixture: "not-failing",
            message: "block 1 is marked 'fails' but compiled and ran without error; make it fail, or remove 'fails'"),
        Case(fixture: "unknown-value", message: "unknown value 'kd.acuracy'; did you mean 'accuracy'?"),
        Case(fixture: "unknown-value-in-math", message: "unknown value 'kd.temprature'; did you mean 'temperature'?"),
    ]

    @Test(arguments: cases)
    func failureIsReportedAtItsLine(_ c: Case) async throws {
        let fixture = try ExecutionTesting.failureSite(c.fixture)
        let site = fixture.site
        defer { site.remove() }
        let report = try await ExecutionTesting.build(site)
        #expect(!report.succeeded)
        #expect(report.errorCount == 1, "\(report.printed)")
        let printed = try #require(report.printed.first)
        let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == (try fixture.diagnostic(c.message)))
        for expected in c.tail {
            #expect(
                lines.dropFirst().contains { $0.hasPrefix("    ") && $0.contains(expected) },
                "no stderr line with '\(expected)' in \(lines)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build writes nothing")
        let entries =
            (try? FileManager.default.contentsOfDirectory(
                atPath: site.folder.appendingPathComponent(".kdcache/snippets").path)) ?? []
        #expect(
            c.fixture.hasPrefix("unknown-value") ? entries.count == 1 : entries.isEmpty, "a failed run is never cached")
    }

    @Test func textPrintedBeforeATrapIsKept() async throws {
        let site = try ExecutionTesting.failureSite("trap").site
        defer { site.remove() }
        _ = try await ExecutionTesting.build(site)
        let stdout = try String(
            contentsOf: site.folder.appendingPathComponent(".kdcache/work/trap/stdout.txt"), encoding: .utf8)
        #expect(stdout.contains("printed before the trap\n"))
    }

    @Test func tooMuchOutputStopsTheProgram() async throws {
        let lesson =
            "---\ntitle: Loud\nsummary: S.\norder: 1\nmap: {label: Loud, requires: []}\n---\n\n```swift\nprint(\"start\")\n```\n\n```swift\nfor _ in 0..<1_000_000 { print(\"0123456789abcdefghij\") }\n```\n"
        let site = try TestSite(
            base: nil,
            files: ["site.yml": "title: T\ndescription: d\nurl: https://example.org/\n", "lessons/01-loud.md": lesson])
        defer { site.remove() }
        let runner = SnippetRunner(
            .init(content: site.content.path, engine: try ExecutionTesting.engineDirectory, outputCap: 1 << 20))
        let report = try await site.build(plugins: ExecutionTesting.plugins(runner))
        #expect(
            report.printed == [
                "\(site.path("lessons/01-loud.md")):13:1: error: snippet output passed 1 MB in block 2; print less"
            ])
    }

    @Test func snippetsRunBesideALinkToTheContentWithTheirEnvironment() async throws {
        let lesson = """
            ---
            title: Where
            summary: S.
            order: 1
            map: {label: Where, requires: []}
            ---

            ```swift
            let environment = ProcessInfo.processInfo.environment
            print(try String(contentsOfFile: "Content/site.yml", encoding: .utf8).hasPrefix("title: T"))
            print(environment["KDSITE_CONTENT"] ?? "none")
            print(environment["KDENGINE_CHECKPOINTS"] ?? "none")
            print(FileManager.default.fileExists(atPath: environment["KDENGINE_CHECKPOINTS"] ?? "none"))
            ```

            """
        let site = try TestSite(
            base: nil,
            files: ["site.yml": "title: T\ndescription: d\nurl: https://example.org/\n", "lessons/01-where.md": lesson])
        defer { site.remove() }
        let report = try await ExecutionTesting.build(site)
        #expect(report.succeeded, "\(report.printed)")
        let folder = site.folder.standardizedFileURL.path
        #expect(
            try site.page("lessons/where/index.html").contains(
                "<pre class=\"text\">true\n\(folder)/Content\n\(folder)/.kdcache/checkpoints\ntrue\n</pre>"))
    }

    @Test func aFailedPageKeepsItsLastValuesSoOnlyTheRealErrorIsReported() async throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        #expect(try await ExecutionTesting.build(site).succeeded)
        let lesson = site.content.appendingPathComponent("lessons/01-notebook.md")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        try site.write(
            text.replacingOccurrences(of: "print(\"rows:\", numbers.count)", with: "print(\"rows:\", numbrs.count)"),
            to: "lessons/01-notebook.md")
        let report = try await ExecutionTesting.build(site)
        #expect(
            report.printed == ["\(site.path("lessons/01-notebook.md")):22:16: error: cannot find 'numbrs' in scope"])
    }

    @Test func noSwiftcIsAnEnvironmentError() async throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        do {
            _ = try await ExecutionTesting.build(site, compiler: "/nonexistent/swiftc")
            Issue.record("the build should have thrown")
        } catch let error as EnvironmentError {
            #expect(
                error.message.hasPrefix(
                    "no executable swiftc at '/nonexistent/swiftc': snippets are compiled with Swift 6; install it from https://www.swift.org/install/linux/"
                ))
        }
    }

    @Test func anEngineFolderWithoutTheLibrariesIsAnEnvironmentError() async throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        let runner = SnippetRunner(.init(content: site.content.path, engine: site.folder.path))
        do {
            _ = try await site.build(plugins: ExecutionTesting.plugins(runner))
            Issue.record("the build should have thrown")
        } catch let error as EnvironmentError {
            #expect(
                error.message.hasPrefix(
                    "no built engine in '\(site.folder.standardizedFileURL.resolvingSymlinksInPath().path)': missing libKDEngine.so, libKDNotebook.so"
                ))
        }
    }
}
