/// TeX → HTML for math spans (KDMath's MathML, once it lands). Without one, math renders
/// as KDMarkdown's default, escaped TeX in `<code class="math">`.
public protocol MathRendering: Sendable {
    /// MathML (or any HTML) for `tex`. Throw for TeX the reader would see broken; the error's
    /// description becomes the diagnostic at the formula's position.
    func render(tex: String, display: Bool) throws -> String
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

    public init(math: (any MathRendering)? = nil, highlighter: (any CodeHighlighting)? = nil, snippets: (any SnippetRunning)? = nil) {
        self.math = math
        self.highlighter = highlighter
        self.snippets = snippets
    }
}
