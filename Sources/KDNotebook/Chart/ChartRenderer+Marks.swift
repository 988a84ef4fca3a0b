/// The data marks of cartesian charts: lines, points, bars and their value labels.
extension ChartRenderer {
    /// A clip path around the plot (with room for markers), so a forced axis range cuts marks.
    private func openClippedGroup(into svg: inout SVGWriter, _ plan: CartesianPlan, name: String) {
        svg.open("defs")
        svg.open("clipPath", [("id", "\(id)-clip")])
        svg.element(
            "rect",
            [
                ("x", svgNumber(plan.plot.x - 4)), ("y", svgNumber(plan.plot.y - 4)),
                ("width", svgNumber(plan.plot.width + 8)), ("height", svgNumber(plan.plot.height + 8)),
            ])
        svg.close()
        svg.close()
        svg.open("g", [("class", name), ("clip-path", "url(#\(id)-clip)")])
    }

    func drawLines(into svg: inout SVGWriter, _ plan: CartesianPlan) {
        openClippedGroup(into: &svg, plan, name: "kd-marks")
        for (index, series) in chart.series.enumerated() {
            let colour = ChartStyle.series(index)
            var path = ""
            var penDown = false
            for p in series.points {
                guard p.x.isFinite && p.y.isFinite else {
                    penDown = false
                    continue
                }
                path +=
                    (penDown ? " L" : (path.isEmpty ? "M" : " M")) + svgNumber(plan.x(p.x)) + " "
                    + svgNumber(plan.y(p.y))
                penDown = true
            }
            let dash = ChartStyle.dashes[index % ChartStyle.dashes.count]
            if !path.isEmpty {
                svg.element(
                    "path",
                    [
                        ("d", path)
                    ] + ChartStyle.paint(stroke: colour) + [
                        ("stroke-width", "2.5"), ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
                    ]
                        + (dash.isEmpty ? [] : [("stroke-dasharray", dash)]))
            }
            if series.points.count <= Self.markerLimit {
                for p in series.finitePoints {
                    svg.element(
                        "circle",
                        [("cx", svgNumber(plan.x(p.x))), ("cy", svgNumber(plan.y(p.y))), ("r", "3.5")]
                            + ChartStyle.paint(fill: colour, stroke: ChartStyle.background) + [("stroke-width", "1.5")])
                }
            }
        }
        svg.close()
    }

    func drawPoints(into svg: inout SVGWriter, _ plan: CartesianPlan) {
        openClippedGroup(into: &svg, plan, name: "kd-marks")
        let total = chart.series.reduce(0) { $0 + $1.points.count }
        let radius = total > 500 ? 2.5 : 4
        for (index, series) in chart.series.enumerated() {
            let colour = ChartStyle.series(index)
            svg.open("g", ChartStyle.paint(fill: colour) + [("fill-opacity", "0.75")])
            for p in series.finitePoints {
                svg.element(
                    "circle",
                    [("cx", svgNumber(plan.x(p.x))), ("cy", svgNumber(plan.y(p.y))), ("r", svgNumber(radius))])
            }
            svg.close()
        }
        svg.close()
    }

    func drawBars(into svg: inout SVGWriter, _ plan: CartesianPlan) {
        let categories = max(chart.categories.count, 1)
        let band = plan.plot.width / Double(categories)
        let groups = max(chart.series.count, 1)
        let groupWidth = min(band * (groups == 1 ? 0.68 : 0.8), groups == 1 ? 72 : 40 * Double(groups))
        let gap = groups == 1 ? 0 : min(3, groupWidth / Double(groups) * 0.1)
        let barWidth = (groupWidth - gap * Double(groups - 1)) / Double(groups)
        let zero = plan.y(min(max(0, plan.yScale.domain.lowerBound), plan.yScale.domain.upperBound))
        let format = valueFormat(
            for: chart.series.flatMap { $0.points.map(\.y) }, fractionDigits: plan.yScale.fractionDigits)
        let labels = chart.series.map { $0.points.map { format($0.y) } }
        let widest = labels.joined().map { ChartStyle.textWidth($0, size: ChartStyle.valueSize) }.max() ?? 0
        let writeValues = chart.showsValues && widest <= barWidth + (groups == 1 ? band - barWidth - 4 : gap)

        svg.open("g", [("class", "kd-marks")])
        for (s, series) in chart.series.enumerated() {
            let colour = ChartStyle.series(chart.kind == .bar ? 0 : s)
            for (i, point) in series.points.enumerated() where point.y.isFinite {
                let x = plan.plot.x + band * Double(i) + (band - groupWidth) / 2 + Double(s) * (barWidth + gap)
                let top = plan.y(point.y)
                var paint = ChartStyle.paint(fill: colour)
                if let highlighted = chart.highlightedBar, highlighted != i { paint.append(("fill-opacity", "0.45")) }
                svg.element(
                    "rect",
                    [
                        ("x", svgNumber(x)), ("y", svgNumber(min(top, zero))),
                        ("width", svgNumber(barWidth)), ("height", svgNumber(max(abs(zero - top), 0.5))),
                    ] + paint)
                if writeValues {
                    let y = point.y >= 0 ? top - 6 : top + 6
                    text(
                        into: &svg, labels[s][i], x: x + barWidth / 2, y: y, kind: .value,
                        colour: ChartStyle.text, dy: point.y >= 0 ? nil : "0.8em")
                }
            }
        }
        svg.close()
    }

    /// How values are written on marks: the chart's value format; else the y axis's format
    /// when it is not plain; else integers as integers and other numbers with one digit more
    /// than the axis ticks.
    func valueFormat(for values: [Double], fractionDigits: Int) -> (Double) -> String {
        if let format = chart.valueFormat ?? (chart.y.format.style == .plain ? nil : chart.y.format) {
            return { format.text($0) }
        }
        if values.allSatisfy({ !$0.isFinite || $0 == $0.rounded() }) {
            return { DecimalText.fixed($0, digits: 0) }
        }
        let digits = min(fractionDigits + 1, 6)
        return { DecimalText.fixed($0, digits: digits) }
    }
}
