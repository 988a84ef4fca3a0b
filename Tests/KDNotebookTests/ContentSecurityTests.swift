import Foundation
import Testing

@testable import KDNotebook

/// Figures and widgets must draw whole under a strict Content-Security-Policy
/// (`style-src 'self'`): no `style` attribute or element, and every paint class they use
/// has a rule in the shipped theme's stylesheet.
@Suite("Content-Security-Policy")
struct ContentSecurityTests {
    static let themeStylesheet = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content/theme/assets/style.css")

    /// Every kind of markup KDNotebook writes into a page.
    static var markup: [String] {
        let charts = ChartGallery.charts.enumerated().map { $1.render(id: "g\($0)").svg }
        let figures = [
            Distribution.figure([0.1, 0.6, 0.3], labels: ["a", "b", "c"], title: "p", id: "d").svg,
            DigitImage.figure([FigureTests.three], captions: ["3"], maximum: 16, title: "one", id: "o").svg,
            DigitImage.figure(
                [FigureTests.three, FigureTests.three], captions: [nil, "x"], maximum: 16, title: "two", id: "t"
            ).svg,
            Chart.heatmap("nan", rows: ["a"], columns: ["x", "y"], values: [[Double.nan, 1]]).render().svg,
            TemperatureSlider(logits: [2, 1, 0], labels: ["a", "b", "c"]).html(id: "w"),
        ]
        return charts + figures
    }

    @Test(arguments: markup)
    func noStyleAttributeOrElement(html: String) {
        #expect(!html.contains("style="), "a style attribute is blocked by style-src 'self'")
        #expect(!html.contains("<style"))
        #expect(!html.contains("var(--"), "custom properties work only in CSS, not in attributes")
    }

    @Test func everyPaintClassHasAThemeRule() throws {
        let css = try String(contentsOf: Self.themeStylesheet, encoding: .utf8)
        let classes = Set(
            Self.markup.flatMap { html in
                html.matches(of: /kd-(?:fill|stroke|stop)-[a-z0-9-]+/).map { String($0.output) }
            })
        #expect(classes.count >= 15, "\(classes.sorted())")
        for name in classes.sorted() {
            let property = name.hasPrefix("kd-fill-") ? "fill" : name.hasPrefix("kd-stroke-") ? "stroke" : "stop-color"
            #expect(css.contains(".\(name) { \(property): var(--"), "no rule for .\(name) in style.css")
        }
    }

    @Test func seriesColoursCycleThroughEightClasses() {
        #expect(ChartStyle.series(0) == ChartStyle.Paint("s1", "#2563eb"))
        #expect(ChartStyle.series(7) == ChartStyle.Paint("s8", "#db2777"))
        #expect(ChartStyle.series(8) == ChartStyle.series(0))
    }
}
