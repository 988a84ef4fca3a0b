import ArgumentParser
import KDSite

/// The flags of commands that run snippets: `--jobs`, `--fresh`, `--engine`.
struct SnippetOptions: ParsableArguments {
    @Option(name: .long, help: "Snippet programs run at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Ignore cached snippet results.")
    var fresh = false

    @Option(
        name: .long,
        help:
            "The folder with the built libKDEngine and libKDNotebook (default: KDSITE_ENGINE_DIR, beside kdsite, the package's .build/release)."
    )
    var engine: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    }

    /// MathML, the highlighter and the snippet runner.
    func plugins(content: String) -> RenderPlugins {
        let runner = SnippetRunner(.init(content: content, jobs: jobs ?? 0, fresh: fresh, engine: engine))
        return RenderPlugins(math: MathMLRenderer(), highlighter: SyntaxHighlighter(), snippets: runner)
    }
}

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one snippet file against the engine and print its outputs (figures saved as SVG beside it).")

    @Argument(help: "The Swift file to run.")
    var file: String

    @Option(name: .long, help: "The folder with the built libKDEngine and libKDNotebook.")
    var engine: String?

    @Option(name: .long, help: "Seconds before the program is stopped (default: no limit).")
    var timeout: Int?

    func run() async throws {
        let outcome: SnippetFile.Outcome
        do {
            outcome = try await SnippetFile(path: file, engine: engine, timeout: timeout).run()
        } catch {
            StandardError.write("error: \(error.message)\n")
            throw ExitCode(2)
        }
        if let message = outcome.message { StandardError.write("error: \(message)\n") }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}
