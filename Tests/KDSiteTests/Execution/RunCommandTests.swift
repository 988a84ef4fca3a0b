import Foundation
import Testing

@testable import KDSite

/// `kdsite run FILE.swift` and the snippet flags, through the built binary: outputs for a
/// person on stdout, figures saved beside the file, compile errors at the file's lines, and
/// exit status 2 when there is no swiftc.
@Suite("kdsite run and snippet flags")
struct RunCommandTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built `kdsite` in `folder`, with `environment` added (a nil value removes it).
    func kdsite(_ arguments: [String], in folder: URL, environment: [String: String?] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env[EngineLibraries.environmentVariable] = try ExecutionTesting.engineDirectory
        for (name, value) in environment { env[name] = value }
        process.environment = env
        let out = folder.appendingPathComponent("stdout.txt"), err = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdsite-run-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("snippets"), withIntermediateDirectories: true)
        return folder
    }

    @Test func runPrintsOutputsAndSavesFiguresBesideTheFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            """
            print("hello from a snippet")
            var sizes = Table("Sizes", columns: [.text("Model"), .number("Size", format: .bytes)])
            sizes.row("student", 3277)
            show(sizes)
            export("answer", 42)
            show(Chart.bar("Two bars", categories: ["a", "b"], values: [1, 2]))

            """.utf8
        ).write(to: folder.appendingPathComponent("snippets/try.swift"))
        let result = try kdsite(["run", "snippets/try.swift"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = folder.appendingPathComponent("snippets/figure-1-two-bars.svg")
        #expect(
            result.stdout.hasPrefix(
                """
                hello from a snippet
                Sizes
                Model      Size
                -------  ------
                student  3.2 KB
                kd.answer = 42
                [figure] Two bars -> \(svg.path)

                """))
        #expect(try String(contentsOf: svg, encoding: .utf8).hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test func runReportsCompileErrorsAtTheFilesLines() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("let teacher = 1\nprint(techer)\n".utf8).write(to: folder.appendingPathComponent("snippets/bad.swift"))
        let result = try kdsite(["run", "snippets/bad.swift"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("snippets/bad.swift:2:7: error: cannot find 'techer' in scope"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("error: snippets/bad.swift did not compile (1 error)\n"))
    }

    @Test func buildWithoutSwiftcExitsWithTwoAndSaysHowToInstallIt() throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        let result = try kdsite(
            ["build", "--jobs", "1"], in: site.folder,
            environment: ["PATH": "/usr/bin:/bin", SwiftCompiler.environmentVariable: nil])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: swiftc is not on PATH: snippets are compiled with Swift 6; install it from https://www.swift.org/install/linux/ (or with swiftly), put its usr/bin on PATH, or set KDSITE_SWIFTC to the swiftc to use\n"
        )
    }

    @Test func engineFlagNamesTheLibraries() throws {
        let site = try ExecutionTesting.site()
        defer { site.remove() }
        let result = try kdsite(["check", "--engine", site.folder.path], in: site.folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: no built engine in '"))
    }
}
