/// Markdown parsing: GitHub Flavored Markdown with math.
public enum Markdown {
    /// Parses GFM (tables, strikethrough, autolinks, task lists, footnotes) with math lifted out
    /// first: `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]` display. `_` and `*` inside math are
    /// never emphasis; a `$` in code, escaped as `\$`, or in amounts like "$5 and $10" is text
    /// (an opening `$` needs a non-space after it, a closing one a non-space before it and no
    /// digit after it). A paragraph that is a single display formula becomes a block `.math`.
    ///
    /// Every node's range is in `text`'s own lines and UTF-8 columns (see ``SourceLocation``).
    ///
    /// - Returns: a `.document` node.
    public static func parse(_ text: String) -> Node {
        let lifted = MathLifter.lift(Array(text.utf8))
        var document = CommonMarkConverter.convert(lifted.masked)
        guard !lifted.spans.isEmpty else { return document }
        var restorer = MathRestorer(lifted)
        restorer.restore(&document, lines: 1...Int.max)
        return document
    }
}
