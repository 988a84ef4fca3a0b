import ArgumentParser
import KDServe
import KDSite

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site on this machine, rebuild on every edit and reload open pages.",
        discussion: "Loopback only unless --host says otherwise. A failed rebuild keeps the last good site and shows its errors on every open page. Ctrl-C stops.")

    @OptionGroup var folders: FolderOptions

    @Option(name: .long, help: "The port to listen on (0 for any free one).")
    var port = 8000

    @Option(name: .long, help: "The address to listen on; 0.0.0.0 exposes the site to the network.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Watch by polling every N milliseconds instead of inotify (network file systems).")
    var poll: Int?

    @Option(name: .long, help: "Snippet programs run at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Ignore cached snippet results in the first build.")
    var fresh = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        if let poll, poll < 10 { throw ValidationError("--poll must be at least 10 milliseconds, not \(poll)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    }

    func run() async throws {
        let build = BuildOptions(content: folders.content, output: folders.out, write: true, jobs: jobs ?? 0, fresh: fresh)
        let watch: WatchMode = poll.map { .polling(interval: .milliseconds($0)) } ?? .automatic
        let configuration = DevServer.Configuration(build: build, host: host, port: port, watch: watch,
                                                    stopsChildProcesses: true, progress: BuildProgress())
        let console = ServeConsole(output: folders.out)
        do {
            try await DevServer(configuration, report: { console.print($0) }).runUntilInterrupted()
        } catch {
            StandardError.write("error: \(error.message)\n")
            throw ExitCode(2)
        }
    }
}
