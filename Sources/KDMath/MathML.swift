/// TeX math to MathML Core, at build time, with no JavaScript.
///
/// ```swift
/// let html = try MathML.render(#"p_i = \frac{e^{z_i/T}}{\sum_j e^{z_j/T}}"#, display: true)
/// // <math display="block"><semantics><mrow>…</mrow><annotation encoding="application/x-tex">…
/// ```
///
/// The output uses only MathML Core elements and attributes (what Chromium, Firefox and Safari
/// draw natively), is deterministic, and escapes `&`, `<`, `>` everywhere. It never carries a
/// `style` attribute, which a strict Content-Security-Policy (`style-src 'self'`) blocks: what
/// MathML Core cannot say (cell alignment, rules, boxes, bold text) is a class that
/// `MathML.stylesheet` styles. docs/math.md lists the TeX supported.
public enum MathML {
    /// Converts TeX to a MathML Core `<math>` element (display → `display="block"`), with
    /// `<semantics>` + `<annotation encoding="application/x-tex">` holding the source.
    ///
    /// - Throws: `TeXError` at the offending character for an unknown command or environment,
    ///   an unbalanced brace, a `\left` without `\right`, a stray `&`, a missing argument….
    public static func render(_ tex: String, display: Bool) throws(TeXError) -> String {
        var parser = TeXParser(tex, display: display)
        var body = try parser.parse()
        if let tag = parser.tag { body = tagged(body, label: tag) }
        var writer = MathMLWriter(capacity: 64 + tex.utf8.count * 12)
        writer.raw(display ? "<math display=\"block\"><semantics>" : "<math><semantics>")
        writer.write(body)
        writer.raw("<annotation encoding=\"application/x-tex\">")
        writer.appendEscaped(tex, quotes: false)
        writer.raw("</annotation></semantics></math>")
        return writer.output
    }

    /// The formula centred with its `\tag` label at the right margin, as LaTeX places it: a
    /// full-width table (`kd-tag`) whose two side cells (`kd-tag-side`) are half of it each.
    static func tagged(_ body: MathNode, label: String) -> MathNode {
        let row = MathNode(
            .mtr,
            children: [
                MathNode(.mtd, [.attr("class", "kd-tag-side")]),
                MathNode(.mtd, children: [body]),
                MathNode(.mtd, [.attr("class", "kd-tag-side kd-col-r")], children: [.text(label)]),
            ])
        return MathNode(.mtable, [.attr("displaystyle", "true"), .attr("class", "kd-tag")], children: [row])
    }
}
