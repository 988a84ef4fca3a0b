/// One operator of an int8 model, in TensorFlow Lite's terms. Shapes are per sample (no batch
/// dimension); activations are NHWC, weights are `[outputs, inputs]` for fully connected layers
/// and OHWI for convolutions, as the `.tflite` format stores them.
public enum QuantizedOperation: Sendable {
    case fullyConnected(QuantizedFullyConnected)
    case conv2D(QuantizedConv2D)
    case maxPool2D(QuantizedMaxPool2D)
    case reshape(QuantizedReshape)
    case softmax(QuantizedSoftmax)

    /// The quantization of this operator's output tensor.
    public var output: QuantizationParameters {
        switch self {
        case .fullyConnected(let op): op.output
        case .conv2D(let op): op.output
        case .maxPool2D(let op): op.quantization
        case .reshape(let op): op.quantization
        case .softmax: .softmaxOutput
        }
    }

    /// The output shape of one sample.
    public var outputShape: [Int] {
        switch self {
        case .fullyConnected(let op): [op.outputCount]
        case .conv2D(let op): op.geometry.outputShape
        case .maxPool2D(let op): op.geometry.outputShape
        case .reshape(let op): op.outputShape
        case .softmax(let op): [op.depth]
        }
    }

    /// Runs the operator on one sample with `runtime`'s arithmetic.
    func run(_ input: UnsafeBufferPointer<Int8>, _ output: UnsafeMutableBufferPointer<Int8>, runtime: Int8Runtime) {
        switch self {
        case .fullyConnected(let op): op.run(input, output, runtime.rescaling(for: self))
        case .conv2D(let op): op.run(input, output, runtime.rescaling(for: self))
        case .maxPool2D(let op): op.run(input, output)
        case .reshape: _ = output.update(fromContentsOf: input)
        case .softmax(let op): op.run(input, output, runtime.softmax)
        }
    }
}

/// `RESHAPE`: the same bytes under a new shape (quantization unchanged).
public struct QuantizedReshape: Sendable {
    public var inputShape: [Int]
    public var outputShape: [Int]
    public var quantization: QuantizationParameters
}
