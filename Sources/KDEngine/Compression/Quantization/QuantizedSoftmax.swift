import Foundation

/// `SOFTMAX` on int8 logits with an int8 output at scale 1/256, zero point −128.
///
/// TFLite has two int8 softmax kernels, and they do not agree bit for bit (`Int8Runtime.softmax`
/// says which one a runtime runs):
/// - `.lookupTable` is LiteRT's optimized kernel on x86 (`optimized_ops::Softmax`): a
///   256-entry Float32 table `T[255 − d] = expf(−s·β·d)`, then per row
///   `y_j = round(T[x_j − max] / (Σ_k T[x_k − max] · 1/256)) − 128` in Float32.
/// - `.fixedPoint` is the reference kernel (`reference_ops::Softmax`), the one TFLite Micro
///   runs: differences rescaled to Q5.26, gemmlowp's fixed-point `exp`, a Q12.19 sum, a
///   Newton–Raphson reciprocal, all integer.
public struct QuantizedSoftmax: Sendable {
    public enum Kernel: String, Sendable, CaseIterable {
        case lookupTable, fixedPoint
    }

    public var depth: Int
    public var input: QuantizationParameters
    public var beta: Float
    /// `.lookupTable`: `table[255 − d] = expf(−inputScale · β · d)`, d = 0…255.
    public let table: [Float]
    /// `.fixedPoint`: the Q5.26 input multiplier, its left shift and the smallest difference kept.
    public let inputMultiplier: Int32
    public let inputLeftShift: Int
    public let diffMin: Int32

    init(depth: Int, input: QuantizationParameters, beta: Float = 1) {
        self.depth = depth
        self.input = input
        self.beta = beta
        let scale = -input.scale * beta
        var table = [Float](repeating: 0, count: 256)
        for d in 0...255 { table[255 - d] = expf(scale * Float(d)) }
        self.table = table
        // PreprocessSoftmaxScaling with 5 integer bits, then CalculateInputRadius(5, shift, 31).
        let real = min(Double(beta) * Double(input.scale) * Double(1 << 26), Double(Int64(1) << 31) - 1)
        let (m, shift) = FixedPoint.quantizeMultiplier(real)
        self.inputMultiplier = m
        self.inputLeftShift = shift
        let radius = (Double(31) * Double(Int64(1) << 26) / Double(Int64(1) << shift)).rounded(.down)
        self.diffMin = -Int32(radius)
    }

    func run(_ x: UnsafeBufferPointer<Int8>, _ y: UnsafeMutableBufferPointer<Int8>, _ kernel: Kernel) {
        precondition(x.count == depth && y.count == depth, "softmax: wrong buffer sizes")
        switch kernel {
        case .lookupTable: runLookupTable(x, y)
        case .fixedPoint: runFixedPoint(x, y)
        }
    }

    private func runLookupTable(_ x: UnsafeBufferPointer<Int8>, _ y: UnsafeMutableBufferPointer<Int8>) {
        let largest = Int(x.max() ?? 0)
        var sum: Float = 0
        for j in 0..<depth { sum += table[255 - largest + Int(x[j])] }
        let inverse: Float = 1 / (sum * QuantizationParameters.softmaxOutput.scale)
        for j in 0..<depth {
            let probability = table[255 - largest + Int(x[j])] * inverse
            let q = Int32(probability.rounded(.toNearestOrAwayFromZero)) - 128
            y[j] = Int8(min(127, max(-128, q)))
        }
    }

    private func runFixedPoint(_ x: UnsafeBufferPointer<Int8>, _ y: UnsafeMutableBufferPointer<Int8>) {
        let largest = Int32(x.max() ?? 0)
        func scaledDifference(_ value: Int8) -> Int32? {
            let difference = Int32(value) - largest
            guard difference >= diffMin else { return nil }
            // MultiplyByQuantizedMultiplierGreaterThanOne: a Q5.26 value.
            return FixedPoint.saturatingRoundingDoublingHighMul(
                difference &* (1 << Int32(inputLeftShift)), inputMultiplier)
        }
        var sumOfExps: Int32 = 0  // Q12.19
        for j in 0..<depth {
            if let d = scaledDifference(x[j]) {
                sumOfExps &+= FixedPoint.roundingDivideByPOT(GemmlowpMath.expOnNegativeValues(d, integerBits: 5), 12)
            }
        }
        let (reciprocal, bitsOverUnit) = GemmlowpMath.reciprocal(sumOfExps, integerBits: 12)
        let exponent = bitsOverUnit + 31 - 8
        precondition((0...31).contains(exponent), "softmax: reciprocal exponent out of range")
        for j in 0..<depth {
            if let d = scaledDifference(x[j]) {
                let e = GemmlowpMath.expOnNegativeValues(d, integerBits: 5)
                let unsaturated = FixedPoint.roundingDivideByPOT(
                    FixedPoint.saturatingRoundingDoublingHighMul(reciprocal, e), exponent)
                y[j] = Int8(min(127, max(-128, unsaturated - 128)))
            } else {
                y[j] = -128
            }
        }
    }
}
