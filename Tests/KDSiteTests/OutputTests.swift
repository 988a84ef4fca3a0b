import Foundation
import Testing

@testable import KDSite

/// The output folder always holds a complete build: a failed build leaves the previous one
/// byte for byte, and two builds of the same content are identical.
@Suite("Atomic, deterministic output")
struct OutputTests {
    struct Injected: Error {}

    @Test(arguments: [1, 5, 9])
    func buildFailingMidwayLeavesThePreviousOutput(afterFiles: Int) async throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(try await site.build().succeeded)
        try Data("kept by the repository\n".utf8).write(to: site.output.appendingPathComponent("README.md"))
        let before = TestSite.snapshot(site.output)

        try site.write(
            "---\ntitle: Changed\nsummary: S.\norder: 2\nmap: {label: B}\n---\nNew text.\n", to: "lessons/02-beta.md")
        var builder = site.builder()
        let written = Counter()
        builder.afterWrite = { _ in
            if written.increment() == afterFiles { throw Injected() }
        }
        await #expect(throws: EnvironmentError.self) { try await builder.build() }
        #expect(TestSite.snapshot(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter {
            $0.contains("staging")
        }
        #expect(leftovers.isEmpty, "the staging folder is removed")
    }

    @Test func contentErrorsLeaveThePreviousOutput() async throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(try await site.build().succeeded)
        let before = TestSite.snapshot(site.output)
        try site.write("---\ntitle: Broken\n", to: "lessons/02-beta.md")
        let report = try await site.build()
        #expect(!report.succeeded)
        #expect(report.filesWritten == 0)
        #expect(TestSite.snapshot(site.output) == before)
    }

    @Test func successfulRebuildReplacesOutputAndKeepsReadme() async throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(try await site.build().succeeded)
        try Data("readme\n".utf8).write(to: site.output.appendingPathComponent("README.md"))
        try Data("stale".utf8).write(to: site.output.appendingPathComponent("stale.html"))
        try site.write(
            "---\ntitle: Beta two\nsummary: S.\norder: 2\nmap: {label: B}\n---\nNew text.\n", to: "lessons/02-beta.md")
        #expect(try await site.build().succeeded)
        let after = TestSite.snapshot(site.output)
        #expect(after["README.md"] == Data("readme\n".utf8))
        #expect(after["stale.html"] == nil, "files the build no longer makes are gone")
        #expect(try site.page("lessons/beta/index.html").contains("<h1>Beta two</h1>"))
    }

    @Test(arguments: [".Site.staging-", ".Site.search-"])
    func staleFoldersOfInterruptedBuildsAreRemoved(prefix: String) async throws {
        let site = try TestSite()
        defer { site.remove() }
        // A process id that cannot be running: above the kernel's maximum.
        let stale = site.folder.appendingPathComponent(prefix + "99999999")
        try FileManager.default.createDirectory(
            at: stale.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        // A running process's folder stays (pid 1 is always running).
        let live = site.folder.appendingPathComponent(prefix + "1")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        #expect(try await site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(try await site.build().succeeded)
        let first = TestSite.snapshot(site.output)
        let other = site.folder.appendingPathComponent("Other")
        let report = try await SiteBuilder(options: BuildOptions(content: site.content.path, output: other.path))
            .build()
        #expect(report.succeeded)
        let second = TestSite.snapshot(other)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs") }
    }

    @Test func checkWritesNothing() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let report = try await site.build(write: false)
        #expect(report.succeeded)
        #expect(report.pages == 8)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}

/// A thread-safe counter for the write hook.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
