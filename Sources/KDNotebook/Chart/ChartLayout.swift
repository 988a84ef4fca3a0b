/// A rectangle in SVG units.
struct Rect: Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// A linear map from a data interval to a pixel interval (y pixels may run downwards).
struct LinearMap {
    var domain: ClosedRange<Double>
    var from: Double
    var to: Double

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span == 0 ? 0.5 : (value - domain.lowerBound) / span
        return from + t * (to - from)
    }
}

/// Legend entries laid out left to right, wrapping onto new rows within `maxWidth`, each as
/// wide as its name at ``ChartStyle/tickRoom`` (the size a phone may show it at).
struct LegendLayout {
    struct Entry {
        var index: Int
        var name: String
        var x: Double
        var row: Int
    }

    static let swatchWidth = 18.0
    static let rowHeight = 20.0
    var entries: [Entry] = []
    var rows = 0

    init(names: [String], maxWidth: Double) {
        var x = 0.0
        var row = 0
        for (i, name) in names.enumerated() {
            let width = Self.swatchWidth + 6 + ChartStyle.textWidth(name, size: ChartStyle.tickRoom)
            if x > 0 && x + width > maxWidth {
                row += 1
                x = 0
            }
            entries.append(Entry(index: i, name: name, x: x, row: row))
            x += width + 18
        }
        rows = names.isEmpty ? 0 : row + 1
    }

    var height: Double { Double(rows) * Self.rowHeight }
}
