import Foundation
import Testing

@testable import KDSite

/// The cache, observed through a swiftc that logs its compilations: a second build and a
/// prose edit compile nothing; a code edit recompiles that page alone; a data file is part
/// of every key; `--fresh` recompiles all; a damaged entry is discarded and rebuilt; a moved
/// number is reported as drift.
@Suite("Snippet cache")
struct SnippetCacheTests {
    /// Every compilation of a cold build of the fixture: the notebook, the walkthrough (its
    /// main program and one per `fails` block) and the glossary entry.
    static let coldBuild = [
        "glossary+softmax", "notebook", "walkthrough", "walkthrough/fails-3", "walkthrough/fails-4",
    ]

    @Test func rebuildsCompileOnlyWhatChanged() async throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        let swiftc = try CountingCompiler(in: site.folder)
        func build() async throws -> [String] {
            swiftc.reset()
            let report = try await ExecutionTesting.build(site, compiler: swiftc.script.path)
            #expect(report.succeeded, "\(report.printed)")
            return swiftc.compilations.sorted()
        }

        #expect(try await build() == Self.coldBuild)
        #expect(try await build() == [], "a build with nothing changed compiles nothing")

        // Prose moves every block of the lesson three lines down: still nothing to compile.
        let lesson = site.content.appendingPathComponent("lessons/01-notebook.md")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        try site.write(
            text.replacingOccurrences(
                of: "Block 2 uses what", with: "A new paragraph.\n\nAnd another.\n\nBlock 2 uses what"),
            to: "lessons/01-notebook.md")
        #expect(try await build() == [])
        #expect(try site.page("lessons/notebook/index.html").contains("<p>A new paragraph.</p>"))

        // One block edited: that page alone is compiled again.
        try site.write(
            text.replacingOccurrences(of: "print(\"after the table\")", with: "print(\"after the table, edited\")"),
            to: "lessons/01-notebook.md")
        #expect(try await build() == ["notebook"])
        #expect(try site.page("lessons/notebook/index.html").contains("after the table, edited"))

        // A fence option is part of the key too.
        try site.write(
            text.replacingOccurrences(of: "```swift norun", with: "```swift norun step=1 of=never.swift"),
            to: "lessons/01-notebook.md")
        #expect(try await build() == ["notebook"])
    }

    @Test func aCachedRebuildIsByteIdenticalAndTheLogSaysWhatRan() async throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        let logURL = site.folder.appendingPathComponent(".kdcache/last-build.json")
        func sources() throws -> [String: LastBuildLog.Page.Source] {
            try LastBuildLog(contentsOf: logURL).pages.mapValues(\.source)
        }
        let pages = ["glossary/softmax", "notebook", "walkthrough"]

        #expect(try await ExecutionTesting.build(site).succeeded)
        let first = TestSite.snapshot(site.output)
        #expect(try sources() == Dictionary(uniqueKeysWithValues: pages.map { ($0, .ran) }))
        let ran = try LastBuildLog(contentsOf: logURL).pages["notebook"]?.ranAt

        #expect(try await ExecutionTesting.build(site).succeeded)
        let second = TestSite.snapshot(site.output)
        #expect(second.keys.sorted() == first.keys.sorted())
        for (path, bytes) in first {
            #expect(second[path] == bytes, "\(path) differs between a build and its cached rebuild")
        }
        #expect(try sources() == Dictionary(uniqueKeysWithValues: pages.map { ($0, .cached) }))
        #expect(
            try LastBuildLog(contentsOf: logURL).pages["notebook"]?.ranAt == ran,
            "a cached page keeps when its run was made")
        let html = try site.page("lessons/notebook/index.html")
        #expect(
            !html.contains("cached") && !html.contains("fresh"), "whether this build ran a page stays out of the page")

        #expect(try await ExecutionTesting.build(site, fresh: true).succeeded)
        #expect(try sources() == Dictionary(uniqueKeysWithValues: pages.map { ($0, .ran) }), "--fresh runs every page")
    }

    @Test func dataFilesAndFreshRecompileEverythingAndDriftIsReported() async throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        let swiftc = try CountingCompiler(in: site.folder)
        var report = try await ExecutionTesting.build(site, compiler: swiftc.script.path)
        #expect(report.succeeded)

        swiftc.reset()
        try site.write("name,value\na,1.5\nb,4\nc,2.5\nd,8\ne,4\n", to: "data/numbers.csv")
        report = try await ExecutionTesting.build(site, compiler: swiftc.script.path)
        #expect(swiftc.compilations.sorted() == Self.coldBuild, "a data file is part of every page's key")
        let path = site.path("lessons/01-notebook.md")
        #expect(
            report.printed == [
                "\(path):21:1: warning: value 'rowCount' changed since the last build: 4 → 5",
                "\(path):28:1: warning: table 'Numbers' in block 3 changed since the last build: 4 rows → 5 rows",
            ])
        #expect(try site.page("lessons/notebook/index.html").contains("The data has 5 rows; their mean is 4.00."))

        swiftc.reset()
        report = try await ExecutionTesting.build(site, compiler: swiftc.script.path, fresh: true)
        #expect(swiftc.compilations.sorted() == Self.coldBuild, "--fresh ignores the cache")
        #expect(report.printed == [], "the same outputs again: no drift")
    }

    @Test func aDamagedEntryIsDiscardedAndRebuilt() async throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        let swiftc = try CountingCompiler(in: site.folder)
        _ = try await ExecutionTesting.build(site, compiler: swiftc.script.path)
        let first = try site.page("lessons/notebook/index.html")
        let entries = site.folder.appendingPathComponent(".kdcache/snippets")
        let files = try FileManager.default.contentsOfDirectory(atPath: entries.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 3)
        // Change one byte inside every entry's recorded stdout (valid JSON, wrong contents) …
        for name in files {
            let url = entries.appendingPathComponent(name)
            var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let stdout = try #require(json["stdout"] as? String)
            var bytes = try #require(Data(base64Encoded: stdout))
            bytes[bytes.count - 2] ^= 0x01
            json["stdout"] = bytes.base64EncodedString()
            try JSONSerialization.data(withJSONObject: json).write(to: url)
        }
        swiftc.reset()
        let report = try await ExecutionTesting.build(site, compiler: swiftc.script.path)
        #expect(report.succeeded)
        #expect(swiftc.compilations.sorted() == Self.coldBuild, "every damaged entry ran again")
        #expect(report.warningCount == 3)
        #expect(
            report.printed.allSatisfy {
                $0.contains(
                    "warning: discarded the cached run of this page (its contents do not match their digest); ran it again"
                )
            })
        #expect(withoutProvenance(try site.page("lessons/notebook/index.html")) == withoutProvenance(first))

        // A truncated entry is not JSON at all: discarded too.
        let notebookEntry = try #require(try FileManager.default.contentsOfDirectory(atPath: entries.path).first)
        let url = entries.appendingPathComponent(notebookEntry)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        swiftc.reset()
        let again = try await ExecutionTesting.build(site, compiler: swiftc.script.path)
        #expect(again.succeeded)
        let pages = Set(swiftc.compilations.map { $0.split(separator: "/")[0] })
        #expect(pages.count == 1, "only the truncated entry's page ran again: \(swiftc.compilations)")
        #expect(again.printed.count == 1)
        #expect(again.printed.first?.contains("discarded the cached run of this page (it cannot be read)") == true)
    }

    /// A page without its provenance lines (their run times differ between runs).
    func withoutProvenance(_ html: String) -> String {
        html.replacing(/<figcaption class="kd-provenance"[^>]*>[^<]*<\/figcaption>/, with: "")
    }
}
