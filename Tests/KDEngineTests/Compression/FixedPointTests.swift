import Foundation
import Testing

@testable import KDEngine

/// TFLite's fixed-point primitives on values worked out by hand from their definitions.
@Suite("fixed point")
struct FixedPointTests {
    @Test(arguments: [
        (0.5, Int32(1 << 30), 0), (0.25, Int32(1 << 30), -1), (1.0, Int32(1 << 30), 1), (0.75, Int32(1_610_612_736), 0),
        (0.0, Int32(0), 0), (1e-12, Int32(0), 0),  // below 2^-31: flushed to zero
        (0.999_999_999_9, Int32(1 << 30), 1),  // rounds up to 2^31, renormalized
    ])
    func quantizeMultiplier(real: Double, multiplier: Int32, shift: Int) {
        let q = FixedPoint.quantizeMultiplier(real)
        #expect(q.multiplier == multiplier && q.shift == shift)
    }

    @Test func saturatingRoundingDoublingHighMul() {
        #expect(FixedPoint.saturatingRoundingDoublingHighMul(Int32.min, Int32.min) == Int32.max)
        #expect(FixedPoint.saturatingRoundingDoublingHighMul(1 << 30, 1 << 30) == 1 << 29)  // 0.5 · 0.5
        // 3 · 2^30 / 2^31 = 1.5 → 2 and −1.5 → −1: ties towards +∞ (VQRDMULH's nudge).
        #expect(FixedPoint.saturatingRoundingDoublingHighMul(3, 1 << 30) == 2)
        #expect(FixedPoint.saturatingRoundingDoublingHighMul(-3, 1 << 30) == -1)
        #expect(FixedPoint.saturatingRoundingDoublingHighMul(-5, 1 << 30) == -2)  // −2.5 → −2
    }

    @Test(arguments: [
        (5, 1, Int32(3)), (-5, 1, -3), (4, 1, 2), (-4, 1, -2), (7, 2, 2), (-6, 2, -2), (-7, 2, -2), (6, 2, 2),
        (123, 0, 123),
    ])
    func roundingDivideByPOT(x: Int32, exponent: Int, expected: Int32) {
        #expect(FixedPoint.roundingDivideByPOT(x, exponent) == expected)
    }

    /// gemmlowp's final rounding shift (ties away from zero) and ruy's (ties up) differ on negative ties.
    @Test func rescalingVariantsDifferOnTies() {
        let (m, s) = FixedPoint.quantizeMultiplier(0.25)  // (2^30, −1)
        #expect(FixedPoint.multiplyByQuantizedMultiplier(6, m, s) == 2)  // 1.5 → 2
        #expect(FixedPoint.multiplyByQuantizedMultiplierRuy(6, m, s) == 2)
        #expect(FixedPoint.multiplyByQuantizedMultiplier(-6, m, s) == -2)  // −1.5 → −2
        #expect(FixedPoint.multiplyByQuantizedMultiplierRuy(-6, m, s) == -1)  // −1.5 → −1
        #expect(
            FixedPoint.multiplyByQuantizedMultiplier(1000, FixedPoint.quantizeMultiplier(3.0).multiplier, 2) == 3000)
    }

    /// gemmlowp's exp and reciprocal against Double, within their documented precision.
    @Test func transcendentals() {
        for x in stride(from: -15.0, through: 0, by: 0.37) {
            let raw = Int32((x * Double(1 << 26)).rounded())  // Q5.26
            let e = Double(GemmlowpMath.expOnNegativeValues(raw, integerBits: 5)) / Double(1 << 31)
            #expect(abs(e - exp(x)) < 2e-6, "exp(\(x))")
        }
        for x in stride(from: 0.0, to: 1, by: 0.07) {
            let r = Double(GemmlowpMath.oneOverOnePlusXForXIn01(Int32(x * Double(Int32.max)))) / Double(1 << 31)
            #expect(abs(r - 1 / (1 + x)) < 1e-6, "1/(1+\(x))")
        }
    }

    /// C literals denote exactly the value they come from.
    @Test func hexadecimalLiterals() {
        #expect(CLiteral.float(0.1) == "0x1.99999ap-4f")
        #expect(CLiteral.float(-1.5) == "-0x1.800000p0f")
        #expect(CLiteral.float(1.0 / 256) == "0x1.000000p-8f")
        #expect(CLiteral.double(0.1) == "0x1.999999999999ap-4")
        #expect(CLiteral.int32(Int32.min) == "INT32_MIN")
    }
}
