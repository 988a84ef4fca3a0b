/// A drawing a snippet showed: an SVG element ready to inline in a page (or save as a file),
/// with its title and the text description screen readers get (also inside the SVG as
/// `<title>` and `<desc>`, referenced by `aria-labelledby`, with `role="img"`).
public struct Figure: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case line, bar, groupedBar, heatmap, scatter, distribution, digit, digits
    }

    public var kind: Kind
    public var title: String
    public var summary: String
    /// A complete `<svg xmlns="http://www.w3.org/2000/svg" …>` element, well-formed XML.
    public var svg: String

    public init(kind: Kind, title: String, summary: String, svg: String) {
        self.kind = kind
        self.title = title
        self.summary = summary
        self.svg = svg
    }
}

extension Figure {
    /// Opens the `<svg>` root every figure shares: responsive (`viewBox`, `width="100%"`, or
    /// `width` = `maxWidth` px for a figure that should not grow past it; the theme gives
    /// `svg.kd-figure` `max-width: 100%` and `height: auto`), labelled for assistive
    /// technology, with its `<title>` and `<desc>`. Close it with `svg.close()`. `id` prefixes
    /// every id inside the drawing.
    static func openRoot(
        _ svg: inout SVGWriter, id: String, kind: String, width: Double, height: Double,
        title: String, summary: String, maxWidth: Double? = nil
    ) {
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"),
                ("width", maxWidth.map(svgNumber) ?? "100%"),
                ("role", "img"),
                ("aria-labelledby", "\(id)-title \(id)-desc"),
                ("class", "kd-figure kd-\(kind)"),
                ("font-family", ChartStyle.font),
            ])
        svg.element("title", [("id", "\(id)-title")], text: title)
        svg.element("desc", [("id", "\(id)-desc")], text: summary)
    }

    /// A stable, page-unique id for a figure: the notebook's sequence number and a hash of
    /// what it shows (FNV-1a), so two runs of the same program give the same ids.
    static func identifier(sequence: Int, content: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in content.utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash & 0xFF_FFFF, radix: 16)
        return "kdf\(sequence)-" + String(repeating: "0", count: 6 - hex.count) + hex
    }
}
