/// gemmlowp's fixed-point transcendental functions on raw int32 values, as TFLite's reference
/// softmax uses them. A value in Qm.n (m integer bits, n = 31 − m) is `raw / 2^n`; products of
/// Qa and Qb values are `saturatingRoundingDoublingHighMul` in Q(a+b); additions wrap.
enum GemmlowpMath {
    private static func mul(_ a: Int32, _ b: Int32) -> Int32 {
        FixedPoint.saturatingRoundingDoublingHighMul(a, b)
    }

    /// `exp(a)` for `a ∈ [−1/4, 0)` in Q0.31: a fourth-order Taylor expansion around −1/8.
    static func expOnIntervalBetweenNegativeOneQuarterAnd0Excl(_ a: Int32) -> Int32 {
        let expMinusOneEighth: Int32 = 1895147668  // exp(−1/8) in Q0.31
        let oneThird: Int32 = 715827883
        let x = a &+ (1 << 28)  // a + 1/8
        let x2 = mul(x, x)
        let x3 = mul(x2, x)
        let x4 = mul(x2, x2)
        let x4Over4 = FixedPoint.saturatingRoundingMultiplyByPOT(x4, -2)
        let polynomial = FixedPoint.saturatingRoundingMultiplyByPOT(mul(x4Over4 &+ x3, oneThird) &+ x2, -1)
        return expMinusOneEighth &+ mul(expMinusOneEighth, x &+ polynomial)
    }

    /// `exp(a)` for `a ≤ 0` given in Q`integerBits`, result in Q0.31: the remainder modulo 1/4
    /// through the polynomial, then one multiplication by `exp(−2^k)` per set bit of the rest.
    static func expOnNegativeValues(_ a: Int32, integerBits: Int) -> Int32 {
        let fractionalBits = 31 - integerBits
        let oneQuarter: Int32 = 1 << Int32(fractionalBits - 2)
        let aModQuarterMinusOneQuarter = (a & (oneQuarter - 1)) &- oneQuarter
        var result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(
            FixedPoint.saturatingRoundingMultiplyByPOT(aModQuarterMinusOneQuarter, integerBits))
        let remainder = aModQuarterMinusOneQuarter &- a
        let barrel: [(exponent: Int, multiplier: Int32)] = [
            (-2, 1672461947), (-1, 1302514674), (0, 790015084), (1, 290630308),
            (2, 39332535), (3, 720401), (4, 242),
        ]
        for step in barrel where integerBits > step.exponent {
            let bit = Int32(1) << Int32(fractionalBits + step.exponent)
            if remainder & bit != 0 { result = mul(result, step.multiplier) }
        }
        if integerBits > 5 {
            let clamp = -(Int32(1) << Int32(36 - integerBits))
            if a < clamp { result = 0 }
        }
        return a == 0 ? Int32.max : result
    }

    /// `1 / (1 + a)` for `a ∈ [0, 1)` in Q0.31, by three Newton–Raphson steps in Q2.29.
    static func oneOverOnePlusXForXIn01(_ a: Int32) -> Int32 {
        let halfDenominator = FixedPoint.roundingHalfSum(a, Int32.max)
        let fortyEightOverSeventeen: Int32 = 1515870810
        let minusThirtyTwoOverSeventeen: Int32 = -1010580540
        var x = fortyEightOverSeventeen &+ mul(halfDenominator, minusThirtyTwoOverSeventeen)
        for _ in 0..<3 {
            let oneMinusHalfDenominatorTimesX = (Int32(1) << 29) &- mul(halfDenominator, x)
            x = x &+ FixedPoint.saturatingRoundingMultiplyByPOT(mul(x, oneMinusHalfDenominatorTimesX), 2)
        }
        return FixedPoint.saturatingRoundingMultiplyByPOT(x, 1)
    }

    /// TFLite's `GetReciprocal`: for `x > 0` in Q`integerBits`, returns `(r, k)` with
    /// `1/x ≈ r · 2^(−31 − k)`, `r` in Q0.31.
    static func reciprocal(_ x: Int32, integerBits: Int) -> (Int32, Int) {
        let headroomPlusOne = UInt32(bitPattern: x).leadingZeroBitCount
        let bitsOverUnit = integerBits - headroomPlusOne
        let shiftedMinusOne = Int32(bitPattern: (UInt32(bitPattern: x) << UInt32(headroomPlusOne)) &- (UInt32(1) << 31))
        return (oneOverOnePlusXForXIn01(shiftedMinusOne), bitsOverUnit)
    }
}
