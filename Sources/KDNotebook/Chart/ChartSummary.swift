/// The text description of a chart that screen readers announce (`<desc>`), written from the
/// data: what is plotted against what, and for each series its extent and extremes, or for
/// bars each value.
enum ChartSummary {
    static func text(for chart: Chart) -> String {
        let x = chart.x.title ?? "x"
        let y = chart.y.title ?? "value"
        switch chart.kind {
        case .line:
            return "Line chart of \(y) against \(x). "
                + chart.series.map { lineSummary($0, format: chart.y) }.joined(separator: " ")
        case .scatter:
            return "Scatter plot of \(y) against \(x). "
                + chart.series.map { scatterSummary($0, chart: chart) }.joined(separator: " ")
        case .bar:
            let values = chart.series.first?.points.map(\.y) ?? []
            let items = zip(chart.categories, values).map { "\($0): \(number($1, chart.y))" }
            return "Bar chart of \(y) by \(chart.x.title ?? "category"): " + listed(items) + "."
        case .groupedBar:
            let items = chart.categories.enumerated().map { i, category in
                category + ": "
                    + chart.series.map { "\($0.name) \(number($0.points[i].y, chart.y))" }.joined(separator: ", ")
            }
            return "Grouped bar chart of \(y) by \(chart.x.title ?? "category"), \(chart.series.count) series: "
                + listed(items, separator: "; ") + "."
        case .heatmap:
            return heatmapSummary(chart)
        }
    }

    private static func lineSummary(_ series: Series, format: Axis) -> String {
        let points = series.finitePoints
        guard let first = points.first, let last = points.last,
            let low = points.min(by: { $0.y < $1.y }), let high = points.max(by: { $0.y < $1.y })
        else {
            return "\(series.name): no data."
        }
        return "\(series.name): \(points.count) points, from \(number(first.y, format)) at \(number(first.x)) "
            + "to \(number(last.y, format)) at \(number(last.x)); lowest \(number(low.y, format)) at \(number(low.x)), "
            + "highest \(number(high.y, format)) at \(number(high.x))."
    }

    private static func scatterSummary(_ series: Series, chart: Chart) -> String {
        let points = series.finitePoints
        guard let xLow = points.map(\.x).min(), let xHigh = points.map(\.x).max(),
            let yLow = points.map(\.y).min(), let yHigh = points.map(\.y).max()
        else {
            return "\(series.name): no data."
        }
        return "\(series.name): \(points.count) points, x from \(number(xLow, chart.x)) to \(number(xHigh, chart.x)), "
            + "y from \(number(yLow, chart.y)) to \(number(yHigh, chart.y))."
    }

    private static func heatmapSummary(_ chart: Chart) -> String {
        var text = "Heatmap of \(chart.rowLabels.count) rows"
        if let t = chart.y.title { text += " (\(t))" }
        text += " by \(chart.categories.count) columns"
        if let t = chart.x.title { text += " (\(t))" }
        var best: (r: Int, c: Int, v: Double)?
        var low = Double.infinity
        for (r, row) in chart.grid.enumerated() {
            for (c, v) in row.enumerated() where v.isFinite {
                if v > best?.v ?? -.infinity { best = (r, c, v) }
                low = min(low, v)
            }
        }
        guard let best else { return text + "; no data." }
        let write = { (v: Double) in chart.valueFormat?.text(v) ?? number(v) }
        return text + "; values from \(write(low)) to \(write(best.v)); the largest, \(write(best.v)), "
            + "is at row \(chart.rowLabels[best.r]), column \(chart.categories[best.c])."
    }

    /// A number for reading: the axis format when it is not plain, else up to four significant
    /// decimals.
    static func number(_ value: Double, _ axis: Axis = Axis()) -> String {
        if axis.format.style != .plain { return axis.format.text(value) }
        if value == value.rounded() && abs(value) < 1e15 { return DecimalText.fixed(value, digits: 0) }
        return DecimalText.trimmed(DecimalText.fixed(value, digits: abs(value) >= 100 ? 1 : 4))
    }

    private static func listed(_ items: [String], separator: String = ", ", limit: Int = 24) -> String {
        guard items.count > limit else { return items.joined(separator: separator) }
        return items.prefix(limit).joined(separator: separator) + separator + "and \(items.count - limit) more"
    }
}
