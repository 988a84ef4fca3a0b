import KDSite

/// What `kdsite serve` tells its author, in order: where it listens, each build started and
/// how it ended. `ServeConsole` prints them; tests and benchmarks observe them.
public enum ServeEvent: Sendable {
    /// The server accepts connections at `url` (`http://127.0.0.1:8000/`).
    case listening(url: String, port: Int)
    /// Something the author should know that is not a build result (a watch fallback, a
    /// server reachable from other machines).
    case warning(String)
    /// A build starts; `changes` are the content-relative paths that triggered it (empty for
    /// the first build).
    case building(changes: [String])
    /// A build succeeded and its output replaced the output folder.
    case built(BuildReport, changes: [String])
    /// The search index of the last build was made and swapped in, `seconds` after its pages
    /// (`SearchIndexing.afterSwap`).
    case searchIndexed(seconds: Double)
    /// A build failed on the content; the output folder is as it was.
    case failed(BuildReport, changes: [String])
    /// A build could not run (no swiftc, the content folder gone); the output is as it was.
    case environmentProblem(String)
    /// Ctrl-C: stopping the build and the server.
    case stopping
}
