/// A chart a snippet shows: drawn as SVG in the snippet's process and carried in a `Figure`.
///
/// ```swift
/// show(Chart.line("Validation accuracy", x: Axis("Epoch"), y: Axis("Accuracy", format: .percent(digits: 0)),
///                 series: [Series("Teacher", teacherAcc), Series("Student", studentAcc)]))
/// show(Chart.bar("Model size", categories: ["fp32", "int8"], values: [4840, 1210],
///                y: Axis("Size", format: .bytes)))
/// show(Chart.groupedBar("Accuracy by temperature", categories: ["T=1", "T=4"],
///                       series: [Series("Student", [0.93, 0.95]), Series("Baseline", [0.92, 0.92])]))
/// show(Chart.heatmap("Confusion matrix", rows: digits, columns: digits, values: counts,
///                    x: Axis("Predicted"), y: Axis("True")))
/// show(Chart.scatter("Teacher vs student logits", x: Axis("Teacher"), y: Axis("Student"),
///                    series: [Series("Logits", x: zt, y: zs)]))
/// ```
///
/// Colours are CSS custom properties with fallbacks (`var(--kd-series-1, #2563eb)`), so a
/// theme restyles every chart, dark mode included; the names are listed in docs/notebook.md.
public struct Chart: Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case line, bar, groupedBar, heatmap, scatter
    }

    public var kind: Kind
    public var title: String
    /// What a screen reader hears; when nil, a summary of the data is written.
    public var summary: String?
    public var x: Axis
    public var y: Axis
    /// Line, scatter and grouped-bar series; a bar chart has one.
    public var series: [Series]
    /// Bar categories along x; heatmap column labels.
    public var categories: [String]
    /// Heatmap row labels, top to bottom.
    public var rowLabels: [String]
    /// Heatmap values, `grid[row][column]`.
    public var grid: [[Double]]
    /// The format of values written on bars and heatmap cells (nil: the y axis's, or plain).
    public var valueFormat: ValueFormat?
    /// Whether values are written on bars and cells (when they fit).
    public var showsValues: Bool
    /// The drawing's size in SVG units (it scales to its container's width).
    public var width: Double = 640
    /// nil: 360, or for a heatmap whatever its square cells need.
    public var height: Double?
    /// The index of a bar drawn emphasised (the others lighter), as the argmax of a distribution.
    public var highlightedBar: Int?

    init(
        kind: Kind, title: String, x: Axis, y: Axis, series: [Series] = [], categories: [String] = [],
        rowLabels: [String] = [], grid: [[Double]] = [], valueFormat: ValueFormat? = nil, showsValues: Bool = false
    ) {
        self.kind = kind
        self.title = title
        self.x = x
        self.y = y
        self.series = series
        self.categories = categories
        self.rowLabels = rowLabels
        self.grid = grid
        self.valueFormat = valueFormat
        self.showsValues = showsValues
    }

    /// Lines through each series' points (x ascending as given), e.g. loss per epoch.
    public static func line(_ title: String, x: Axis = Axis(), y: Axis = Axis(), series: [Series]) -> Chart {
        Chart(kind: .line, title: title, x: x, y: y, series: series)
    }

    /// One bar per category, heights `values`; bars start at zero.
    public static func bar(
        _ title: String, categories: [String], values: [some Plottable], x: Axis = Axis(),
        y: Axis = Axis(), showsValues: Bool = true
    ) -> Chart {
        precondition(
            categories.count == values.count,
            "bar chart '\(title)': \(categories.count) categories for \(values.count) values")
        return Chart(
            kind: .bar, title: title, x: x, y: y, series: [Series(y.label ?? title, values)],
            categories: categories, showsValues: showsValues)
    }

    /// For each category, one bar per series side by side (series `k`'s i-th value for category i).
    public static func groupedBar(
        _ title: String, categories: [String], series: [Series], x: Axis = Axis(),
        y: Axis = Axis(), showsValues: Bool = false
    ) -> Chart {
        for s in series {
            precondition(
                s.points.count == categories.count,
                "grouped bar chart '\(title)': series '\(s.name)' has \(s.points.count) values for \(categories.count) categories"
            )
        }
        return Chart(
            kind: .groupedBar, title: title, x: x, y: y, series: series, categories: categories,
            showsValues: showsValues)
    }

    /// A grid of cells shaded by value, `values[row][column]` (a confusion matrix, a weight
    /// matrix). Values of both signs get a diverging scale centred on zero.
    public static func heatmap(
        _ title: String, rows: [String], columns: [String], values: [[some Plottable]],
        x: Axis = Axis(), y: Axis = Axis(), format: ValueFormat? = nil,
        showsValues: Bool = true
    ) -> Chart {
        precondition(
            values.count == rows.count,
            "heatmap '\(title)': \(values.count) rows of values for \(rows.count) row labels")
        for row in values {
            precondition(
                row.count == columns.count,
                "heatmap '\(title)': a row has \(row.count) values for \(columns.count) columns")
        }
        return Chart(
            kind: .heatmap, title: title, x: x, y: y, categories: columns, rowLabels: rows,
            grid: values.map { $0.map(\.plotValue) }, valueFormat: format, showsValues: showsValues)
    }

    /// Points, one colour per series.
    public static func scatter(_ title: String, x: Axis = Axis(), y: Axis = Axis(), series: [Series]) -> Chart {
        Chart(kind: .scatter, title: title, x: x, y: y, series: series)
    }
}

extension Chart {
    /// The chart drawn as SVG. `id` prefixes the ids inside the drawing (its `<title>`,
    /// `<desc>`, clip path, gradient): give each figure of a page its own.
    public func render(id: String = "kd-chart") -> Figure {
        ChartRenderer.figure(self, id: id)
    }
}
