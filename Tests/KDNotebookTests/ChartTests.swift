import Foundation
import Testing

@testable import KDNotebook

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Charts")
struct ChartTests {
    @Test func writeGallery() throws {
        let logits: [Double] = [1.2, -0.4, 0.3, 6.1, -2.0, 2.9, 0.1, -1.1, 1.8, 0.7]
        let softened = logits.map { exp($0 / 4) }
        let total = softened.reduce(0, +)
        let figures =
            ChartGallery.charts.enumerated().map { $1.render(id: "g\($0)") } + [
                Distribution.figure(
                    softened.map { $0 / total }, labels: (0...9).map(String.init),
                    title: "Teacher's distribution at T = 4", id: "dist"),
                DigitImage.figure(
                    Array(repeating: FigureTests.three, count: 6), captions: ["3", "3 → 5", "3", "3 → 8", "3", "3"],
                    maximum: 16, title: "Misclassified threes", id: "sheet"),
                DigitImage.figure([FigureTests.three], captions: ["label 3"], maximum: 16, title: "A three", id: "one"),
            ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kdnotebook-gallery")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try ChartGallery.page(figures, dark: false).write(
            to: directory.appendingPathComponent("light.html"), atomically: true, encoding: .utf8)
        try ChartGallery.page(figures, dark: true).write(
            to: directory.appendingPathComponent("dark.html"), atomically: true, encoding: .utf8)
        for figure in figures { try XMLCheck.assertWellFormed(figure.svg) }
    }
}

enum XMLCheck {
    /// Parses `markup` as XML; throws with the parser's message when it is not well-formed.
    static func assertWellFormed(_ markup: String) throws {
        let parser = XMLParser(data: Data(markup.utf8))
        let ok = parser.parse()
        if !ok {
            throw XMLError(
                message: parser.parserError.map { "\($0)" } ?? "unknown", line: parser.lineNumber,
                column: parser.columnNumber)
        }
    }

    struct XMLError: Error, CustomStringConvertible {
        var message: String
        var line: Int
        var column: Int
        var description: String { "not well-formed XML at \(line):\(column): \(message)" }
    }
}

@Suite("Chart SVG")
struct ChartSVGTests {
    static let charts =
        ChartGallery.charts + [
            Chart.line("Empty <chart> & \"friends\"", series: []),
            Chart.line("Gaps", x: Axis("t"), y: Axis("v"), series: [Series("with NaN", [1, .nan, 3, .infinity, 2])]),
            Chart.scatter("One point", series: [Series("p", x: [2.0], y: [3.0])]),
            Chart.bar("Negative", categories: ["a", "b", "c"], values: [-2.5, 1, 0]),
            Chart.heatmap("All equal", rows: ["r"], columns: ["c1", "c2"], values: [[0, 0]]),
        ]

    @Test(arguments: charts)
    func isWellFormedAccessibleSVG(chart: Chart) throws {
        let figure = chart.render(id: "f1")
        try XMLCheck.assertWellFormed(figure.svg)
        #expect(figure.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "))
        #expect(figure.svg.contains("width=\"100%\""))
        #expect(figure.svg.contains("role=\"img\" aria-labelledby=\"f1-title f1-desc\""))
        #expect(figure.svg.contains("<title id=\"f1-title\">\(HTMLText.escape(chart.title))</title>"))
        #expect(figure.svg.contains("<desc id=\"f1-desc\">"))
        #expect(!figure.summary.isEmpty)
        #expect(figure.title == chart.title)
    }

    @Test(arguments: charts)
    func isDeterministic(chart: Chart) {
        #expect(chart.render(id: "x").svg == chart.render(id: "x").svg)
    }

    @Test func coloursAreClassesWithFallbackAttributes() {
        let svg = ChartGallery.charts[0].render(id: "c").svg
        #expect(svg.contains("class=\"kd-stroke-s1\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2.5\""))
        #expect(svg.contains("class=\"kd-stroke-s3\" fill=\"none\" stroke=\"#059669\""))
        #expect(svg.contains("class=\"kd-fill-s2 kd-stroke-bg\" fill=\"#ea580c\" stroke=\"#ffffff\""))
        #expect(svg.contains("class=\"kd-stroke-grid\" fill=\"none\" stroke=\"#e5e7eb\" stroke-width=\"1\""))
        #expect(
            svg.contains("class=\"kd-fill-text kd-text-title\" fill=\"#1f2937\" font-size=\"15\" font-weight=\"600\""))
        #expect(!svg.contains("var(--"))
    }

    @Test func numbersInTheMarkupAreLocaleFreeAndShort() throws {
        let svg = ChartGallery.charts[0].render(id: "c").svg
        let numbers = try Regex(#" (?:x|y|x1|y1|x2|y2|cx|cy|width|height)="([^"]*)""#)
        let body = try #require(svg.range(of: "</desc>")).upperBound
        let values = svg[body...].matches(of: numbers).map { String($0.output[1].substring ?? "") }
        #expect(values.count > 100)
        for value in values {
            #expect(Double(value) != nil, "not a plain number: \(value)")
            #expect(!value.hasSuffix("0") || !value.contains("."), "trailing zero: \(value)")
            #expect((value.split(separator: ".").dropFirst().first?.count ?? 0) <= 2, "too many digits: \(value)")
        }
    }

    @Test func lineChartsDescribeTheirSeries() {
        let chart = Chart.line(
            "Loss", x: Axis("Epoch"), y: Axis("Loss", unit: "nats"), series: [Series("Student", [2.0, 1.5, 0.75, 0.8])])
        #expect(
            chart.render().summary
                == "Line chart of Loss (nats) against Epoch. Student: 4 points, from 2 at 1 to 0.8 at 4; "
                + "lowest 0.75 at 3, highest 2 at 1.")
    }

    @Test func barChartsListTheirValuesInTheAxisFormat() {
        let chart = Chart.bar(
            "Accuracy", categories: ["Teacher", "Student"], values: [0.981, 0.942],
            x: Axis("Model"), y: Axis("Accuracy", format: .percent(digits: 1)))
        let figure = chart.render()
        #expect(figure.summary == "Bar chart of Accuracy by Model: Teacher: 98.1%, Student: 94.2%.")
        #expect(figure.svg.contains(">98.1%</text>"))
    }

    @Test func heatmapsNameTheirLargestCell() {
        let chart = Chart.heatmap(
            "Confusion", rows: ["0", "1"], columns: ["0", "1"], values: [[9, 1], [2, 7]],
            x: Axis("Predicted"), y: Axis("True"))
        #expect(
            chart.render().summary == "Heatmap of 2 rows (True) by 2 columns (Predicted); values from 1 to 9; "
                + "the largest, 9, is at row 0, column 0.")
    }

    @Test func divergingHeatmapsUseTheNegativeColour() {
        let svg = Chart.heatmap("W", rows: ["a"], columns: ["x", "y"], values: [[-1.0, 1.0]]).render().svg
        #expect(svg.contains("class=\"kd-fill-heat-negative\" fill=\"#dc2626\" fill-opacity=\"1\""))
        #expect(svg.contains("class=\"kd-fill-heat\" fill=\"#2563eb\" fill-opacity=\"1\""))
        #expect(svg.contains("class=\"kd-stop-heat-negative\" stop-color=\"#dc2626\" stop-opacity=\"1\""))
    }

    @Test func aForcedRangeIsRespected() {
        let chart = Chart.line("R", y: Axis(range: 0...1), series: [Series("s", [0.2, 0.4])])
        let svg = chart.render().svg
        #expect(svg.contains(">1.0</text>") && svg.contains(">0.0</text>"))
        #expect(svg.contains("clip-path=\"url(#kd-chart-clip)\""))
    }
}
