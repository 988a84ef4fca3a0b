/// Heatmaps: square cells shaded by value, row labels on the left, column labels below, and
/// a colour scale on the right. All-positive values shade from transparent to the heat colour;
/// values of both signs use a diverging scale, negative in `--kd-chart-heat-negative`,
/// centred on zero. A cell's opacity is 0.04 + 0.96·t for t = |v| / max|v| (or (v − min) /
/// (max − min) when the values do not start at zero).
extension ChartRenderer {
    mutating func drawHeatmap(into svg: inout SVGWriter) {
        let pad = Self.pad
        let rows = chart.rowLabels.count
        let columns = chart.categories.count
        let values = chart.grid.flatMap { $0 }.filter(\.isFinite)
        let shade = HeatShade(values: values)
        let top = drawHeader(into: &svg, legend: [], swatch: .box) + 6

        let yTitleWidth = chart.y.title == nil ? 0.0 : 22
        let rowLabelWidth =
            (chart.rowLabels.map { ChartStyle.textWidth(Self.shortened($0), size: ChartStyle.tickSize) }.max() ?? 0) + 8
        let scaleWidth = 64.0
        let left = pad + yTitleWidth + rowLabelWidth
        let available = width - left - pad - scaleWidth
        let cell = max(4, min(available / Double(max(columns, 1)), 44))
        let gridBottom = top + cell * Double(rows)
        let widestColumn =
            chart.categories.map { ChartStyle.textWidth(Self.shortened($0), size: ChartStyle.tickSize) }.max() ?? 0
        let rotated = widestColumn > cell - 4
        let columnBand = rotated ? 14 + min(widestColumn, 150) * 0.7 : 22
        let xTitleHeight = chart.x.title == nil ? 0.0 : 24
        height = chart.height ?? (gridBottom + columnBand + xTitleHeight + pad)

        let format = valueFormat(for: values, fractionDigits: 1)
        let fontSize = min(ChartStyle.valueSize, cell * 0.36)
        let cellTexts = chart.grid.map { $0.map(format) }
        let writeValues =
            chart.showsValues && fontSize >= 7
            && cellTexts.joined().allSatisfy { ChartStyle.textWidth($0, size: fontSize) <= cell - 4 }

        svg.open("g", [("class", "kd-marks")])
        for (r, row) in chart.grid.enumerated() {
            for (c, value) in row.enumerated() {
                let x = left + cell * Double(c)
                let y = top + cell * Double(r)
                svg.element(
                    "rect",
                    [
                        ("x", svgNumber(x + 0.5)), ("y", svgNumber(y + 0.5)), ("width", svgNumber(cell - 1)),
                        ("height", svgNumber(cell - 1)),
                    ] + shade.paint(value))
                if writeValues && value.isFinite {
                    text(
                        into: &svg, cellTexts[r][c], x: x + cell / 2, y: y + cell / 2, kind: .value, size: fontSize,
                        colour: shade.isStrong(value)
                            ? ChartStyle.heatText : value == 0 ? ChartStyle.muted : ChartStyle.text)
                }
            }
        }
        svg.close()

        svg.open("g", [("class", "kd-axis"), ("aria-hidden", "true")])
        for (r, label) in chart.rowLabels.enumerated() {
            text(into: &svg, Self.shortened(label), x: left - 8, y: top + cell * (Double(r) + 0.5), anchor: "end")
        }
        for (c, label) in chart.categories.enumerated() {
            let x = left + cell * (Double(c) + 0.5)
            if rotated {
                text(into: &svg, Self.shortened(label), x: x + 4, y: gridBottom + 10, anchor: "end", rotate: -45)
            } else {
                text(into: &svg, Self.shortened(label), x: x, y: gridBottom + 14)
            }
        }
        svg.close()
        if let title = chart.x.title {
            text(
                into: &svg, title, x: left + cell * Double(columns) / 2, y: height - pad - 4,
                kind: .label, colour: ChartStyle.text, dy: nil)
        }
        if let title = chart.y.title {
            text(
                into: &svg, title, x: pad + 4, y: top + cell * Double(rows) / 2, kind: .label,
                colour: ChartStyle.text, rotate: -90, dy: "0.7em")
        }
        drawHeatScale(
            into: &svg, shade: shade, x: left + cell * Double(columns) + 20, top: top,
            height: max(cell * Double(rows), 60), format: format)
    }

    private func drawHeatScale(
        into svg: inout SVGWriter, shade: HeatShade, x: Double, top: Double, height: Double,
        format: (Double) -> String
    ) {
        svg.open("g", [("class", "kd-scale"), ("aria-hidden", "true")])
        svg.open("defs")
        svg.open("linearGradient", [("id", "\(id)-scale"), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
        for (offset, value) in shade.gradientStops {
            svg.element("stop", [("offset", svgNumber(offset))] + shade.stop(value))
        }
        svg.close()
        svg.close()
        svg.element(
            "rect",
            [("x", svgNumber(x)), ("y", svgNumber(top)), ("width", "12"), ("height", svgNumber(height))]
                + ChartStyle.paint(stroke: ChartStyle.grid).filter { $0.0 != "fill" } + [("fill", "url(#\(id)-scale)")])
        for (offset, value) in shade.gradientStops {
            text(into: &svg, format(value), x: x + 18, y: top + height * (1 - offset), anchor: "start")
        }
        svg.close()
    }
}

/// Maps heatmap values to fills.
struct HeatShade {
    let lower: Double
    let upper: Double
    let diverging: Bool

    init(values: [Double]) {
        let lo = values.min() ?? 0
        let hi = values.max() ?? 1
        diverging = lo < 0 && hi > 0
        if diverging {
            let m = max(-lo, hi)
            lower = -m
            upper = m
        } else if lo >= 0 {
            lower = 0
            upper = hi > 0 ? hi : 1
        } else {
            lower = lo
            upper = 0
        }
    }

    /// t in [0, 1]: how strongly a value is shaded.
    func strength(_ v: Double) -> Double {
        if diverging { return min(abs(v) / upper, 1) }
        if upper > 0 { return min(max((v - lower) / (upper - lower), 0), 1) }
        return min(max((upper - v) / (upper - lower), 0), 1)
    }

    func colour(_ v: Double) -> ChartStyle.Paint { v < 0 ? ChartStyle.heatNegative : ChartStyle.heat }

    /// A cell's paint: the heat colour at opacity 0.04 + 0.96·t; an empty frame for NaN.
    func paint(_ v: Double) -> [(String, String)] {
        guard v.isFinite else { return ChartStyle.paint(stroke: ChartStyle.grid) }
        return ChartStyle.paint(fill: colour(v)) + [("fill-opacity", svgNumber(0.04 + 0.96 * strength(v)))]
    }

    /// The colour scale's stop for `v`.
    func stop(_ v: Double) -> [(String, String)] {
        ChartStyle.stop(colour(v), opacity: 0.04 + 0.96 * strength(v))
    }

    /// Whether a cell is dark enough to need light text.
    func isStrong(_ v: Double) -> Bool { strength(v) > 0.55 }

    /// (offset from the bottom, value) for the colour scale's ends (and zero when diverging).
    var gradientStops: [(Double, Double)] {
        diverging ? [(0, lower), (0.5, 0), (1, upper)] : [(0, lower), (1, upper)]
    }
}
