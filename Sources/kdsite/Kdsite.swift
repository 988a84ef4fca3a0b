import ArgumentParser
import KDSite

/// `kdsite`: flags in, KDSite calls out. Exit status 0 when all is well, 1 for content
/// errors, 2 for usage or environment problems.
@main
struct Kdsite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kdsite",
        abstract: "Build executable courses from Markdown.",
        discussion:
            "Errors are printed as path:line:col: error: message. Exit status: 0 ok, 1 content errors, 2 usage or environment.",
        subcommands: [
            BuildCommand.self, CheckCommand.self, RunCommand.self, ServeCommand.self, NewCommand.self,
            CleanCommand.self,
        ])

    /// Like ArgumentParser's, but a usage error exits with 2 rather than 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

/// The folders every command works on.
struct FolderOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content = "Content"

    @Option(name: .long, help: "The output folder.")
    var out = "Site"
}
