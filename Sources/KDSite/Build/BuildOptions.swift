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
    /// When Pagefind indexes the site for search (when it is on `PATH`).
    public var searchIndex: SearchIndexing

    /// When the search index is made.
    public enum SearchIndexing: Sendable {
        /// Over the staged build, before the swap (`kdsite build`): the output folder always
        /// holds pages and their index together.
        case beforeSwap
        /// After the swap (`kdsite serve`), so the pages land a moment sooner: the build
        /// carries the previous index over, reports `searchIndexPending`, and the caller runs
        /// `SiteBuilder.indexForSearch()`, which swaps the new index in. Search lags the pages
        /// until then.
        case afterSwap
    }

    public init(
        content: String = "Content", output: String = "Site", write: Bool = true, jobs: Int = 0,
        fresh: Bool = false, plugins: RenderPlugins = RenderPlugins(), searchIndex: SearchIndexing = .beforeSwap
    ) {
        self.content = content
        self.output = output
        self.write = write
        self.jobs = jobs
        self.fresh = fresh
        self.plugins = plugins
        self.searchIndex = searchIndex
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
    /// The build was swapped in without a fresh search index (`SearchIndexing.afterSwap`):
    /// `SiteBuilder.indexForSearch()` makes it.
    public var searchIndexPending = false

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var succeeded: Bool { errorCount == 0 }
}
