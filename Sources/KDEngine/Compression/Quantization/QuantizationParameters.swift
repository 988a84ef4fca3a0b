import Foundation

/// Affine quantization of one tensor, as in TensorFlow Lite's quantization spec:
/// `real = scale · (q − zeroPoint)`, `q ∈ [−128, 127]`.
public struct QuantizationParameters: Sendable, Equatable, Hashable {
    public var scale: Float
    public var zeroPoint: Int32

    public init(scale: Float, zeroPoint: Int32) {
        precondition(scale > 0 && scale.isFinite, "a quantization scale must be finite and > 0, got \(scale)")
        precondition((-128...127).contains(zeroPoint), "an int8 zero point lies in -128...127, got \(zeroPoint)")
        self.scale = scale
        self.zeroPoint = zeroPoint
    }

    /// Asymmetric int8 parameters covering `[min, max]` widened to contain 0, so that real 0 is
    /// exactly representable (zero padding and ReLU depend on it). The zero point is nudged to
    /// the integer whose rounding error is smaller, as TFLite's calibrator does.
    public static func asymmetric(min: Float, max: Float) -> QuantizationParameters {
        let low = Double(Swift.min(min, 0))
        var high = Double(Swift.max(max, 0))
        if high == low { high = low + 1 }
        let scale = (high - low) / 255
        let fromMin = -128 - low / scale
        let fromMax = 127 - high / scale
        let errorMin = 128 + abs(low / scale)
        let errorMax = 127 + abs(high / scale)
        let zero = (errorMin < errorMax ? fromMin : fromMax).rounded(.toNearestOrAwayFromZero)
        return QuantizationParameters(scale: Float(scale), zeroPoint: Int32(Swift.min(127, Swift.max(-128, zero))))
    }

    /// The fixed output quantization of an int8 softmax: scale 1/256, zero point −128.
    public static let softmaxOutput = QuantizationParameters(scale: 1.0 / 256.0, zeroPoint: -128)

    /// `clamp(round(x / scale) + zeroPoint, −128, 127)`, rounding half away from zero in Float32,
    /// exactly as TFLite's QUANTIZE reference kernel.
    @inlinable
    public func quantize(_ x: Float) -> Int8 {
        let rounded = (x / scale).rounded(.toNearestOrAwayFromZero)
        guard rounded.isFinite else { return rounded > 0 ? 127 : -128 }
        let q = Swift.max(-1e6, Swift.min(1e6, rounded))
        return Int8(Swift.max(-128, Swift.min(127, Int32(q) + zeroPoint)))
    }

    /// `scale · (q − zeroPoint)`.
    @inlinable
    public func dequantize(_ q: Int8) -> Float {
        scale * Float(Int32(q) - zeroPoint)
    }

    /// The quantized range a fused ReLU keeps: `[quantize(0), 127]`; without ReLU `[−128, 127]`.
    func activationRange(relu: Bool) -> ClosedRange<Int32> {
        relu ? Swift.max(-128, zeroPoint)...127 : -128...127
    }
}

/// Symmetric int8 weights: `w ≈ scale · q`, `q ∈ [−127, 127]`, zero point 0.
struct SymmetricWeights {
    var values: [Int8]
    var scales: [Float]

    /// Quantizes `weights`, laid out as `channels` consecutive rows, one scale per row
    /// (`perChannel`) or one for the whole tensor: `scale = max|w| / 127` (1 for an all-zero row,
    /// so pruned channels stay representable).
    init(_ weights: [Float], channels: Int, perChannel: Bool) {
        precondition(channels > 0 && weights.count % channels == 0, "weights do not split into \(channels) channels")
        let rowLength = weights.count / channels
        func scale(of slice: ArraySlice<Float>) -> Float {
            let largest = slice.reduce(Float(0)) { Swift.max($0, abs($1)) }
            return largest > 0 ? largest / 127 : 1
        }
        if perChannel {
            scales = (0..<channels).map { scale(of: weights[($0 * rowLength)..<(($0 + 1) * rowLength)]) }
        } else {
            scales = [scale(of: weights[...])]
        }
        var values = [Int8](repeating: 0, count: weights.count)
        for index in weights.indices {
            let s = scales[perChannel ? index / rowLength : 0]
            let q = (weights[index] / s).rounded(.toNearestOrAwayFromZero)
            values[index] = Int8(Swift.max(-127, Swift.min(127, q)))
        }
        self.values = values
    }
}

/// `round(b / (inputScale · weightScale))` as int32, the bias scheme of TFLite's int8 kernels.
func quantizeBias(_ bias: [Float], inputScale: Float, weightScales: [Float]) -> [Int32] {
    bias.indices.map { index in
        let scale = Double(inputScale) * Double(weightScales.count == 1 ? weightScales[0] : weightScales[index])
        let q = (Double(bias[index]) / scale).rounded(.toNearestOrAwayFromZero)
        return Int32(Swift.max(Double(Int32.min), Swift.min(Double(Int32.max), q)))
    }
}
