/// An axis's ticks: where they are (in data units) and their labels.
struct AxisTicks {
    var scale: NiceScale
    var labels: [String]
}

extension Axis {
    /// Nice ticks over `values` (or over the axis's forced range, ticks inside it), about
    /// `count` of them, labelled in the axis's format style with the digits the step needs.
    /// A `.bytes` axis picks its unit (B, KB, MB, GB) from the largest value and puts its ticks
    /// at nice numbers of that unit (0, 100, 200 KB), not of bytes.
    func ticks(values: [Double], count: Int, tight: Bool, integers: Bool) -> AxisTicks {
        let lo = range?.lowerBound ?? values.min() ?? 0
        let hi = range?.upperBound ?? values.max() ?? 1
        let isTight = range != nil || tight
        if format.style == .bytes {
            let (factor, unit) = Self.byteUnit(for: max(abs(lo), abs(hi)))
            var scale = NiceScale(lower: lo / factor, upper: hi / factor, count: count, tight: isTight)
            let labels = scale.ticks.map { DecimalText.fixed($0, digits: scale.fractionDigits) + " " + unit }
            scale.ticks = scale.ticks.map { $0 * factor }
            scale.domain = (scale.domain.lowerBound * factor)...(scale.domain.upperBound * factor)
            scale.step *= factor
            return AxisTicks(scale: scale, labels: labels)
        }
        let scale = NiceScale(lower: lo, upper: hi, count: count, tight: isTight, integers: integers)
        return AxisTicks(scale: scale, labels: scale.ticks.map { tickText($0, fractionDigits: scale.fractionDigits) })
    }

    /// The text of a tick value: the format's style with the digits the tick step needs.
    func tickText(_ value: Double, fractionDigits: Int) -> String {
        switch format.style {
        case .plain, .fixed: DecimalText.fixed(value, digits: fractionDigits, grouping: format.grouping)
        case .percent: format.with(digits: max(fractionDigits - 2, 0)).text(value)
        case .integer, .scientific, .bytes: format.text(value)
        }
    }

    /// The unit a byte axis reaching `magnitude` is labelled in, and its size in bytes.
    static func byteUnit(for magnitude: Double) -> (Double, String) {
        var factor = 1.0
        for unit in ["B", "KB", "MB", "GB"] {
            if magnitude < factor * 1024 || unit == "GB" { return (factor, unit) }
            factor *= 1024
        }
        return (factor, "TB")
    }
}
