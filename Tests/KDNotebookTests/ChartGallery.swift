import Foundation

@testable import KDNotebook

/// One chart of each kind on realistic data (a training history, sizes, a confusion
/// matrix…), for the well-formedness tests and for looking at: `gallery.html` and its dark
/// twin are written by `ChartTests.writeGallery` into the temporary directory.
enum ChartGallery {
    static var charts: [Chart] {
        let epochs = 20
        let teacher = (1...epochs).map { 0.80 + 0.18 * (1 - exp(-Double($0) / 4)) }
        let student = (1...epochs).map { 0.70 + 0.24 * (1 - exp(-Double($0) / 6)) }
        let scratch = (1...epochs).map { 0.68 + 0.22 * (1 - exp(-Double($0) / 7)) }
        var confusion = (0..<10).map { r in
            (0..<10).map { c in r == c ? 30 + (r * 7) % 9 : (r * 3 + c * 5) % 7 == 0 ? (r + c) % 4 : 0 }
        }
        confusion[3][5] = 6
        confusion[8][1] = 4
        let digits = (0...9).map(String.init)
        var scatterX: [Double] = []
        var scatterY: [Double] = []
        for i in 0..<120 {
            let t = Double(i) / 12 - 5
            scatterX.append(t)
            scatterY.append(0.8 * t + 0.6 * sin(Double(i) * 1.7))
        }
        return [
            .line(
                "Validation accuracy during training", x: Axis("Epoch"),
                y: Axis("Accuracy", format: .percent(digits: 1)),
                series: [
                    Series("Teacher", teacher), Series("Student (distilled, T = 4)", student),
                    Series("Student (from scratch)", scratch),
                ]),
            .line(
                "Distillation loss", x: Axis("Step"), y: Axis("Loss", unit: "nats"),
                series: [
                    Series(
                        "Loss", x: (0..<200).map { Double($0 * 50) },
                        y: (0..<200).map { 2.3 * exp(-Double($0) / 40) + 0.05 * sin(Double($0)) + 0.1 })
                ]),
            .bar(
                "Model size", categories: ["Teacher fp32", "Student fp32", "Student int8"],
                values: [340_008, 4_840, 1_450],
                x: Axis("Model"), y: Axis("Size", format: .bytes)),
            .groupedBar(
                "Student accuracy by temperature", categories: ["T = 1", "T = 2", "T = 4", "T = 8", "T = 16"],
                series: [
                    Series("α = 0.1", [0.931, 0.944, 0.953, 0.949, 0.938]),
                    Series("α = 0.5", [0.929, 0.938, 0.945, 0.944, 0.935]),
                    Series("No distillation", [0.921, 0.921, 0.921, 0.921, 0.921]),
                ],
                x: Axis("Temperature"), y: Axis("Test accuracy", range: 0.9...0.96, format: .percent(digits: 1))),
            .heatmap(
                "Confusion matrix of the int8 student", rows: digits, columns: digits, values: confusion,
                x: Axis("Predicted digit"), y: Axis("True digit")),
            .heatmap(
                "First-layer weights (excerpt)", rows: (1...6).map { "unit \($0)" }, columns: (1...12).map { "w\($0)" },
                values: (0..<6).map { r in (0..<12).map { c in sin(Double(r * 12 + c) * 0.7) * 0.8 } },
                format: .fixed(digits: 2)),
            .scatter(
                "Student logits against teacher logits", x: Axis("Teacher logit"), y: Axis("Student logit"),
                series: [Series("Test set", x: scatterX, y: scatterY)]),
            .bar(
                "Accuracy by optimiser",
                categories: ["Stochastic gradient descent", "SGD with momentum 0.9", "Adam", "AdamW with decay"],
                values: [0.912, 0.948, 0.957, 0.961], y: Axis("Accuracy", range: 0...1, format: .percent(digits: 1))),
        ]
    }

    /// A page with every figure, light or dark, themed by the shipped theme's stylesheet (its
    /// paint classes and custom properties, docs/notebook.md) and the properties below.
    static func page(_ figures: [Figure], dark: Bool) -> String {
        let items = figures.map { "<figure class=\"kd-output\">\($0.svg)</figure>" }.joined(separator: "\n")
        return """
            <!doctype html><html lang="en"\(dark ? " data-theme=\"dark\"" : "")><head><meta charset="utf-8"><title>gallery</title>
            <link rel="stylesheet" href="\(ContentSecurityTests.themeStylesheet.absoluteString)">
            <style>
            :root { --bg: #ffffff; --fg: #1f2937; }
            [data-theme=dark] { --bg: #0f172a; --fg: #e5e7eb;
              --kd-chart-text: #e5e7eb; --kd-chart-muted: #9ca3af; --kd-chart-grid: #1f2a3d; --kd-chart-axis: #64748b;
              --kd-chart-bg: #0f172a; --kd-chart-heat: #60a5fa; --kd-chart-heat-negative: #f87171; --kd-chart-heat-text: #0f172a;
              --kd-digit-ink: #f1f5f9;
              --kd-series-1: #60a5fa; --kd-series-2: #fb923c; --kd-series-3: #34d399; --kd-series-4: #c084fc;
              --kd-series-5: #f87171; --kd-series-6: #22d3ee; --kd-series-7: #facc15; --kd-series-8: #f472b6; }
            body { background: var(--bg); color: var(--fg); font-family: system-ui, sans-serif; margin: 24px; }
            main { display: grid; grid-template-columns: repeat(2, 600px); gap: 24px; }
            figure { margin: 0; }
            </style></head><body><main>
            \(items)
            </main></body></html>
            """
    }
}
