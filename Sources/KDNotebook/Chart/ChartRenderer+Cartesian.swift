import Foundation

/// The plot of a line, scatter, bar or grouped-bar chart: where it sits and how data maps in.
struct CartesianPlan {
    var plot: Rect
    var yScale: NiceScale
    var yLabels: [String]
    /// Numeric x (line, scatter); nil for categories (bars).
    var xScale: NiceScale?
    var xLabels: [String]
    var rotatedCategories: Bool
    /// Each category's label, on one or two lines.
    var categoryLines: [[String]]
    var x: LinearMap
    var y: LinearMap
}

extension ChartRenderer {
    var isBars: Bool { chart.kind == .bar || chart.kind == .groupedBar }

    mutating func drawCartesian(into svg: inout SVGWriter) {
        let swatch: LegendSwatch =
            switch chart.kind {
            case .line: .line(markers: chart.series.allSatisfy { $0.points.count <= Self.markerLimit })
            case .scatter: .dot
            default: .box
            }
        let legend = chart.kind == .bar ? [] : chart.series.map(\.name)
        let headerBottom = drawHeader(into: &svg, legend: legend, swatch: swatch)
        let plan = planCartesian(headerBottom: headerBottom)
        drawYAxis(into: &svg, plan)
        if plan.xScale != nil { drawNumericXAxis(into: &svg, plan) } else { drawCategoryAxis(into: &svg, plan) }
        drawAxisTitles(into: &svg, plan)
        switch chart.kind {
        case .line: drawLines(into: &svg, plan)
        case .scatter: drawPoints(into: &svg, plan)
        case .bar, .groupedBar: drawBars(into: &svg, plan)
        case .heatmap: break
        }
    }

    static let markerLimit = 24

    // MARK: - Plan

    func planCartesian(headerBottom: Double) -> CartesianPlan {
        let pad = Self.pad
        let yTitleWidth = chart.y.title == nil ? 0.0 : 22
        let xTitleHeight = chart.x.title == nil ? 0.0 : 24
        let points = chart.series.flatMap(\.finitePoints)
        var ys = points.map(\.y)
        if isBars { ys.append(0) }

        // Category labels: on one line, wrapped onto two, or rotated when neither fits the band.
        var tickBand = 22.0
        var categoryLines = chart.categories.map { [Self.shortened($0)] }
        var rotated = false
        if isBars {
            let band = (width - 2 * pad - yTitleWidth - 48) / Double(max(chart.categories.count, 1))
            let fits = { (line: String) in ChartStyle.textWidth(line, size: ChartStyle.tickSize) <= band - 6 }
            if !categoryLines.joined().allSatisfy(fits) {
                let wrapped = chart.categories.map { Self.wrap($0, width: band - 6) }
                if wrapped.allSatisfy({ $0.count <= 2 && $0.allSatisfy(fits) }) {
                    categoryLines = wrapped
                    tickBand = 36
                } else {
                    rotated = true
                    let widest =
                        categoryLines.joined().map { ChartStyle.textWidth($0, size: ChartStyle.tickSize) }.max() ?? 0
                    tickBand = 14 + widest * sin(40 * Double.pi / 180)
                }
            }
        }
        let plotTop = headerBottom + (isBars && chart.showsValues ? 22 : 12)
        let plotBottom = height - pad - xTitleHeight - tickBand
        let plotHeight = max(plotBottom - plotTop, 40)

        let yCount = max(3, min(8, Int(plotHeight / 46) + 1))
        let yTicks = chart.y.ticks(values: ys, count: yCount, tight: false, integers: false)
        let yScale = yTicks.scale
        let yLabels = yTicks.labels
        let yLabelWidth = yLabels.map { ChartStyle.textWidth($0, size: ChartStyle.tickSize) }.max() ?? 0
        let plotLeft = pad + yTitleWidth + yLabelWidth + 8
        var plotRight = width - pad
        var xScale: NiceScale?
        var xLabels: [String] = []
        if !isBars {
            plotRight -= 10
            let xs = points.map(\.x)
            let integers = chart.kind == .line && !xs.isEmpty && xs.allSatisfy { $0 == $0.rounded() }
            let plotWidth = plotRight - plotLeft
            var count = max(2, Int(plotWidth / 80))
            while true {
                let ticks = chart.x.ticks(values: xs, count: count, tight: chart.kind == .line, integers: integers)
                let (scale, labels) = (ticks.scale, ticks.labels)
                let span = scale.domain.upperBound - scale.domain.lowerBound
                let spacing = span > 0 ? plotWidth * scale.step / span : plotWidth
                let widest = labels.map { ChartStyle.textWidth($0, size: ChartStyle.tickSize) }.max() ?? 0
                if spacing >= widest + 14 || count <= 2 {
                    xScale = scale
                    xLabels = labels
                    break
                }
                count -= 1
            }
        }
        let plot = Rect(x: plotLeft, y: plotTop, width: plotRight - plotLeft, height: plotHeight)
        let xDomain = xScale?.domain ?? 0...Double(max(chart.categories.count, 1))
        return CartesianPlan(
            plot: plot, yScale: yScale, yLabels: yLabels, xScale: xScale, xLabels: xLabels,
            rotatedCategories: rotated, categoryLines: categoryLines,
            x: LinearMap(domain: xDomain, from: plot.x, to: plot.maxX),
            y: LinearMap(domain: yScale.domain, from: plot.maxY, to: plot.y))
    }

    /// `label` broken at spaces into lines no wider than `width` (a word wider than that
    /// gets a line of its own).
    static func wrap(_ label: String, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in label.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || ChartStyle.textWidth(candidate, size: ChartStyle.tickSize) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    // MARK: - Axes

    func drawYAxis(into svg: inout SVGWriter, _ plan: CartesianPlan) {
        svg.open("g", [("class", "kd-axis kd-axis-y"), ("aria-hidden", "true")])
        for (tick, label) in zip(plan.yScale.ticks, plan.yLabels) {
            let y = plan.y(tick)
            svg.element(
                "line",
                [
                    ("x1", svgNumber(plan.plot.x)), ("y1", svgNumber(y)), ("x2", svgNumber(plan.plot.maxX)),
                    ("y2", svgNumber(y)),
                ] + ChartStyle.paint(stroke: ChartStyle.grid) + [("stroke-width", "1")])
            text(into: &svg, label, x: plan.plot.x - 8, y: y, anchor: "end")
        }
        svg.close()
    }

    func drawNumericXAxis(into svg: inout SVGWriter, _ plan: CartesianPlan) {
        guard let scale = plan.xScale else { return }
        svg.open("g", [("class", "kd-axis kd-axis-x"), ("aria-hidden", "true")])
        baseline(into: &svg, plan, y: plan.plot.maxY)
        for (tick, label) in zip(scale.ticks, plan.xLabels) {
            let x = plan.x(tick)
            svg.element(
                "line",
                [
                    ("x1", svgNumber(x)), ("y1", svgNumber(plan.plot.maxY)), ("x2", svgNumber(x)),
                    ("y2", svgNumber(plan.plot.maxY + 5)),
                ] + ChartStyle.paint(stroke: ChartStyle.axis) + [("stroke-width", "1")])
            text(into: &svg, label, x: x, y: plan.plot.maxY + 16)
        }
        svg.close()
    }

    func drawCategoryAxis(into svg: inout SVGWriter, _ plan: CartesianPlan) {
        let zero = plan.y(min(max(0, plan.yScale.domain.lowerBound), plan.yScale.domain.upperBound))
        svg.open("g", [("class", "kd-axis kd-axis-x"), ("aria-hidden", "true")])
        baseline(into: &svg, plan, y: zero)
        let band = plan.plot.width / Double(max(chart.categories.count, 1))
        for (i, lines) in plan.categoryLines.enumerated() {
            let x = plan.plot.x + band * (Double(i) + 0.5)
            if plan.rotatedCategories {
                text(
                    into: &svg, lines.joined(separator: " "), x: x + 4, y: plan.plot.maxY + 12, anchor: "end",
                    rotate: -40)
            } else {
                for (k, line) in lines.enumerated() {
                    text(into: &svg, line, x: x, y: plan.plot.maxY + 16 + 14 * Double(k))
                }
            }
        }
        svg.close()
    }

    private func baseline(into svg: inout SVGWriter, _ plan: CartesianPlan, y: Double) {
        svg.element(
            "line",
            [
                ("x1", svgNumber(plan.plot.x)), ("y1", svgNumber(y)), ("x2", svgNumber(plan.plot.maxX)),
                ("y2", svgNumber(y)),
            ] + ChartStyle.paint(stroke: ChartStyle.axis) + [("stroke-width", "1")])
    }

    func drawAxisTitles(into svg: inout SVGWriter, _ plan: CartesianPlan) {
        if let title = chart.x.title {
            text(
                into: &svg, title, x: plan.plot.x + plan.plot.width / 2, y: height - Self.pad - 4,
                kind: .label, colour: ChartStyle.text, dy: nil)
        }
        if let title = chart.y.title {
            let x = Self.pad + 4
            let y = plan.plot.y + plan.plot.height / 2
            text(into: &svg, title, x: x, y: y, kind: .label, colour: ChartStyle.text, rotate: -90, dy: "0.7em")
        }
    }
}
