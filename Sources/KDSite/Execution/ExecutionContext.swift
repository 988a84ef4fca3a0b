import Foundation

/// What every page program of one build shares: the compiler, the engine, the cache and the
/// key's common part (hashed once per build).
struct ExecutionContext: Sendable {
    let configuration: SnippetRunner.Configuration
    let compiler: SwiftCompiler
    let engine: EngineLibraries
    let cache: SnippetCache
    let keys: SnippetKey
    /// The content folder, absolute.
    let content: URL
    /// Entries decoded by earlier builds.
    let decoded: DecodedRuns

    static func make(_ configuration: SnippetRunner.Configuration, decoded: DecodedRuns = DecodedRuns())
        async throws(EnvironmentError) -> ExecutionContext
    {
        let content = URL(fileURLWithPath: configuration.content).standardizedFileURL
        let cache =
            configuration.cache.map { SnippetCache(directory: URL(fileURLWithPath: $0).standardizedFileURL) }
            ?? SnippetCache(content: configuration.content)
        var memo = FileMemo(store: cache.files)
        let engine = try EngineLibraries.locate(explicit: configuration.engine, memo: &memo)
        let compiler = try await SwiftCompiler.locate(explicit: configuration.compiler, memo: &memo)
        let data = SnippetKey.digest(ofFolder: content.appendingPathComponent("data"), memo: &memo)
        memo.save()
        let keys = SnippetKey(compiler: compiler, engine: engine, dataDigest: data)
        return ExecutionContext(
            configuration: configuration, compiler: compiler, engine: engine, cache: cache, keys: keys,
            content: content,
            decoded: decoded)
    }

    /// The page's outputs when the cache holds an intact run of it (and `--fresh` is off);
    /// nil otherwise, leaving a damaged entry for `result(for:progress:)` to report. Cheap
    /// and synchronous: a no-change rebuild takes every page from here without a task, and
    /// an entry this runner decoded before, whose file is unchanged, is not read again.
    func cachedResult(for program: SnippetProgram) -> SnippetRunner.PageResult? {
        guard program.blocks.contains(where: \.fence.runs) else {
            return SnippetRunner.PageResult(outputs: SnippetOutputs(), snapshot: PageSnapshot(), source: .idle)
        }
        guard !configuration.fresh else { return nil }
        let key = keys.key(for: program)
        // Stamped before reading: a file replaced after this is read again next time.
        guard let stamp = DecodedRuns.Stamp(path: cache.entry(for: key).path) else { return nil }
        if let known = decoded.result(pageID: program.pageID, key: key, stamp: stamp) { return known }
        guard case .hit(let run) = cache.load(key, removingDamaged: false),
            let (outputs, snapshot) = try? run.outputs(for: program)
        else { return nil }
        let result = SnippetRunner.PageResult(
            outputs: outputs, snapshot: snapshot, source: .cached,
            compileSeconds: run.compileSeconds, runSeconds: run.runSeconds, ranAt: run.ranAt)
        decoded.remember(result, pageID: program.pageID, key: key, stamp: stamp)
        return result
    }

    /// The page's outputs: from the cache when a whole entry matches its key (and `--fresh`
    /// is off; checked again, as a page finishing in parallel may have stored the same
    /// blocks), else compiled and run now, and stored when it succeeded.
    func result(for program: SnippetProgram, progress: BuildProgress) async throws(EnvironmentError)
        -> SnippetRunner.PageResult
    {
        guard program.blocks.contains(where: \.fence.runs) else {
            return SnippetRunner.PageResult(outputs: SnippetOutputs(), snapshot: PageSnapshot(), source: .idle)
        }
        let key = keys.key(for: program)
        var notes: [Diagnostic] = []
        if !configuration.fresh {
            switch cache.load(key) {
            case .hit(let run):
                if let (outputs, snapshot) = try? run.outputs(for: program) {
                    return SnippetRunner.PageResult(
                        outputs: outputs, snapshot: snapshot, source: .cached,
                        compileSeconds: run.compileSeconds, runSeconds: run.runSeconds, ranAt: run.ranAt)
                }
                try? FileManager.default.removeItem(at: cache.entry(for: key))
                notes.append(discarded("its records cannot be read", program))
            case .discarded(let reason):
                notes.append(discarded(reason, program))
            case .miss:
                break
            }
        }
        progress.status("compiling \(program.pageID)")
        let execution = ProgramExecution(
            program: program, key: key, compiler: compiler, engine: engine, work: cache.work(for: program.pageID),
            content: content, checkpoints: cache.checkpoints,
            timeLimit: Double(program.timeout ?? configuration.defaultTimeout), outputCap: configuration.outputCap)
        switch try await execution.execute() {
        case .failed(let diagnostics):
            return SnippetRunner.PageResult(
                outputs: SnippetOutputs(diagnostics: notes + diagnostics, succeeded: false), snapshot: nil,
                source: .failed)
        case .ran(let run):
            let made: (outputs: SnippetOutputs, snapshot: PageSnapshot)
            do {
                made = try run.outputs(for: program)
            } catch {
                let at = program.location(line: program.blocks.first?.firstLine ?? 1)
                let failure = Diagnostic(
                    .error,
                    "the snippet program wrote outputs kdsite cannot read (\(error)); is the engine folder from this kdsite's package?",
                    at: at)
                return SnippetRunner.PageResult(
                    outputs: SnippetOutputs(diagnostics: notes + [failure], succeeded: false), snapshot: nil,
                    source: .failed)
            }
            do { try cache.store(run) } catch {
                throw EnvironmentError(
                    "cannot write the snippet cache '\(cache.snippets.path)': \(error.localizedDescription)")
            }
            var outputs = made.outputs
            outputs.diagnostics = notes + outputs.diagnostics
            return SnippetRunner.PageResult(
                outputs: outputs, snapshot: made.snapshot, source: .ran,
                compileSeconds: run.compileSeconds, runSeconds: run.runSeconds, ranAt: run.ranAt)
        }
    }

    /// A warning that a damaged cache entry was thrown away (the page ran again).
    private func discarded(_ reason: String, _ program: SnippetProgram) -> Diagnostic {
        Diagnostic(
            .warning, "discarded the cached run of this page (\(reason)); ran it again",
            at: program.location(line: program.blocks.first?.firstLine ?? 1))
    }
}
