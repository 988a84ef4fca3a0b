import Foundation
import Testing

@testable import KDSite

/// `SearchIndexing.afterSwap` (what `kdsite serve` uses): the staged build carries the live
/// index over by hard links, and `refresh` indexes the live output and swaps the new index in.
/// Pagefind is a shell script here that writes the pages it was given into its output.
@Suite("Search index after the swap")
struct SearchIndexTimingTests {
    /// A folder with a fake `pagefind` that lists the site's HTML files in
    /// `OUTPUT/pagefind-entry.json` and writes one fragment.
    struct Fixture {
        let folder: URL
        let pagefind: URL
        var output: URL { folder.appendingPathComponent("Site") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("kdsite-search-\(UUID().uuidString)")
            pagefind = folder.appendingPathComponent("pagefind")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("Site/lessons"), withIntermediateDirectories: true)
            let script = """
                #!/bin/sh
                while [ $# -gt 0 ]; do case "$1" in --site) site="$2"; shift 2;; --output-path) out="$2"; shift 2;; *) shift;; esac; done
                mkdir -p "$out/fragment"
                (cd "$site" && find . -name '*.html' | sort) > "$out/pagefind-entry.json"
                echo fragment > "$out/fragment/a.pf_fragment"

                """
            try Data(script.utf8).write(to: pagefind)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pagefind.path)
        }

        func write(_ text: String, to path: String) throws {
            let url = output.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func read(_ path: String) -> String? {
            try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func refreshSwapsANewIndexIntoTheLiveOutput() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("<html>home</html>", to: "index.html")
        try fixture.write("<html>lesson</html>", to: "lessons/one.html")
        try fixture.write("stale", to: "pagefind/pagefind-entry.json")
        try fixture.write("old fragment", to: "pagefind/fragment/old.pf_fragment")

        try await SearchIndex.refresh(
            output: fixture.output, pagefind: fixture.pagefind, progress: BuildProgress(.quiet))

        #expect(fixture.read("pagefind/pagefind-entry.json") == "./index.html\n./lessons/one.html\n")
        #expect(fixture.read("pagefind/fragment/a.pf_fragment") == "fragment\n")
        #expect(fixture.read("pagefind/fragment/old.pf_fragment") == nil, "the old index is replaced as a whole")
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).sorted()
        #expect(left == ["Site", "pagefind"], "no scratch index is left beside the output")
    }

    @Test func refreshMakesTheFirstIndex() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("<html>home</html>", to: "index.html")
        try await SearchIndex.refresh(
            output: fixture.output, pagefind: fixture.pagefind, progress: BuildProgress(.quiet))
        #expect(fixture.read("pagefind/pagefind-entry.json") == "./index.html\n")
    }

    @Test func aFailedRefreshKeepsThePreviousIndex() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("previous", to: "pagefind/pagefind-entry.json")
        try Data("#!/bin/sh\necho 'Error: broken' >&2\nexit 4\n".utf8).write(to: fixture.pagefind)
        await #expect(throws: EnvironmentError.self) {
            try await SearchIndex.refresh(
                output: fixture.output, pagefind: fixture.pagefind, progress: BuildProgress(.quiet))
        }
        #expect(fixture.read("pagefind/pagefind-entry.json") == "previous")
    }

    @Test func carryOverHardLinksTheLiveIndexIntoStaging() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("entry", to: "pagefind/pagefind-entry.json")
        try fixture.write("fragment", to: "pagefind/fragment/a.pf_fragment")
        let staging = fixture.folder.appendingPathComponent(".Site.staging-1")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)

        SearchIndex.carryOver(from: fixture.output, to: staging)

        for path in ["pagefind/pagefind-entry.json", "pagefind/fragment/a.pf_fragment"] {
            let live = try FileManager.default.attributesOfItem(
                atPath: fixture.output.appendingPathComponent(path).path)
            let staged = try FileManager.default.attributesOfItem(atPath: staging.appendingPathComponent(path).path)
            #expect(
                staged[.systemFileNumber] as? Int == live[.systemFileNumber] as? Int,
                "\(path) is the same file, not a copy")
        }
        // Nothing to carry: nothing made.
        let empty = fixture.folder.appendingPathComponent("empty")
        SearchIndex.carryOver(from: fixture.folder.appendingPathComponent("none"), to: empty)
        #expect(!FileManager.default.fileExists(atPath: empty.path))
    }
}
