import Foundation
import Testing

@testable import KDSite

/// The drift baseline moves only when a build's output was written: a `check` or a failed
/// build reports a change, and the next build reports it again. Two content folders beside
/// each other share `.kdcache` but not their baselines.
@Suite("Drift baseline")
struct DriftBaselineTests {
    static let moreRows = "name,value\na,1.5\nb,4\nc,2.5\nd,8\ne,4\n"

    static func drift(_ site: TestSite) -> [String] {
        let path = site.path("lessons/01-notebook.md")
        return [
            "\(path):21:1: warning: value 'rowCount' changed since the last build: 4 → 5",
            "\(path):28:1: warning: table 'Numbers' in block 3 changed since the last build: 4 rows → 5 rows",
        ]
    }

    @Test func checkAndFailedBuildsLeaveTheBaseline() async throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        #expect(try await ExecutionTesting.build(site).succeeded)
        try site.write(Self.moreRows, to: "data/numbers.csv")

        let checked = try await ExecutionTesting.build(site, write: false)
        #expect(checked.printed == Self.drift(site), "check reports the change")

        try site.write("---\ntitle: Broken\n", to: "lessons/09-broken.md")
        let failed = try await ExecutionTesting.build(site)
        #expect(!failed.succeeded)
        #expect(Self.drift(site).allSatisfy(failed.printed.contains), "the failed build reports it: \(failed.printed)")

        try FileManager.default.removeItem(at: site.content.appendingPathComponent("lessons/09-broken.md"))
        let built = try await ExecutionTesting.build(site)
        #expect(built.succeeded)
        #expect(built.printed == Self.drift(site), "the first build that writes reports it again")

        #expect(try await ExecutionTesting.build(site).printed == [], "and then it is the baseline")
    }

    @Test func contentFoldersBesideEachOtherKeepTheirOwnBaselines() async throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        let other = site.folder.appendingPathComponent("Other")
        try FileManager.default.copyItem(at: site.content, to: other)
        try Data(Self.moreRows.utf8).write(to: other.appendingPathComponent("data/numbers.csv"))
        #expect(try await ExecutionTesting.build(site).succeeded)

        let runner = SnippetRunner(.init(content: other.path, jobs: 2, engine: try ExecutionTesting.engineDirectory))
        let options = BuildOptions(
            content: other.path, output: site.folder.appendingPathComponent("OtherSite").path,
            plugins: ExecutionTesting.plugins(runner))
        let report = try await SiteBuilder(options: options).build()
        #expect(report.succeeded)
        #expect(report.printed == [], "another content folder is not compared with this one")
        #expect(try await ExecutionTesting.build(site).printed == [], "nor this one with the other")
    }
}
