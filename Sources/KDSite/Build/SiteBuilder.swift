import Foundation
import KDMarkdown

/// The build, as data flows (DESIGN.md): load and validate `Content/`, parse every page's
/// Markdown, run the snippets (when a runner is plugged in), apply the passes, render through
/// the theme, and — only when nothing is wrong — write into a staging folder that replaces the
/// output in one rename.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    public var progress: BuildProgress
    /// Called after each file is written to the staging folder; a throw aborts the build
    /// there. For tests of the output's atomicity.
    var afterWrite: (@Sendable (String) throws -> Void)?

    public init(options: BuildOptions, progress: BuildProgress = BuildProgress(.quiet)) {
        self.options = options
        self.progress = progress
    }

    /// Builds (or checks). Content problems are returned in the report; throws only for the
    /// environment (a missing content folder, an output that cannot be written).
    public func build() async throws(EnvironmentError) -> BuildReport {
        let clock = ContinuousClock.now
        var diagnostics = DiagnosticList()
        func report(pages: Int = 0, written: Int = 0, searchIndexPending: Bool = false) -> BuildReport {
            progress.clear()
            let elapsed = ContinuousClock.now - clock
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            var result = BuildReport(
                diagnostics: diagnostics.sorted, pages: pages, filesWritten: written, seconds: seconds)
            result.searchIndexPending = searchIndexPending
            return result
        }

        if options.write { try OutputFolder.check(output: options.output, content: options.content) }
        progress.status("loading \(options.content)")
        let (content, loadDiagnostics) = try ContentLoader(root: options.content).load()
        diagnostics.append(contentsOf: loadDiagnostics)
        let theme = Theme.load(from: ContentLoader(root: options.content).join("theme"), diagnostics: &diagnostics)

        progress.status("parsing \(content.allMarkdown.count) pages")
        var pipeline = PagePipeline(content: content)
        pipeline.parseAndCheck(diagnostics: &diagnostics)

        let programs = pipeline.programs.filter { !$0.blocks.isEmpty }
        var outputs: [String: SnippetOutputs] = [:]
        if let runner = options.plugins.snippets, !programs.isEmpty {
            outputs = try await runner.run(programs, progress: progress)
            for result in outputs.values { for d in result.diagnostics { diagnostics.append(d) } }
        }

        let prepared = pipeline.prepare(
            values: SiteContext.values(outputs: outputs, content: content), diagnostics: &diagnostics)
        guard let theme else { return report() }
        progress.status("rendering")
        let pagefind = options.write ? SearchIndex.locate() : nil
        let site = SiteContext(
            content: content, layout: pipeline.layout, theme: theme, plugins: options.plugins, outputs: outputs,
            termSummaries: SiteContext.summaries(of: content.terms, pages: pipeline.parsed),
            search: pagefind != nil)
        let files = SiteRenderer(site: site, pages: prepared).render(diagnostics: &diagnostics)
        let pages = files.count { $0.path.hasSuffix(".html") }

        guard !diagnostics.hasErrors, options.write else { return report(pages: pages) }
        let deferred = options.searchIndex == .afterSwap && pagefind != nil
        try await write(files, pagefind: pagefind)
        if !outputs.isEmpty { try options.plugins.snippets?.outputWritten() }
        return report(pages: pages, written: files.count, searchIndexPending: deferred)
    }

    /// After a build with `SearchIndexing.afterSwap` reported `searchIndexPending`: indexes
    /// the output folder with Pagefind into a folder beside it and swaps that in as its
    /// `pagefind/`. Throws when Pagefind fails; the previous index then stays.
    public func indexForSearch() async throws(EnvironmentError) {
        guard let pagefind = SearchIndex.locate() else { return }
        try await SearchIndex.refresh(
            output: URL(fileURLWithPath: options.output), pagefind: pagefind, progress: progress)
    }

    /// Writes every file into staging, indexes it for search (or, with `.afterSwap`, carries
    /// the previous index over), then swaps it in; on any failure the staging folder is
    /// removed and the previous output stays as it was.
    private func write(_ files: [OutputFile], pagefind: URL?) async throws(EnvironmentError) {
        let staged = try StagedOutput(output: URL(fileURLWithPath: options.output))
        do {
            progress.status("writing \(files.count) files")
            try staged.write(files, afterEach: afterWrite)
            if options.searchIndex == .afterSwap, pagefind != nil {
                SearchIndex.carryOver(from: staged.output, to: staged.staging)
            } else {
                // Without Pagefind this says search is off.
                try await SearchIndex.build(in: staged.staging, pagefind: pagefind, progress: progress)
            }
            try staged.write(Data(OutputFolder.markerText.utf8), to: OutputFolder.marker)
            try staged.commit()
        } catch let error as EnvironmentError {
            staged.discard()
            throw error
        } catch {
            staged.discard()
            throw EnvironmentError("build stopped while writing: \(error)")
        }
    }
}
