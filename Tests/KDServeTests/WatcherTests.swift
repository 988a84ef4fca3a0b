import Foundation
import Synchronization
import Testing

@testable import KDServe

@Suite("watching", .timeLimit(.minutes(2)))
struct WatcherTests {
    /// Paths a watcher reported.
    final class Reports: Sendable {
        private let paths = Mutex<[String]>([])
        func add(_ path: String) { paths.withLock { $0.append(path) } }
        var all: [String] { paths.withLock { $0 } }
        func clear() { paths.withLock { $0.removeAll() } }
        func waitFor(_ path: String) async -> Bool {
            await eventually(timeout: .seconds(15)) { self.all.contains(path) }
        }
    }

    static let modes: [WatchMode] = [.automatic, .polling(interval: .milliseconds(20))]

    @Test(arguments: modes)
    func reportsWritesCreationsNewFoldersAndDeletions(_ mode: WatchMode) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kdserve-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: root.appendingPathComponent("lessons/01-a.md"))
        let (watcher, note) = mode.watcher(for: root.path, filter: ChangeFilter())
        #expect(note == nil)
        let reports = Reports()
        try watcher.start(reports.add)
        defer { watcher.stop() }

        try Data("two, longer".utf8).write(to: root.appendingPathComponent("lessons/01-a.md"))
        #expect(await reports.waitFor("lessons/01-a.md"))

        try Data("new".utf8).write(to: root.appendingPathComponent("faq.md"))
        #expect(await reports.waitFor("faq.md"))

        // A new folder, and a file inside it at once: the file is reported though the folder's watch came after.
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("glossary/deep"), withIntermediateDirectories: true)
        try Data("term".utf8).write(to: root.appendingPathComponent("glossary/deep/t.md"))
        #expect(await reports.waitFor("glossary/deep/t.md"))
        try Data("again".utf8).write(to: root.appendingPathComponent("glossary/deep/u.md"))
        #expect(await reports.waitFor("glossary/deep/u.md"))

        reports.clear()
        try FileManager.default.removeItem(at: root.appendingPathComponent("lessons/01-a.md"))
        #expect(await reports.waitFor("lessons/01-a.md"))

        // Editor scratch files and hidden files are not changes.
        reports.clear()
        for name in [".01-a.md.swp", "01-a.md~", "4913", ".#01-a.md"] {
            try Data("x".utf8).write(to: root.appendingPathComponent("lessons/" + name))
        }
        try Data("y".utf8).write(to: root.appendingPathComponent("lessons/02-b.md"))
        #expect(await reports.waitFor("lessons/02-b.md"))
        #expect(reports.all.allSatisfy { $0 == "lessons/02-b.md" }, "\(reports.all)")
    }

    @Test func filterExcludesOutputAndScratchFiles() {
        let filter = ChangeFilter(excluded: ["Site"])
        #expect(filter.accepts("lessons/01-a.md"))
        #expect(filter.accepts("theme/assets/style.css"))
        #expect(filter.accepts("Sitemap.md"))
        for path in [
            "Site/index.html", "Site", ".git/index", "lessons/.01-a.md.swp", "lessons/01-a.md~", "lessons/4913",
            "lessons/.#01-a.md", "x.md___jb_tmp___", ".DS_Store",
        ] {
            #expect(!filter.accepts(path), "\(path)")
        }
    }

    @Test func aBurstSettlesOnceAfterTheQuietPeriod() async throws {
        let queue = ChangeQueue(quiet: .milliseconds(50), limit: .seconds(1))
        let start = ContinuousClock.now
        for i in 0..<4 {
            queue.add("a.md")
            queue.add("b\(i % 2).md")
            try await Task.sleep(for: .milliseconds(10))
        }
        var signals = queue.signals.makeAsyncIterator()
        #expect(await signals.next() != nil)
        let burst = await queue.settle()
        #expect(burst == ["a.md", "b0.md", "b1.md"])
        #expect(ContinuousClock.now - start >= .milliseconds(80), "it waits for the quiet period after the last change")
        #expect(await queue.settle() == [], "taken once")
    }

    @Test func aLongBurstIsCutAtTheLimit() async throws {
        let queue = ChangeQueue(quiet: .milliseconds(40), limit: .milliseconds(150))
        queue.add("busy.md")
        let feeding = Task {
            while !Task.isCancelled {
                queue.add("busy.md")
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        defer { feeding.cancel() }
        // The changes never pause for the quiet period, yet each burst ends (at the limit), as the build loop sees them.
        var signals = queue.signals.makeAsyncIterator()
        var bursts = 0
        for _ in 0..<20 where bursts < 2 {
            _ = await signals.next()
            if let burst = await queue.settle(), !burst.isEmpty {
                #expect(burst == ["busy.md"])
                bursts += 1
            }
        }
        #expect(bursts == 2)
    }
}
