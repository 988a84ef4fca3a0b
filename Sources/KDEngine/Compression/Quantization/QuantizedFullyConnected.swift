/// `FULLY_CONNECTED` with int8 input, per-tensor symmetric int8 weights `[outputs, inputs]`,
/// int32 bias and int8 output:
/// `acc_o = bias_o + Σ_i w_oi · (x_i − z_in)`, `y_o = clamp(M·acc_o + z_out)` (TFLite's
/// `reference_integer_ops::FullyConnected`).
public struct QuantizedFullyConnected: Sendable {
    public var inputCount: Int
    public var outputCount: Int
    /// `[outputCount, inputCount]`, row-major.
    public var weights: [Int8]
    public var weightScale: Float
    public var bias: [Int32]
    public var input: QuantizationParameters
    public var output: QuantizationParameters
    public var relu: Bool
    public var requantization: Requantization
    /// `bias_o − z_in · Σ_i w_oi`: the input offset folded into the bias (exact in int32).
    let foldedBias: [Int32]

    init(
        weights: [Int8], weightScale: Float, bias: [Int32], inputCount: Int,
        input: QuantizationParameters, output: QuantizationParameters, relu: Bool
    ) {
        precondition(inputCount > 0 && weights.count % inputCount == 0, "weights are not [outputs, \(inputCount)]")
        self.inputCount = inputCount
        self.outputCount = weights.count / inputCount
        precondition(bias.count == outputCount, "bias has \(bias.count) values for \(outputCount) outputs")
        self.weights = weights
        self.weightScale = weightScale
        self.bias = bias
        self.input = input
        self.output = output
        self.relu = relu
        self.requantization = Requantization(
            inputScale: input.scale, weightScales: [weightScale], output: output, relu: relu)
        var folded = bias
        for o in 0..<outputCount {
            var sum: Int32 = 0
            for i in 0..<inputCount { sum &+= Int32(weights[o * inputCount + i]) }
            folded[o] = bias[o] &- input.zeroPoint &* sum
        }
        self.foldedBias = folded
    }

    func run(_ x: UnsafeBufferPointer<Int8>, _ y: UnsafeMutableBufferPointer<Int8>, _ rescaling: Int8Runtime.Rescaling)
    {
        precondition(x.count == inputCount && y.count == outputCount, "fully connected: wrong buffer sizes")
        let n = inputCount
        weights.withUnsafeBufferPointer { w in
            foldedBias.withUnsafeBufferPointer { bias in
                for o in 0..<outputCount {
                    let row = UnsafeBufferPointer(rebasing: w[(o * n)..<(o * n + n)])
                    var acc: Int32 = 0
                    for i in 0..<n { acc &+= Int32(row[i]) &* Int32(x[i]) }
                    y[o] = requantization.apply(acc &+ bias[o], channel: o, rescaling)
                }
            }
        }
    }
}
