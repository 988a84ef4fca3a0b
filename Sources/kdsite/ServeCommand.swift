import ArgumentParser
import KDServe
import KDSite

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site on this machine, rebuild on every edit and reload open pages.",
        discussion:
            "Loopback only unless --host says otherwise. A failed rebuild keeps the last good site and shows its errors on every open page. Ctrl-C stops."
    )

    @OptionGroup var folders: FolderOptions

    @Option(name: .long, help: "The port to listen on (0 for any free one).")
    var port = 8000

    @Option(name: .long, help: "The address to listen on; 0.0.0.0 exposes the site to the network.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Watch by polling every N milliseconds instead of inotify (network file systems).")
    var poll: Int?

    @OptionGroup var snippets: SnippetOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        if let poll, poll < 10 { throw ValidationError("--poll must be at least 10 milliseconds, not \(poll)") }
    }

    func run() async throws {
        // `--fresh` is for the first build; rebuilds use the cache it fills.
        var cached = snippets
        cached.fresh = false
        let build = BuildOptions(
            content: folders.content, output: folders.out, write: true, jobs: snippets.jobs ?? 0,
            plugins: cached.plugins(content: folders.content))
        let watch: WatchMode = poll.map { .polling(interval: .milliseconds($0)) } ?? .automatic
        var configuration = DevServer.Configuration(
            build: build, host: host, port: port, watch: watch,
            stopsChildProcesses: true, progress: BuildProgress())
        if snippets.fresh {
            configuration.firstBuild = BuildOptions(
                content: folders.content, output: folders.out, write: true, jobs: snippets.jobs ?? 0,
                fresh: true, plugins: snippets.plugins(content: folders.content))
        }
        let console = ServeConsole(output: folders.out)
        do {
            try await DevServer(configuration, report: { console.print($0) }).runUntilInterrupted()
        } catch {
            StandardError.write("error: \(error.message)\n")
            throw ExitCode(2)
        }
    }
}
