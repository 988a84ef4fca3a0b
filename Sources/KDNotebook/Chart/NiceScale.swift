import Foundation

/// Axis ticks at "nice" numbers (1, 2 or 5 × 10^k), after Paul Heckbert, "Nice Numbers for
/// Graph Labels", Graphics Gems (1990).
///
/// For data in [lo, hi] and about `n` ticks: the range is rounded to a nice number
/// `R = nice(hi − lo, round: false)`, the step to `d = nice(R / (n − 1), round: true)`, and
/// the loose axis runs from ⌊lo/d⌋·d to ⌈hi/d⌉·d. Labels need `max(−⌊log10 d⌋, 0)` digits
/// after the point. A `tight` scale keeps [lo, hi] as its domain and only the ticks inside it.
public struct NiceScale: Sendable, Hashable {
    /// The axis's extent, which contains the data.
    public var domain: ClosedRange<Double>
    /// Tick values, ascending, every `step`.
    public var ticks: [Double]
    public var step: Double
    /// Digits after the decimal point that tick labels need (Heckbert's `nfrac`).
    public var fractionDigits: Int

    /// Ticks for data spanning `lower...upper`, aiming at `count` ticks (at least 2).
    /// `integers` keeps the step at 1 or more (for counts and epochs).
    public init(lower: Double, upper: Double, count: Int = 5, tight: Bool = false, integers: Bool = false) {
        precondition(lower.isFinite && upper.isFinite, "NiceScale needs finite bounds, got \(lower)...\(upper)")
        var lo = min(lower, upper)
        var hi = max(lower, upper)
        if hi - lo < max(abs(hi), abs(lo), 1e-300) * 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.5
            lo -= pad
            hi += pad
        }
        let range = Self.nice(hi - lo, round: false)
        var d = Self.nice(range / Double(max(count, 2) - 1), round: true)
        if integers { d = max(d, 1) }
        step = d
        fractionDigits = max(-Int(log10(d).rounded(.down)), 0)
        // A relative slack of 1e-9 so that 0.7 / 0.1 = 6.999999999999999 counts as 7.
        let first = tight ? (lo / d - 1e-9).rounded(.up) : (lo / d + 1e-9).rounded(.down)
        let last = tight ? (hi / d + 1e-9).rounded(.down) : (hi / d - 1e-9).rounded(.up)
        let scale = DecimalText.power10(fractionDigits)
        ticks = stride(from: first, through: last, by: 1).map { k in
            // k·d, snapped to the label's precision so 0.1 × 3 is 0.3, not 0.30000000000000004.
            ((k * d) * scale).rounded() / scale
        }
        domain = tight ? lo...hi : (ticks.first ?? lo)...(ticks.last ?? hi)
    }

    /// The nice number nearest `x` (`round`) or not below it: 1, 2, 5 or 10 × 10^⌊log10 x⌋.
    public static func nice(_ x: Double, round: Bool) -> Double {
        precondition(x > 0 && x.isFinite, "nice(_:) needs a positive finite number, got \(x)")
        let exponent = log10(x).rounded(.down)
        let power = pow(10, exponent)
        let fraction = x / power
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * power
    }
}
