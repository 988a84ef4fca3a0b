/// A model quantized to int8 with TensorFlow Lite's scheme, exportable as a `.tflite` flatbuffer
/// or as C for a microcontroller.
///
/// `predict` computes exactly what `runtime` computes on the exported `.tflite` (by default
/// LiteRT's interpreter), and exactly what the exported C computes, bit for bit. With
/// `runtime = .tfliteMicro` every step is integer arithmetic.
public struct QuantizedModel: Sendable {
    /// The shape of one input sample (no batch dimension): `[features]` or `[height, width, channels]`.
    public var inputShape: [Int]
    public var input: QuantizationParameters
    public var operations: [QuantizedOperation]
    /// The names of the float layers each operator came from, for reports and error messages.
    public var sourceLayers: [String]
    /// Whose int8 arithmetic `predict` and `writeC` reproduce. Changing it changes no parameter.
    public var runtime: Int8Runtime

    public init(
        inputShape: [Int], input: QuantizationParameters, operations: [QuantizedOperation],
        sourceLayers: [String] = [], runtime: Int8Runtime = .liteRT
    ) {
        precondition(!operations.isEmpty, "a quantized model has at least one operator")
        self.inputShape = inputShape
        self.input = input
        self.operations = operations
        self.sourceLayers = sourceLayers.isEmpty ? operations.map { "\($0.kind)" } : sourceLayers
        self.runtime = runtime
    }

    /// Values in one input sample.
    public var inputCount: Int { inputShape.reduce(1, *) }
    /// Values in one output sample.
    public var outputCount: Int { outputShape.reduce(1, *) }
    public var outputShape: [Int] { operations[operations.count - 1].outputShape }
    /// The quantization of the output tensor.
    public var output: QuantizationParameters { operations[operations.count - 1].output }

    /// Quantizes row-major float inputs with the input tensor's parameters.
    public func quantizeInput(scalars: [Float]) -> [Int8] {
        let parameters = input
        return scalars.map { parameters.quantize($0) }
    }

    /// Runs the int8 model on `batch` row-major samples and returns the int8 output tensor,
    /// row-major, `batch × outputCount` values.
    public func predict(_ input: [Int8], batch: Int) -> [Int8] {
        precondition(
            batch >= 0 && input.count == batch * inputCount,
            "predict: \(input.count) values are not \(batch) samples of \(inputCount)")
        let counts = operations.map { $0.outputShape.reduce(1, *) }
        let largest = max(inputCount, counts.max() ?? 0)
        // Two buffers, each operator reading one and writing the other.
        var buffers = [Int8](repeating: 0, count: 2 * largest)
        var result = [Int8](repeating: 0, count: batch * outputCount)
        let (inputCount, outputCount, operations, runtime) = (inputCount, outputCount, operations, runtime)
        buffers.withUnsafeMutableBufferPointer { space in
            let halves = [
                UnsafeMutableBufferPointer(rebasing: space[0..<largest]),
                UnsafeMutableBufferPointer(rebasing: space[largest...]),
            ]
            input.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    for sample in 0..<batch {
                        _ = halves[0].update(fromContentsOf: x[(sample * inputCount)..<((sample + 1) * inputCount)])
                        var (from, count) = (0, inputCount)
                        for (operation, outCount) in zip(operations, counts) {
                            operation.run(
                                UnsafeBufferPointer(rebasing: halves[from][0..<count]),
                                UnsafeMutableBufferPointer(rebasing: halves[1 - from][0..<outCount]), runtime: runtime)
                            (from, count) = (1 - from, outCount)
                        }
                        _ = UnsafeMutableBufferPointer(
                            rebasing: y[(sample * outputCount)..<((sample + 1) * outputCount)]
                        )
                        .update(fromContentsOf: halves[from][0..<count])
                    }
                }
            }
        }
        return result
    }

    /// Dequantized outputs, `batch × outputCount` Float32 values.
    public func dequantizeOutput(_ q: [Int8]) -> [Float] {
        let parameters = output
        return q.map { parameters.dequantize($0) }
    }

    /// The index of the largest output of each sample (first one on ties).
    public func predictedClasses(_ q: [Int8]) -> [Int] {
        let n = outputCount
        precondition(n > 0 && q.count % n == 0)
        return (0..<(q.count / n)).map { row in
            var best = 0
            for j in 1..<n where q[row * n + j] > q[row * n + best] { best = j }
            return best
        }
    }
}

extension QuantizedOperation {
    /// The TFLite operator name.
    public var kind: String {
        switch self {
        case .fullyConnected: "FULLY_CONNECTED"
        case .conv2D: "CONV_2D"
        case .maxPool2D: "MAX_POOL_2D"
        case .reshape: "RESHAPE"
        case .softmax: "SOFTMAX"
        }
    }
}
