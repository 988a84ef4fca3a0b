import Testing

@testable import KDNotebook

/// Each kind of chart text names itself in a class beside its `font-size`, so a stylesheet
/// resizes a kind (the theme's phone rules) without knowing the sizes KDNotebook draws.
@Suite("Chart text kinds")
struct ChartTextTests {
    /// The class and font size of every `<text>` in `svg`.
    static func texts(in svg: String) -> [(classes: [Substring], size: Double)] {
        svg.matches(of: /<text [^>]*class="([^"]*)"[^>]*font-size="([0-9.]+)"/).map { match in
            (match.output.1.split(separator: " "), Double(match.output.2) ?? .nan)
        }
    }

    @Test func eachKindHasItsClassAndSize() {
        let chart = Chart.bar(
            "Accuracy", categories: ["Teacher", "Student"], values: [0.981, 0.942],
            x: Axis("Model"), y: Axis("Accuracy", format: .percent(digits: 1)))
        let svg = chart.render(id: "k").svg
        #expect(
            svg.contains(
                ##"class="kd-fill-text kd-text-title" fill="#1f2937" font-size="15" font-weight="600">Accuracy</text>"##
            ))
        #expect(svg.contains(##"class="kd-fill-text kd-text-label" fill="#1f2937" font-size="13">Model</text>"##))
        #expect(svg.contains(##"class="kd-fill-muted kd-text-tick" fill="#6b7280" font-size="12">Teacher</text>"##))
        #expect(svg.contains(##"class="kd-fill-text kd-text-value" fill="#1f2937" font-size="11">98.1%</text>"##))
        let caption = DigitImage.figure(
            [FigureTests.three], captions: ["label 3"], maximum: 16, title: "A three", id: "c"
        ).svg
        #expect(caption.contains(##"class="kd-fill-text kd-text-value" fill="#1f2937" font-size="11">label 3</text>"##))
    }

    @Test(arguments: ChartGallery.charts)
    func everyTextIsOfOneKindAtThatKindsSize(chart: Chart) {
        let svg = chart.render(id: "g").svg
        let texts = Self.texts(in: svg)
        #expect(texts.count == svg.components(separatedBy: "<text ").count - 1)
        for text in texts {
            let kinds = text.classes.filter { $0.hasPrefix("kd-text-") }.compactMap {
                ChartStyle.TextKind(rawValue: String($0.dropFirst(8)))
            }
            #expect(kinds.count <= 1, "\(text.classes)")
            if let kind = kinds.first {
                #expect(text.size == kind.size, "\(kind)")
            } else {
                #expect(text.size < ChartStyle.valueSize, "text at \(text.size) without a kind class")
            }
        }
    }

    /// Values shrunk to fit small heatmap cells have no kind class: a stylesheet enlarging
    /// values would spill them out of their cells.
    @Test func shrunkHeatmapValuesHaveNoKindClass() {
        let columns = (1...20).map { "c\($0)" }
        let chart = Chart.heatmap(
            "Small cells", rows: ["a", "b"], columns: columns,
            values: [columns.indices.map { Double($0 % 10) }, columns.indices.map { Double(9 - $0 % 10) }])
        let values = Self.texts(in: chart.render(id: "h").svg).filter { $0.size < ChartStyle.valueSize }
        #expect(values.count == 40)
        #expect(values.allSatisfy { !$0.classes.contains { $0.hasPrefix("kd-text-") } })
    }
}

/// Legend entries are tick text; a theme may enlarge that on phones, so entries are spaced
/// for the enlarged size and still clear each other.
@Suite("Chart legend")
struct LegendLayoutTests {
    @Test func entriesClearEachOtherAtTheEnlargedSize() {
        let names = ["This image", "Mean over training images", "Mean over test images", "Uniform (log 10)"]
        let layout = LegendLayout(names: names, maxWidth: 600)
        #expect(layout.rows == 2)
        for (entry, next) in zip(layout.entries, layout.entries.dropFirst()) where entry.row == next.row {
            let end =
                entry.x + LegendLayout.swatchWidth + 6 + ChartStyle.textWidth(entry.name, size: ChartStyle.tickRoom)
            #expect(end < next.x, "'\(entry.name)' runs into '\(next.name)' at \(ChartStyle.tickRoom) px")
        }
        for entry in layout.entries {
            let end =
                entry.x + LegendLayout.swatchWidth + 6 + ChartStyle.textWidth(entry.name, size: ChartStyle.tickRoom)
            #expect(end <= 600)
        }
    }
}
