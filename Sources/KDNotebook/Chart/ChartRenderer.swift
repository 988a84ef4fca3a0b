/// Draws a `Chart` as SVG. One renderer per drawing: `ChartRenderer.figure(chart, id:)`.
///
/// Layout, top to bottom: the title, the legend (two or more series), the plot with
/// horizontal grid lines at the y ticks, x tick labels, then the x axis title; the y axis
/// title runs up the left edge. Margins are computed from estimated label widths so labels
/// never overlap the plot or each other; category labels that do not fit their band are
/// rotated.
struct ChartRenderer {
    static let pad = 16.0

    let chart: Chart
    let id: String
    let width: Double
    var height: Double

    static func figure(_ chart: Chart, id: String) -> Figure {
        precondition(chart.width >= 200, "chart '\(chart.title)': width \(chart.width) is below 200")
        var renderer = ChartRenderer(chart: chart, id: id, width: chart.width, height: chart.height ?? 360)
        let summary = chart.summary ?? ChartSummary.text(for: chart)
        var body = SVGWriter()
        switch chart.kind {
        case .heatmap: renderer.drawHeatmap(into: &body)
        case .line, .scatter, .bar, .groupedBar: renderer.drawCartesian(into: &body)
        }
        var root = SVGWriter()
        Figure.openRoot(
            &root, id: id, kind: "chart-\(chart.kind.rawValue)", width: renderer.width,
            height: renderer.height, title: chart.title, summary: summary)
        let markup = root.markup + body.finish() + "</svg>"
        return Figure(
            kind: Figure.Kind(rawValue: chart.kind.rawValue) ?? .line, title: chart.title,
            summary: summary, svg: markup)
    }

    // MARK: - Header

    /// Draws the title and, for two or more series, the legend; returns the y below them.
    func drawHeader(into svg: inout SVGWriter, legend: [String], swatch: LegendSwatch) -> Double {
        let pad = Self.pad
        svg.element(
            "text",
            [
                ("x", svgNumber(pad)), ("y", svgNumber(pad + ChartStyle.titleSize)),
            ] + ChartStyle.font(.title, colour: ChartStyle.text, weight: "600"), text: chart.title)
        var bottom = pad + ChartStyle.titleSize + 8
        guard legend.count > 1 else { return bottom }
        let layout = LegendLayout(names: legend, maxWidth: width - 2 * pad)
        svg.open("g", [("class", "kd-legend"), ("aria-hidden", "true")])
        for entry in layout.entries {
            let x = pad + entry.x
            let cy = bottom + 10 + Double(entry.row) * LegendLayout.rowHeight
            drawSwatch(into: &svg, swatch, series: entry.index, x: x, cy: cy)
            svg.element(
                "text",
                [
                    ("x", svgNumber(x + LegendLayout.swatchWidth + 6)), ("y", svgNumber(cy)), ("dy", "0.35em"),
                ] + ChartStyle.font(.tick, colour: ChartStyle.text), text: entry.name)
        }
        svg.close()
        bottom += layout.height + 4
        return bottom
    }

    enum LegendSwatch { case line(markers: Bool), box, dot }

    func drawSwatch(into svg: inout SVGWriter, _ swatch: LegendSwatch, series: Int, x: Double, cy: Double) {
        let colour = ChartStyle.series(series)
        switch swatch {
        case .line(let markers):
            let dash = ChartStyle.dashes[series % ChartStyle.dashes.count]
            svg.element(
                "line",
                [
                    ("x1", svgNumber(x)), ("y1", svgNumber(cy)), ("x2", svgNumber(x + LegendLayout.swatchWidth)),
                    ("y2", svgNumber(cy)),
                ] + ChartStyle.paint(stroke: colour) + [("stroke-width", "2.5")]
                    + (dash.isEmpty ? [] : [("stroke-dasharray", dash)]))
            if markers {
                svg.element(
                    "circle",
                    [("cx", svgNumber(x + LegendLayout.swatchWidth / 2)), ("cy", svgNumber(cy)), ("r", "3")]
                        + ChartStyle.paint(fill: colour))
            }
        case .box:
            svg.element(
                "rect",
                [
                    ("x", svgNumber(x + 4)), ("y", svgNumber(cy - 5)), ("width", "10"), ("height", "10"),
                    ("rx", "2"),
                ] + ChartStyle.paint(fill: colour))
        case .dot:
            svg.element(
                "circle",
                [("cx", svgNumber(x + 9)), ("cy", svgNumber(cy)), ("r", "4.5")] + ChartStyle.paint(fill: colour))
        }
    }

    // MARK: - Text helpers

    /// Text of `kind`, drawn at `size` when that is given (smaller than the kind's size).
    func text(
        into svg: inout SVGWriter, _ string: String, x: Double, y: Double, kind: ChartStyle.TextKind = .tick,
        size: Double? = nil, anchor: String = "middle", colour: ChartStyle.Paint = ChartStyle.muted,
        weight: String? = nil, rotate: Double? = nil, dy: String? = "0.35em"
    ) {
        var attributes = [("x", svgNumber(x)), ("y", svgNumber(y))]
        if let dy { attributes.append(("dy", dy)) }
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let rotate {
            attributes.append(("transform", "rotate(\(svgNumber(rotate)) \(svgNumber(x)) \(svgNumber(y)))"))
        }
        attributes += ChartStyle.font(kind, size: size, colour: colour, weight: weight)
        svg.element("text", attributes, text: string)
    }

    /// `label` cut to `limit` characters with an ellipsis.
    static func shortened(_ label: String, limit: Int = 22) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }
}
