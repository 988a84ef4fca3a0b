import Foundation

/// Compiles and runs every page program against the built engine, in parallel, through the
/// cache: the `SnippetRunning` a real build plugs in (docs/execution.md).
///
/// ```swift
/// let runner = SnippetRunner(.init(content: "Content", jobs: 2))
/// let options = BuildOptions(plugins: RenderPlugins(highlighter: SyntaxHighlighter(), snippets: runner))
/// ```
public struct SnippetRunner: SnippetRunning {
    public struct Configuration: Sendable {
        /// The content folder (its `data/` is part of every key; `.kdcache` sits beside it).
        public var content: String
        /// Page programs run at once; 0 for the number of cores.
        public var jobs: Int
        /// Ignore cached runs (they are still replaced by this build's).
        public var fresh: Bool
        /// The engine folder (`--engine`), else found as `EngineLibraries.locate` says.
        public var engine: String?
        /// The swiftc to use, else `KDSITE_SWIFTC` or `PATH`.
        public var compiler: String?
        /// The cache folder; nil for `.kdcache` beside the content folder.
        public var cache: String?
        /// Seconds a page program may run when its front matter gives no `timeout`.
        public var defaultTimeout: Int
        /// Bytes of stdout, stderr and records together before a program is stopped.
        public var outputCap: Int

        public init(
            content: String, jobs: Int = 0, fresh: Bool = false, engine: String? = nil, compiler: String? = nil,
            cache: String? = nil, defaultTimeout: Int = 120, outputCap: Int = 32 << 20
        ) {
            self.content = content
            self.jobs = jobs
            self.fresh = fresh
            self.engine = engine
            self.compiler = compiler
            self.cache = cache
            self.defaultTimeout = defaultTimeout
            self.outputCap = outputCap
        }
    }

    public let configuration: Configuration
    /// Cached runs decoded by earlier builds of this runner (`kdsite serve` rebuilds with one
    /// runner); the cache folder stays the source of truth.
    let decoded = DecodedRuns()
    /// The baseline the last `run` made, saved by `outputWritten()`.
    private let pendingBaseline = PendingBaseline()

    /// The snippet cache of the site whose content folder is `content`: `.kdcache` beside it.
    public static func cacheDirectory(content: String) -> String {
        SnippetCache(content: content).directory.path
    }

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// One page's result and how it was obtained, for progress and the summary.
    struct PageResult: Sendable {
        enum Source: Sendable {
            case cached, ran, failed
            /// No block of the page runs (all `norun`).
            case idle
        }
        var outputs: SnippetOutputs
        var snapshot: PageSnapshot?
        var source: Source
        var compileSeconds = 0.0
        var runSeconds = 0.0
        /// When the run shown was made (`ProgramRun.ranAt`); nil when nothing ran.
        var ranAt: String?
    }

    public func run(_ programs: [SnippetProgram], progress: BuildProgress) async throws(EnvironmentError) -> [String:
        SnippetOutputs]
    {
        let clock = ContinuousClock.now
        let context = try await ExecutionContext.make(configuration, decoded: decoded)
        pendingBaseline.set(nil)
        var baseline = DriftBaseline(url: context.cache.baseline, content: configuration.content)
        let jobs = configuration.jobs > 0 ? configuration.jobs : ProcessInfo.processInfo.activeProcessorCount
        let total = programs.count
        var results: [String: PageResult] = [:]
        var pending: [SnippetProgram] = []
        for program in programs {
            if let cached = context.cachedResult(for: program) {
                results[program.pageID] = cached
                report(program.pageID, cached, done: results.count, of: total, progress: progress)
            } else {
                pending.append(program)
            }
        }
        do {
            try await withThrowingTaskGroup(of: (String, PageResult).self) { group in
                var next = 0
                func start() {
                    let program = pending[next]
                    next += 1
                    group.addTask { (program.pageID, try await context.result(for: program, progress: progress)) }
                }
                while next < min(jobs, pending.count) { start() }
                while let (id, result) = try await group.next() {
                    results[id] = result
                    report(id, result, done: results.count, of: total, progress: progress)
                    if next < pending.count { start() }
                }
            }
        } catch let error as EnvironmentError {
            throw error
        } catch {
            throw EnvironmentError("snippets stopped: \(error)")
        }

        var outputs: [String: SnippetOutputs] = [:]
        for program in programs {
            guard var result = results[program.pageID] else { continue }
            if let snapshot = result.snapshot {
                if let old = baseline.pages[program.pageID] {
                    result.outputs.diagnostics += DriftReport.changes(from: old, to: snapshot, program: program)
                }
                baseline.pages[program.pageID] = snapshot
            } else if let old = baseline.pages[program.pageID], result.outputs.values.isEmpty {
                // A failed page keeps citing its last values, so its prose reports only the real error.
                result.outputs.values = old.values.mapValues(\.text)
            }
            outputs[program.pageID] = result.outputs
        }
        pendingBaseline.set(baseline)
        do { try LastBuildLog(results).write(to: context.cache.lastBuild) } catch {
            throw EnvironmentError("cannot write '\(context.cache.lastBuild.path)': \(error.localizedDescription)")
        }
        summarize(results.values, seconds: (ContinuousClock.now - clock).seconds, progress: progress)
        return outputs
    }

    /// Saves the drift baseline of the last run: only a build whose output was written moves
    /// it, so a `check` or a failed build reports the same changes again next time.
    public func outputWritten() throws(EnvironmentError) {
        guard let baseline = pendingBaseline.take() else { return }
        do { try baseline.save() } catch {
            throw EnvironmentError("cannot write '\(baseline.url.path)': \(error.localizedDescription)")
        }
    }

    // MARK: - Progress

    /// On a terminal: a line that stays for each page compiled and run (or failed), a
    /// transient one for each taken from the cache.
    private func report(_ id: String, _ result: PageResult, done: Int, of total: Int, progress: BuildProgress) {
        guard progress.isTerminal else { return }
        switch result.source {
        case .cached:
            progress.status("snippets \(done)/\(total): \(id) cached")
        case .ran:
            progress.log(
                "snippets \(done)/\(total): \(id) compiled in \(Self.format(result.compileSeconds)), ran in \(Self.format(result.runSeconds))"
            )
        case .failed:
            progress.log("snippets \(done)/\(total): \(id) failed")
        case .idle:
            break
        }
    }

    private func summarize(_ results: some Collection<PageResult>, seconds: Double, progress: BuildProgress) {
        guard progress.isTerminal else { return }
        let ran = results.count { $0.source == .ran }, cached = results.count { $0.source == .cached }
        let failed = results.count { $0.source == .failed }
        var parts = ["\(ran) ran", "\(cached) cached"]
        if failed > 0 { parts.append("\(failed) failed") }
        let count = results.count { $0.source != .idle }
        progress.log(
            "snippets: \(count) page program\(count == 1 ? "" : "s"), \(parts.joined(separator: ", ")) in \(Self.format(seconds))"
        )
    }

    static func format(_ seconds: Double) -> String {
        String(format: seconds < 10 ? "%.2f s" : "%.1f s", seconds)
    }
}
