import Hummingbird
import KDSite
import Logging

/// `kdsite serve`: builds the site, serves the output folder over HTTP, watches the content
/// folder, rebuilds on every change and reloads open pages (docs/serve.md).
///
/// ```swift
/// let options = BuildOptions(content: "Content", output: "Site")
/// let server = DevServer(.init(build: options), report: ServeConsole().print)
/// try await server.runUntilInterrupted()   // Ctrl-C stops it
/// ```
public struct DevServer: Sendable {
    public struct Configuration: Sendable {
        /// What each build does (content and output folders, snippet runner).
        public var build: BuildOptions
        /// The first build, when it differs from the rest (`--fresh`: ignore the snippet cache once).
        public var firstBuild: BuildOptions?
        /// Loopback unless the author asks otherwise.
        public var host: String
        /// 0 for any free port (`ServeEvent.listening` tells which).
        public var port: Int
        public var watch: WatchMode
        /// No change for this long ends a burst of saves.
        public var quiet: Duration
        /// A burst of saves never delays a rebuild longer than this.
        public var limit: Duration
        /// When stopping, end any child process still running (`ChildProcesses`). Only for a
        /// process that is the server alone (the command line), never inside a test runner.
        public var stopsChildProcesses: Bool
        /// Build progress on the terminal.
        public var progress: BuildProgress

        public init(
            build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, watch: WatchMode = .automatic,
            quiet: Duration = .milliseconds(30), limit: Duration = .milliseconds(300),
            stopsChildProcesses: Bool = false,
            progress: BuildProgress = BuildProgress(.quiet)
        ) {
            self.build = build
            self.host = host
            self.port = port
            self.watch = watch
            self.quiet = quiet
            self.limit = limit
            self.stopsChildProcesses = stopsChildProcesses
            self.progress = progress
        }

        /// Whether `host` is reachable from this machine only.
        public var isLoopback: Bool {
            host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }
    }

    public let configuration: Configuration
    /// The live-reload channel; its state is what open pages are told.
    public let hub = ReloadHub()
    let report: @Sendable (ServeEvent) -> Void

    public init(_ configuration: Configuration, report: @escaping @Sendable (ServeEvent) -> Void) {
        self.configuration = configuration
        self.report = report
    }

    /// Builds, serves and watches until the task is cancelled. Throws when the server
    /// cannot listen or the first build cannot run.
    public func run() async throws(EnvironmentError) {
        let config = configuration
        if !config.isLoopback {
            report(
                .warning(
                    "--host \(config.host) lets every machine that can reach this one read the site being served; "
                        + "kdsite serve is a development server, use it on trusted networks only"))
        }
        let loop = BuildLoop(
            options: config.build, firstOptions: config.firstBuild ?? config.build, hub: hub, watch: config.watch,
            quiet: config.quiet, limit: config.limit, progress: config.progress, report: report)
        let app = makeApplication()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.run() }
                group.addTask { try await loop.run() }
                // Either ending (an error, or cancellation) ends both.
                defer { group.cancelAll() }
                _ = try await group.next()
            }
        } catch let error as EnvironmentError {
            hub.finish()
            throw error
        } catch {
            hub.finish()
            if Task.isCancelled { return }
            throw Self.listenError(error, host: config.host, port: config.port)
        }
        hub.finish()
    }

    /// The Hummingbird application: `DevResponder` on the configured address. Public for
    /// tests (Hummingbird's testing client) and benchmarks.
    public func makeApplication() -> some ApplicationProtocol {
        let config = configuration
        var logger = Logger(label: "kdsite.serve")
        logger.logLevel = .critical
        let report = self.report
        return Application(
            responder: DevResponder(output: config.build.output, hub: hub),
            configuration: ApplicationConfiguration(address: .hostname(config.host, port: config.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? config.port
                let host = config.host.contains(":") ? "[\(config.host)]" : config.host
                report(.listening(url: "http://\(host):\(port)/", port: port))
            },
            logger: logger
        )
    }

    private static func listenError(_ error: any Error, host: String, port: Int) -> EnvironmentError {
        let text = String(describing: error)
        if text.contains("Address already in use") {
            return EnvironmentError(
                "cannot listen on \(host):\(port): the port is in use; pass --port with another one, or --port 0 for any free port"
            )
        }
        return EnvironmentError("cannot listen on \(host):\(port): \(text)")
    }
}
