import Foundation
import Synchronization
import Testing

@testable import KDSite

/// The seam the Execution stage plugs into: what the build hands a `SnippetRunning`, and how
/// what comes back is rendered. The runner here is a test double that records its input and
/// returns fixed outputs.
@Suite("Snippet runner seam")
struct SnippetSeamTests {
    final class RecordingRunner: SnippetRunning {
        let received = Mutex<[SnippetProgram]>([])
        let outputs: [String: SnippetOutputs]
        let failure: EnvironmentError?

        init(outputs: [String: SnippetOutputs] = [:], failure: EnvironmentError? = nil) {
            self.outputs = outputs
            self.failure = failure
        }

        func run(_ programs: [SnippetProgram], progress: BuildProgress) async throws(EnvironmentError) -> [String:
            SnippetOutputs]
        {
            received.withLock { $0 = programs }
            if let failure { throw failure }
            return outputs
        }
    }

    @Test func programsCarryEveryBlockWithItsNumberOptionsAndLine() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let runner = RecordingRunner()
        #expect(try await site.build(write: false, plugins: RenderPlugins(snippets: runner)).succeeded)
        let programs = runner.received.withLock { $0 }
        #expect(programs.map(\.pageID) == ["alpha"], "only pages with swift blocks")
        let alpha = try #require(programs.first)
        #expect(alpha.path == site.path("lessons/01-alpha.md"))
        #expect(alpha.blocks.map(\.number) == [1, 2])
        #expect(alpha.blocks.map(\.code) == ["let x = 1\n", "let y = 2\n"])
        #expect(alpha.blocks.map(\.firstLine) == [34, 38])
        #expect(alpha.blocks.map { $0.fence.has("hidden") } == [false, true])
    }

    @Test func outputsAndValuesAreRendered() async throws {
        let site = try TestSite(files: [
            "lessons/02-beta.md":
                "---\ntitle: Beta {{ kd.alpha.n }}\nsummary: S.\norder: 2\nmap: {label: B}\n---\nAccuracy: {{ kd.alpha.accuracy }}.\n"
        ])
        defer { site.remove() }
        let outputs = SnippetOutputs(
            blocks: [
                1: [.text("x = 1 <b>"), .html("<table class=\"kd-table\"></table>")], 2: [.text("hidden output")],
            ],
            values: ["accuracy": "97.5%", "n": "3"])
        #expect(
            try await site.build(plugins: RenderPlugins(snippets: RecordingRunner(outputs: ["alpha": outputs])))
                .succeeded)
        let alpha = try site.page("lessons/alpha/index.html")
        #expect(
            alpha.contains(
                "let x = 1\n</code></pre></div>\n<figure class=\"kd-output\" data-block=\"1\">\n<pre class=\"text\">x = 1 &lt;b&gt;</pre>\n<table class=\"kd-table\"></table>\n</figure>"
            ))
        #expect(!alpha.contains("hidden output"), "a hidden block shows neither code nor outputs")
        let beta = try site.page("lessons/beta/index.html")
        #expect(beta.contains("<p>Accuracy: 97.5%.</p>"))
        #expect(beta.contains("<h1>Beta 3</h1>"))
    }

    @Test func runnerDiagnosticsFailTheBuild() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let error = Diagnostic(
            .error, "cannot find 'z' in scope",
            at: FileLocation(path: site.path("lessons/01-alpha.md"), line: 35, column: 9))
        let runner = RecordingRunner(outputs: ["alpha": SnippetOutputs(diagnostics: [error])])
        let report = try await site.build(plugins: RenderPlugins(snippets: runner))
        #expect(!report.succeeded)
        #expect(report.diagnostics == [error])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func runnerEnvironmentErrorsAreThrown() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let runner = RecordingRunner(failure: EnvironmentError("no swiftc on PATH"))
        await #expect(throws: EnvironmentError.self) { try await site.build(plugins: RenderPlugins(snippets: runner)) }
    }
}
