import KDHighlight

/// KDHighlight behind the render seam: `RenderPlugins(highlighter: SyntaxHighlighter())`.
///
/// Returns the inside of `<code>`: the highlighted lines joined by `\n` (a final `\n` kept
/// when the code has one), or nil for a language KDHighlight does not colour. Every line's
/// spans are closed on that line, so with `wrapsLines` each line is wrapped whole in
/// `<span class="kd-line" data-line="K">` (K from 1 within the block) for a walkthrough to
/// pick out line ranges.
public struct SyntaxHighlighter: CodeHighlighting {
    public var wrapsLines: Bool

    public init(wrapsLines: Bool = false) {
        self.wrapsLines = wrapsLines
    }

    public func highlight(_ code: String, language: String) -> String? {
        guard Highlighter.supports(language) else { return nil }
        var lines = Highlighter.highlight(code, language: language)
        if wrapsLines {
            lines = lines.enumerated().map {
                "<span class=\"kd-line\" data-line=\"\($0.offset + 1)\">\($0.element)</span>"
            }
        }
        return lines.joined(separator: "\n") + (code.hasSuffix("\n") ? "\n" : "")
    }
}
