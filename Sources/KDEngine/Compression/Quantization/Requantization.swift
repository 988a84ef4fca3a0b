/// How an int32 accumulator becomes an int8 activation: `clamp(M·acc + zeroPoint, range)` with
/// the real multiplier `M = inputScale · weightScale / outputScale` per output channel, held in
/// the forms the runtimes use: a fixed-point `(multiplier, shift)` from TFLite's
/// `QuantizeMultiplier` (computed in Double from the Float32 scales stored in the model), the
/// Float32 product XNNPACK computes, and the Double product of TFLite's reference kernel.
public struct Requantization: Sendable, Equatable {
    public var multipliers: [Int32]
    public var shifts: [Int]
    /// `(inputScale · weightScale) / outputScale`, each step in Float32 (XNNPACK).
    public var floatScales: [Float]
    /// `Double(inputScale) · Double(weightScale) / Double(outputScale)`.
    public var doubleScales: [Double]
    public var outputZeroPoint: Int32
    public var range: ClosedRange<Int32>

    init(inputScale: Float, weightScales: [Float], output: QuantizationParameters, relu: Bool) {
        doubleScales = weightScales.map { Double(inputScale) * Double($0) / Double(output.scale) }
        floatScales = weightScales.map { inputScale * $0 / output.scale }
        let fixed = doubleScales.map(FixedPoint.quantizeMultiplier)
        multipliers = fixed.map(\.multiplier)
        shifts = fixed.map(\.shift)
        outputZeroPoint = output.zeroPoint
        range = output.activationRange(relu: relu)
    }

    /// The int8 output for `accumulator` on output channel `channel`.
    @inlinable
    public func apply(_ accumulator: Int32, channel: Int, _ rescaling: Int8Runtime.Rescaling) -> Int8 {
        let index = multipliers.count == 1 ? 0 : channel
        let low = range.lowerBound, high = range.upperBound
        let scaled: Int32
        switch rescaling {
        case .doubleRounding:
            scaled = FixedPoint.multiplyByQuantizedMultiplier(accumulator, multipliers[index], shifts[index])
        case .ruy:
            scaled = FixedPoint.multiplyByQuantizedMultiplierRuy(accumulator, multipliers[index], shifts[index])
        case .float32:
            // Clamping before rounding equals clamping after: the bounds are integers.
            let v = Float(accumulator) * floatScales[index]
            let bounded = min(Float(high - outputZeroPoint), max(Float(low - outputZeroPoint), v))
            scaled = Int32(bounded.rounded(.toNearestOrEven))
        case .double:
            let v = Double(accumulator) * doubleScales[index]
            let bounded = min(Double(high - outputZeroPoint), max(Double(low - outputZeroPoint), v))
            scaled = Int32(bounded.rounded(.toNearestOrAwayFromZero))
        }
        return Int8(min(high, max(low, scaled &+ outputZeroPoint)))
    }
}
