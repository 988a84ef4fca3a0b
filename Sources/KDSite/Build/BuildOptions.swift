/// What to build and how.
public struct BuildOptions: Sendable {
    /// The content folder (`Content`).
    public var content: String
    /// The output folder (`Site`).
    public var output: String
    /// Write the site (`build`), or only report what is wrong (`check`).
    public var write: Bool
    /// Parallel snippet processes, for the runner.
    public var jobs: Int
    /// Ignore cached snippet results.
    public var fresh: Bool
    public var plugins: RenderPlugins

    public init(content: String = "Content", output: String = "Site", write: Bool = true, jobs: Int = 0,
                fresh: Bool = false, plugins: RenderPlugins = RenderPlugins()) {
        self.content = content
        self.output = output
        self.write = write
        self.jobs = jobs
        self.fresh = fresh
        self.plugins = plugins
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    /// Every problem, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// HTML pages rendered.
    public var pages: Int
    /// Files written (0 for a check, or when the build failed).
    public var filesWritten: Int
    public var seconds: Double

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var succeeded: Bool { errorCount == 0 }
}
