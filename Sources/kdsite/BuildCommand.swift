import ArgumentParser
import KDSite

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Render the content folder into the output folder.")

    @OptionGroup var folders: FolderOptions
    @OptionGroup var snippets: SnippetOptions

    func run() async throws {
        let options = BuildOptions(
            content: folders.content, output: folders.out, write: true, jobs: snippets.jobs ?? 0,
            fresh: snippets.fresh, plugins: snippets.plugins(content: folders.content))
        try await runBuild(options, verb: "built")
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Build without writing: report every problem in the content.")

    @OptionGroup var folders: FolderOptions
    @OptionGroup var snippets: SnippetOptions

    func run() async throws {
        let options = BuildOptions(
            content: folders.content, output: folders.out, write: false, jobs: snippets.jobs ?? 0,
            fresh: snippets.fresh, plugins: snippets.plugins(content: folders.content))
        try await runBuild(options, verb: "checked")
    }
}

/// Runs a build, prints its diagnostics and a one-line summary on stderr, and turns the
/// outcome into the exit status.
func runBuild(_ options: BuildOptions, verb: String) async throws {
    let progress = BuildProgress()
    let report: BuildReport
    do {
        report = try await SiteBuilder(options: options, progress: progress).build()
    } catch {
        StandardError.write("error: \(error.message)\n")
        throw ExitCode(2)
    }
    DiagnosticPrinter().print(report.diagnostics)
    let time = String(format: "%.2f s", report.seconds)
    let warnings =
        report.warningCount == 0 ? "" : ", \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
    if report.succeeded {
        let target = options.write ? " into \(options.output)" : ""
        StandardError.write("\(verb) \(report.pages) pages\(target) in \(time)\(warnings)\n")
    } else {
        let files = Set(report.diagnostics.filter { $0.severity == .error }.map(\.location.path)).count
        let untouched = options.write ? "; \(options.output) was not changed" : ""
        StandardError.write(
            "\(report.errorCount) error\(report.errorCount == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")\(warnings)\(untouched)\n"
        )
        throw ExitCode(1)
    }
}
