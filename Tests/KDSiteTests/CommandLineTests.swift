import Foundation
import Testing

/// The built `kdsite` binary, run as a subprocess: exit status 0 when all is well, 1 for
/// content errors, 2 for usage or environment problems.
@Suite("kdsite exit codes")
struct CommandLineTests {
    struct Result {
        var status: Int32
        var stderr: String
        var stdout: String
    }

    /// `kdsite` sits next to the test bundle in the build folder (`swift test` builds it).
    static var binary: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("kdsite")
    }

    func run(_ arguments: [String], in folder: URL) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = folder.appendingPathComponent("stdout.txt"), err = folder.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    @Test func binaryIsBuilt() {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.binary.path),
            "build the kdsite product: swift build --product kdsite")
    }

    @Test func buildSucceedsWithZero() throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try run(["build"], in: site.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("built 8 pages into Site in "))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func contentErrorsExitWithOneAndNameTheirPosition() throws {
        let site = try TestSite(files: [
            "lessons/02-beta.md": "---\ntitle: B\nsummary: S.\norder: 2\nmap: {label: B, requires: [gamma]}\n---\n"
        ])
        defer { site.remove() }
        let result = try run(["build", "--content", "Content", "--out", "Out"], in: site.folder)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("Content/lessons/02-beta.md:5:28: error: unknown lesson 'gamma' in map.requires\n"))
        #expect(result.stderr.hasSuffix("1 error in 1 file; Out was not changed\n"))
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("Out").path))
    }

    @Test func checkReportsWithoutWriting() throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try run(["check"], in: site.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("checked 8 pages in "))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test(arguments: [
        ["build", "--content", "NoSuchFolder"],
        ["build", "--bogus"],
        ["frobnicate"],
        ["build", "--jobs", "0"],
        ["new", "chapter", "x"],
    ])
    func usageAndEnvironmentProblemsExitWithTwo(arguments: [String]) throws {
        let site = try TestSite()
        defer { site.remove() }
        let result = try run(arguments, in: site.folder)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func newLessonBuildsAsItIs() throws {
        let site = try TestSite()
        defer { site.remove() }
        let created = try run(["new", "lesson", "Weight sharing"], in: site.folder)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "created Content/lessons/03-weight-sharing.md\n")
        let lesson = try String(
            contentsOf: site.content.appendingPathComponent("lessons/03-weight-sharing.md"), encoding: .utf8)
        #expect(lesson.contains("title: \"Weight sharing\"\n"))
        #expect(lesson.contains("requires: [beta]"))
        let term = try run(["new", "term", "logits"], in: site.folder)
        #expect(term.status == 0, "\(term.stderr)")
        let built = try run(["build"], in: site.folder)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: site.output.appendingPathComponent("lessons/weight-sharing/index.html").path))
        let again = try run(["new", "lesson", "weight-sharing"], in: site.folder)
        #expect(again.status == 2)
    }

    @Test func newFileNamesKeepOnlyASCII() throws {
        let site = try TestSite()
        defer { site.remove() }
        let term = try run(["new", "term", "Softmax α"], in: site.folder)
        #expect(term.stdout == "created Content/glossary/softmax.md\n", "\(term.stderr)")
        let none = try run(["new", "lesson", "知识 蒸馏"], in: site.folder)
        #expect(none.status == 2)
        #expect(
            none.stderr.contains("'知识 蒸馏' makes no slug; use ASCII letters or digits (they name the file)"),
            "\(none.stderr)")
    }

    @Test func cleanRemovesTheOutputButItsReadme() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(try run(["build"], in: site.folder).status == 0)
        try Data("keep\n".utf8).write(to: site.output.appendingPathComponent("README.md"))
        let result = try run(["clean"], in: site.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.output.path) == ["README.md"])
    }

    @Test(arguments: [
        ["build", "--content", "Content", "--out", "Content"], ["clean", "--content", "Content", "--out", "Content"],
        ["build", "--out", "Content/lessons"], ["build", "--out", "."],
    ])
    func anOutputThatWouldDeleteTheContentExitsWithTwo(arguments: [String]) throws {
        let site = try TestSite()
        defer { site.remove() }
        let before = TestSite.snapshot(site.content)
        let result = try run(arguments, in: site.folder)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(
            result.stderr.hasPrefix("error: refusing to use '\(arguments.last ?? "")' as the output folder: "),
            "\(result.stderr)")
        #expect(TestSite.snapshot(site.content) == before)
    }
}
