/// The seam between the build and snippet execution (`Sources/KDSite/Execution/`).
///
/// The build hands every lesson's ```` ```swift ```` blocks to a `SnippetRunning` as one
/// `SnippetProgram`, and renders what comes back: each block's outputs in
/// `<figure class="kd-output" data-block=N>` after its code, and the exported values that
/// `{{ kd.name }}` cites. With no runner, blocks render without outputs and every
/// `{{ kd.… }}` is an "unknown value" error, since no value exists.
public protocol SnippetRunning: Sendable {
    /// Runs the programs (in parallel as it sees fit) and returns one result per program,
    /// keyed by `SnippetProgram.pageID`. Problems in snippets (a compile error, a trap, a `fails` block
    /// that did not fail) are returned as diagnostics; throw only for the environment
    /// (no swiftc, no engine library), which makes the command exit with status 2.
    func run(_ programs: [SnippetProgram], progress: BuildProgress) async throws(EnvironmentError) -> [String:
        SnippetOutputs]

    /// Called once the build's output was written, never by `check` nor after a failed
    /// build: the runner may now record what the last `run` produced as the baseline the next
    /// build compares with (the drift report).
    func outputWritten() throws(EnvironmentError)
}

extension SnippetRunning {
    public func outputWritten() throws(EnvironmentError) {}
}

/// One page's swift blocks in document order: notebook semantics, a later block sees an
/// earlier block's declarations. Lessons are the main programs; a glossary entry, the FAQ
/// or a Hacker Space entry with swift blocks is one too.
public struct SnippetProgram: Sendable {
    /// The lesson's slug (`the-teacher`), or `glossary/SLUG`, `faq`, `hackerspace/SLUG`,
    /// `index`: the name `{{ kd.SLUG.name }}` uses for lessons.
    public var pageID: String
    /// The page's file as diagnostics name it (`Content/lessons/02-the-teacher.md`), for
    /// `#sourceLocation(file:line:)`.
    public var path: String
    /// Seconds the program may run (front matter `timeout`), nil for the runner's default.
    public var timeout: Int?
    public var blocks: [SnippetBlock]
}

public struct SnippetBlock: Sendable {
    /// 1-based, counting every ```` ```swift ```` block of the lesson in document order
    /// (`hidden` and `norun` ones included): the `N` of `data-block=N`.
    public var number: Int
    public var code: String
    public var fence: FenceInfo
    /// File line of the code's first line (the line after the opening fence).
    public var firstLine: Int
}

/// What running one lesson produced.
public struct SnippetOutputs: Sendable {
    /// Outputs per block number, in the order the block produced them.
    public var blocks: [Int: [SnippetOutput]]
    /// Values the lesson exported with `export(name, value, format:)`, already formatted:
    /// what `{{ kd.name }}` prints.
    public var values: [String: String]
    public var diagnostics: [Diagnostic]
    /// False when the program failed (its diagnostics say why): a value its page cites is
    /// then not also reported as unknown.
    public var succeeded: Bool

    public init(
        blocks: [Int: [SnippetOutput]] = [:], values: [String: String] = [:], diagnostics: [Diagnostic] = [],
        succeeded: Bool = true
    ) {
        self.blocks = blocks
        self.values = values
        self.diagnostics = diagnostics
        self.succeeded = succeeded
    }
}

/// One output under a block.
public enum SnippetOutput: Hashable, Sendable {
    /// `print(…)` text, shown escaped in a `<pre>`.
    case text(String)
    /// Markup made by KDNotebook (a table, an SVG chart, a widget's element), inserted as is.
    case html(String)
    /// A compile error or a trap, shown as the reader would see it (a `fails` block's error).
    case failure(String)
}
