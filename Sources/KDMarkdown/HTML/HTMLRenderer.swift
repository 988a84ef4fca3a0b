/// Renders a tree as HTML, the way GitHub renders GFM: every text, code and attribute value
/// escaped; raw HTML blocks and inlines passed through as the author wrote them.
///
/// Hooks let a caller render some nodes its own way; each returns `nil` to fall back to the
/// default below.
///
/// | node | default |
/// | --- | --- |
/// | math | `<code class="math">TeX</code>`; display math as a block in `<div class="math-display">`, inside a paragraph in `<span class="math-display">` |
/// | code block | `<pre><code class="language-X">code</code></pre>` (X: the info string's first word) |
/// | link | `<a href="…" title="…">text</a>` |
/// | heading | `<hN id="slug">`: ``slugify(_:asciiOnly:)`` of its plain text |
/// | table | `<table>` with `<thead>`/`<tbody>`; alignment as `class="align-left|center|right"` (no `style`: pages run under a CSP) |
/// | task item | `<li class="task-list-item">` with a disabled checkbox; its list gets `class="contains-task-list"` |
/// | footnotes | `<sup class="footnote-ref">` links, and a `<section class="footnotes">` at the end with back-references |
///
/// Heading ids are unique within one `render` call: a repeated id gets `-1`, `-2`, … appended,
/// whether the hook or the default made it. A hook that returns `""` leaves the heading without
/// an id.
public struct HTMLRenderer {
    /// Renders a formula: `tex` without delimiters, `display` for `$$…$$` and `\[…\]`.
    public var math: ((_ tex: String, _ display: Bool, _ range: SourceRange?) -> String?)?
    /// Renders a code block: its whole info string and its code.
    public var codeBlock: ((_ info: String, _ literal: String, _ range: SourceRange?) -> String?)?
    /// Renders a link around its already rendered text.
    public var link: ((_ destination: String, _ title: String, _ contentHTML: String) -> String?)?
    /// Names a heading's anchor from its level and plain text.
    public var headingID: ((_ level: Int, _ plainText: String) -> String?)?

    public init() {}

    /// The HTML for `node` and its descendants. A document's footnotes follow it in a section.
    public func render(_ node: Node) -> String {
        var writer = HTMLWriter(hooks: self, root: node)
        writer.render(node)
        writer.finish()
        return String(decoding: writer.out, as: UTF8.self)
    }
}
