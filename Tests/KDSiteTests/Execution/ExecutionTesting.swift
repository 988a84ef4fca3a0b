import Foundation
import Testing

@testable import KDSite

/// What the execution tests share: the built engine, the fixture sites, a swiftc that counts
/// its compilations, and a build with the real runner plugged in.
///
/// The engine is the package's release build (`make test` runs `swift build -c release`
/// before `swift test`), or the folder in `KDSITE_ENGINE_DIR`. `swift test` alone does not
/// build the dynamic libraries, so without either the tests fail saying how to get them.
enum ExecutionTesting {
    static var engineDirectory: String {
        get throws {
            let folder =
                ProcessInfo.processInfo.environment[EngineLibraries.environmentVariable]
                ?? EngineLibraries.packageRelease.path
            let missing = EngineLibraries.missingFiles(in: URL(fileURLWithPath: folder))
            try #require(
                missing.isEmpty,
                """
                the engine libraries are not built in \(folder) (missing \(missing.joined(separator: ", "))): \
                run 'swift build -c release' first (make test does), or set KDSITE_ENGINE_DIR
                """)
            return folder
        }
    }

    static var fixtures: URL {
        get throws {
            try #require(
                Bundle.module.url(forResource: "ExecutionFixtures", withExtension: nil),
                "the ExecutionFixtures resource is missing")
        }
    }

    /// The execution fixture site (two lessons and a glossary entry with snippets, a data file).
    static func site(files: [String: String?] = [:]) throws -> TestSite {
        try TestSite(base: fixtures.appendingPathComponent("site"), files: files)
    }

    /// A site of one lesson: the failure fixture `name` (`failures/NAME.md`), its markers
    /// removed.
    static func failureSite(_ name: String) throws -> MarkedSite {
        let url = try fixtures.appendingPathComponent("failures/\(name).md")
        return try MarkedSite(
            try String(contentsOf: url, encoding: .utf8), at: "lessons/01-\(name).md", base: nil,
            files: [
                "site.yml": "title: Failure\nsubtitle: one lesson\ndescription: d\nurl: https://example.org/\n"
            ])
    }

    /// The real swiftc on PATH.
    static var swiftc: URL {
        get throws {
            let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
                .map { String($0) + "/swiftc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            return URL(fileURLWithPath: try #require(path, "swiftc is not on PATH"))
        }
    }

    static func runner(_ site: TestSite, compiler: String? = nil, fresh: Bool = false) throws -> SnippetRunner {
        SnippetRunner(
            .init(content: site.content.path, jobs: 2, fresh: fresh, engine: try engineDirectory, compiler: compiler))
    }

    static func plugins(_ runner: SnippetRunner) -> RenderPlugins {
        RenderPlugins(math: MathMLRenderer(), highlighter: SyntaxHighlighter(), snippets: runner)
    }

    static func build(_ site: TestSite, compiler: String? = nil, fresh: Bool = false, write: Bool = true) async throws
        -> BuildReport
    {
        try await site.build(write: write, plugins: plugins(runner(site, compiler: compiler, fresh: fresh)))
    }
}

extension CountingCompiler {
    /// A counting wrapper in `folder` around the real swiftc on PATH.
    init(in folder: URL) throws {
        try self.init(in: folder, realCompiler: ExecutionTesting.swiftc)
    }
}
