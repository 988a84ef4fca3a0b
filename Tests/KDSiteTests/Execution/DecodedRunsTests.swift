import Foundation
import Testing

@testable import KDSite

/// The in-memory layer over `.kdcache/snippets/` that `kdsite serve` keeps across rebuilds:
/// a decoded run is reused only for the same page, key and unchanged entry file.
@Suite("Decoded runs")
struct DecodedRunsTests {
    static func result(_ text: String) -> SnippetRunner.PageResult {
        SnippetRunner.PageResult(
            outputs: SnippetOutputs(blocks: [1: [.text(text)]], values: ["n": text]),
            snapshot: PageSnapshot(), source: .cached, runSeconds: 1.5, ranAt: "2026-11-30T09:00:00Z")
    }

    static func text(_ result: SnippetRunner.PageResult?) -> String? {
        result?.outputs.values["n"]
    }

    @Test func reusedOnlyWhileTheEntryFileIsUnchanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdsite-decoded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let entry = folder.appendingPathComponent("KEY.json")
        try Data("{\"run\":1}".utf8).write(to: entry)
        let stamp = try #require(DecodedRuns.Stamp(path: entry.path))
        let runs = DecodedRuns()
        runs.remember(Self.result("first"), pageID: "the-teacher", key: "KEY", stamp: stamp)

        #expect(Self.text(runs.result(pageID: "the-teacher", key: "KEY", stamp: stamp)) == "first")
        #expect(runs.result(pageID: "the-teacher", key: "OTHER", stamp: stamp) == nil, "another key is another run")
        #expect(
            runs.result(pageID: "the-student", key: "KEY", stamp: stamp) == nil,
            "another page renders the run differently")

        // Replaced as the cache writes (a new file renamed over the old): a new inode.
        try Data("{\"run\":2}".utf8).write(to: entry, options: .atomic)
        let replaced = try #require(DecodedRuns.Stamp(path: entry.path))
        #expect(replaced != stamp)
        #expect(runs.result(pageID: "the-teacher", key: "KEY", stamp: replaced) == nil)

        try FileManager.default.removeItem(at: entry)
        #expect(DecodedRuns.Stamp(path: entry.path) == nil, "a deleted entry has no stamp, so it is never reused")
    }

    @Test func keepsOnlyTheNewestRunOfEachPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdsite-decoded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = DecodedRuns()
        var stamps: [DecodedRuns.Stamp] = []
        for (i, key) in ["A", "B", "C"].enumerated() {
            let entry = folder.appendingPathComponent(key + ".json")
            try Data("\(i)".utf8).write(to: entry)
            let stamp = try #require(DecodedRuns.Stamp(path: entry.path))
            stamps.append(stamp)
            runs.remember(Self.result(key), pageID: "the-teacher", key: key, stamp: stamp)
        }
        runs.remember(Self.result("faq"), pageID: "faq", key: "A", stamp: stamps[0])
        #expect(runs.count == 2)
        #expect(runs.result(pageID: "the-teacher", key: "A", stamp: stamps[0]) == nil)
        #expect(Self.text(runs.result(pageID: "the-teacher", key: "C", stamp: stamps[2])) == "C")
        #expect(Self.text(runs.result(pageID: "faq", key: "A", stamp: stamps[0])) == "faq")
    }
}
