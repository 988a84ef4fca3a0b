import Foundation

/// The fixed-point arithmetic of TensorFlow Lite's integer kernels (gemmlowp's `fixedpoint.h`
/// and TFLite's `quantization_util.cc`, double-rounding build), written from their documented
/// semantics. Every function here is exact integer arithmetic; the C export emits the same
/// operations, so Swift, C and LiteRT agree bit for bit.
public enum FixedPoint {
    /// A real multiplier `m > 0` as `(q, shift)` with `m ≈ q · 2^(shift − 31)`,
    /// `q ∈ [2^30, 2^31)`. Rounding of `q` is half away from zero, as `std::round`;
    /// multipliers below 2^-31 flush to `(0, 0)` like TFLite's `QuantizeMultiplier`.
    public static func quantizeMultiplier(_ multiplier: Double) -> (multiplier: Int32, shift: Int) {
        precondition(multiplier >= 0 && multiplier.isFinite, "multiplier must be finite and ≥ 0, got \(multiplier)")
        if multiplier == 0 { return (0, 0) }
        // frexp: multiplier = fraction · 2^exponent, fraction ∈ [0.5, 1).
        var shift = Int(multiplier.exponent) + 1
        let fraction = multiplier.significand / 2
        var fixed = Int64((fraction * Double(Int64(1) << 31)).rounded(.toNearestOrAwayFromZero))
        precondition(fixed <= Int64(1) << 31)
        if fixed == Int64(1) << 31 {
            fixed /= 2
            shift += 1
        }
        if shift < -31 {
            shift = 0
            fixed = 0
        }
        return (Int32(fixed), shift)
    }

    /// `round(a · b / 2^31)` with ties towards +∞ (a nudge of 2^30, or 1 − 2^30 for a negative
    /// product, then division truncating towards zero), saturating the single overflow case
    /// `a = b = Int32.min` (ARM's `VQRDMULH`).
    @inlinable
    public static func saturatingRoundingDoublingHighMul(_ a: Int32, _ b: Int32) -> Int32 {
        if a == b && a == Int32.min { return Int32.max }
        let product = Int64(a) * Int64(b)
        let nudge: Int64 = product >= 0 ? (1 << 30) : (1 - (1 << 30))
        return Int32(truncatingIfNeeded: (product + nudge) / (Int64(1) << 31))
    }

    /// `x / 2^exponent` rounded to nearest, ties away from zero (a rounding arithmetic shift).
    @inlinable
    public static func roundingDivideByPOT(_ x: Int32, _ exponent: Int) -> Int32 {
        precondition(exponent >= 0 && exponent <= 31, "exponent out of range: \(exponent)")
        let mask = Int32(truncatingIfNeeded: (Int64(1) << exponent) - 1)
        let remainder = x & mask
        let threshold = (mask >> 1) + (x < 0 ? 1 : 0)
        return (x >> Int32(exponent)) &+ (remainder > threshold ? 1 : 0)
    }

    /// `x · q · 2^(shift − 31)`, rounded the way TFLite's `MultiplyByQuantizedMultiplier` does:
    /// a left shift for `shift > 0`, the doubling high multiply, then a rounding right shift.
    @inlinable
    public static func multiplyByQuantizedMultiplier(_ x: Int32, _ multiplier: Int32, _ shift: Int) -> Int32 {
        let left = shift > 0 ? shift : 0
        let right = shift > 0 ? 0 : -shift
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x &* (1 << Int32(left)), multiplier), right)
    }

    /// `x · q · 2^(shift − 31)` the way ruy's x86 kernels (AVX, AVX2, AVX-512) compute it for
    /// LiteRT's optimized GEMM: `h = ⌊(x·2^left · q + 2^30) / 2^31⌋`, then for a right shift `r`,
    /// `(h + 2^(r−1)) >> r` (`2^(31−r)` where that addition overflows). Both roundings go half
    /// towards +∞, unlike gemmlowp's half away from zero.
    @inlinable
    public static func multiplyByQuantizedMultiplierRuy(_ x: Int32, _ multiplier: Int32, _ shift: Int) -> Int32 {
        let left = shift > 0 ? shift : 0
        let right = shift > 0 ? 0 : -shift
        let product = Int64(x &<< Int32(left)) * Int64(multiplier)
        let high = Int32(truncatingIfNeeded: (product + (Int64(1) << 30)) >> 31)
        guard right > 0 else { return high }
        let nudge = Int32(1) << Int32(right - 1)
        if high > Int32.max - nudge { return Int32(1) << Int32(31 - right) }
        return (high + nudge) >> Int32(right)
    }

    /// `x · 2^exponent` for a fixed-point raw value: saturating for `exponent > 0`,
    /// a rounding shift for `exponent < 0` (gemmlowp's `SaturatingRoundingMultiplyByPOT`).
    @inlinable
    public static func saturatingRoundingMultiplyByPOT(_ x: Int32, _ exponent: Int) -> Int32 {
        if exponent == 0 { return x }
        if exponent < 0 { return roundingDivideByPOT(x, -exponent) }
        let threshold = Int32((1 << (31 - exponent)) - 1)
        if x > threshold { return Int32.max }
        if x < -threshold { return Int32.min }
        return x << Int32(exponent)
    }

    /// `(a + b) / 2` rounded to nearest, ties away from zero (`VRHADD`).
    @inlinable
    public static func roundingHalfSum(_ a: Int32, _ b: Int32) -> Int32 {
        let sum = Int64(a) + Int64(b)
        return Int32((sum + (sum >= 0 ? 1 : -1)) / 2)
    }
}
