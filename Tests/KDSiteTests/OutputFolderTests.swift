import Foundation
import Testing

@testable import KDSite

/// `build` replaces its output folder and `clean` empties it, so neither may touch a folder
/// kdsite did not make: the content folder, anything around or inside it, the current or home
/// folder, or a non-empty folder without the `.kdsite-output` marker.
@Suite("Output folder safety")
struct OutputFolderTests {
    /// Output paths relative to the test site's folder, each of which must be refused.
    @Test(arguments: [
        ("Content", "it is the content folder"),
        ("Content/lessons", "it lies inside the content folder"),
        ("Content/new", "it lies inside the content folder"),
        ("", "it contains the content folder"),
    ])
    func buildRefusesTheContentFolderAndAnythingAroundIt(relative: String, reason: String) async throws {
        let site = try TestSite()
        defer { site.remove() }
        let before = TestSite.snapshot(site.content)
        let output = relative.isEmpty ? site.folder.path : site.folder.appendingPathComponent(relative).path
        let builder = SiteBuilder(options: BuildOptions(content: site.content.path, output: output))
        do {
            _ = try await builder.build()
            Issue.record("the build into '\(relative)' was not refused")
        } catch {
            #expect(error.message.contains("'\(output)'"), "\(error.message)")
            #expect(error.message.contains("\(reason) '\(site.content.path)'"), "\(error.message)")
        }
        #expect(TestSite.snapshot(site.content) == before, "the content folder is untouched")
    }

    @Test(arguments: ["/", NSHomeDirectory(), ".", FileManager.default.currentDirectoryPath + "/.."])
    func rootHomeAndCurrentFolderAreRefused(output: String) throws {
        #expect(throws: EnvironmentError.self) {
            try OutputFolder.check(output: output, content: "/nonexistent/Content")
        }
    }

    @Test func buildRefusesAFolderItDidNotMake() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let precious = site.folder.appendingPathComponent("precious")
        try FileManager.default.createDirectory(at: precious, withIntermediateDirectories: true)
        try Data("thesis\n".utf8).write(to: precious.appendingPathComponent("thesis.txt"))
        let builder = SiteBuilder(options: BuildOptions(content: site.content.path, output: precious.path))
        let error = await #expect(throws: EnvironmentError.self) { try await builder.build() }
        #expect(
            error?.message.hasPrefix(
                "refusing to use '\(precious.path)' as the output folder: it is not empty and has no .kdsite-output file"
            ) == true)
        #expect(TestSite.snapshot(precious) == ["thesis.txt": Data("thesis\n".utf8)])
        #expect(throws: EnvironmentError.self) {
            try Cleaner.clean(output: precious.path, content: site.content.path, cache: "/nonexistent")
        }
        #expect(TestSite.snapshot(precious) == ["thesis.txt": Data("thesis\n".utf8)])
    }

    /// The repository's `Site/` holds only `README.md` in a fresh clone.
    @Test func aFolderHoldingOnlyReadmeIsBuiltIntoAndRebuilt() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("kept\n".utf8).write(to: site.output.appendingPathComponent("README.md"))
        #expect(try await site.build().succeeded)
        let built = TestSite.snapshot(site.output)
        #expect(built["README.md"] == Data("kept\n".utf8))
        #expect(built[OutputFolder.marker] != nil)
        #expect(built["index.html"] != nil)
        #expect(try await site.build().succeeded, "a marked output is replaced")
        try Cleaner.clean(output: site.output.path, content: site.content.path, cache: "/nonexistent")
        #expect(TestSite.snapshot(site.output) == ["README.md": Data("kept\n".utf8)])
        #expect(try await site.build().succeeded, "a cleaned output is built into again")
    }

    /// An output built before the marker existed holds only names a build writes.
    @Test func anOutputFromBeforeTheMarkerIsReplaced() async throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(try await site.build().succeeded)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(OutputFolder.marker))
        #expect(try await site.build().succeeded)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(OutputFolder.marker).path))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(OutputFolder.marker))
        try Data("mine".utf8).write(to: site.output.appendingPathComponent("notes.txt"))
        await #expect(throws: EnvironmentError.self) { try await site.build() }
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notes.txt").path))
    }

    @Test func cleanRefusesTheContentFolder() throws {
        let site = try TestSite()
        defer { site.remove() }
        let before = TestSite.snapshot(site.content)
        #expect(throws: EnvironmentError.self) {
            try Cleaner.clean(output: site.content.path, content: site.content.path, cache: "/nonexistent")
        }
        #expect(TestSite.snapshot(site.content) == before)
    }

    @Test func symbolicLinksAreResolved() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let link = site.folder.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site.content)
        #expect(throws: EnvironmentError.self) { try OutputFolder.check(output: link.path, content: site.content.path) }
        #expect(throws: EnvironmentError.self) {
            try OutputFolder.check(output: link.path + "/lessons", content: site.content.path)
        }
    }
}
