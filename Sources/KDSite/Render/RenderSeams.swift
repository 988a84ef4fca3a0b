/// TeX → HTML for math spans (KDMath's MathML, once it lands). Without one, math renders
/// as KDMarkdown's default, escaped TeX in `<code class="math">`.
public protocol MathRendering: Sendable {
    /// MathML (or any HTML) for `tex`. Throw for TeX the reader would see broken; the error's
    /// description becomes the diagnostic at the formula's position.
    func render(tex: String, display: Bool) throws -> String
}

/// A math error that knows where in the TeX it is (1-based line, column in UTF-8 bytes), so
/// the diagnostic points at the offending character in the Markdown file.
public struct MathRenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { message }
}

/// Syntax highlighting of code blocks (a Swift tokenizer, in `Sources/KDSite/Highlight/`).
public protocol CodeHighlighting: Sendable {
    /// The inside of `<code>` for `code`: every character HTML-escaped, tokens wrapped in
    /// `<span class="…">`; nil when `language` is not one it knows (the code is then escaped
    /// and shown plain).
    func highlight(_ code: String, language: String) -> String?
}

/// The optional parts a build plugs in; each may be nil, and the site still builds.
public struct RenderPlugins: Sendable {
    public var math: (any MathRendering)?
    public var highlighter: (any CodeHighlighting)?
    public var snippets: (any SnippetRunning)?

    public init(
        math: (any MathRendering)? = nil, highlighter: (any CodeHighlighting)? = nil,
        snippets: (any SnippetRunning)? = nil
    ) {
        self.math = math
        self.highlighter = highlighter
        self.snippets = snippets
    }

    /// What `kdsite build` uses: MathML from KDMath, highlighting from KDHighlight. (The
    /// snippet runner is added by the command, which knows `--jobs` and `--fresh`.)
    public static var standard: RenderPlugins {
        RenderPlugins(math: MathMLRenderer(), highlighter: SyntaxHighlighter())
    }
}
