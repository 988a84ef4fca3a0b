/// A named set of points: a line, a group of scatter points, or one colour of a grouped bar
/// chart. Non-finite values are kept and skipped when drawn (a line breaks there).
public struct Series: Sendable, Hashable {
    public var name: String
    public var points: [Point]

    /// A point in data coordinates.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// Values at x = 1, 2, …, n: a per-epoch history, or bar heights in category order.
    public init(_ name: String, _ values: [some Plottable]) {
        self.name = name
        points = values.enumerated().map { Point(x: Double($0.offset + 1), y: $0.element.plotValue) }
    }

    /// Values at the given x positions (same count).
    public init(_ name: String, x: [some Plottable], y: [some Plottable]) {
        precondition(x.count == y.count, "series '\(name)': \(x.count) x values for \(y.count) y values")
        self.name = name
        points = zip(x, y).map { Point(x: $0.plotValue, y: $1.plotValue) }
    }

    /// The finite points.
    var finitePoints: [Point] {
        points.filter { $0.x.isFinite && $0.y.isFinite }
    }
}

/// One axis of a chart: its label and unit (drawn as "Loss (nats)"), an optional fixed
/// range, and the format of its tick labels. Ticks choose their own digits from the tick
/// step (Heckbert's rule); the format gives the style: `.percent(digits: 0)` labels 0.85
/// as "85%", `.bytes` as "3.2 KB".
public struct Axis: Sendable, Hashable {
    public var label: String?
    public var unit: String?
    /// Forces the axis to span this range (ticks inside it) instead of the data's.
    public var range: ClosedRange<Double>?
    public var format: ValueFormat

    public init(
        _ label: String? = nil, unit: String? = nil, range: ClosedRange<Double>? = nil, format: ValueFormat = .plain
    ) {
        self.label = label
        self.unit = unit
        self.range = range
        self.format = format
    }

    /// The title drawn beside the axis, with the unit in parentheses; nil when neither is set.
    public var title: String? {
        switch (label, unit) {
        case let (label?, unit?): "\(label) (\(unit))"
        case let (label?, nil): label
        case let (nil, unit?): unit
        case (nil, nil): nil
        }
    }
}
