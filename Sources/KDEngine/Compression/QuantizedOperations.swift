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

/// TFLite's padding modes. `same` pads so that `output = ceil(input / stride)`, splitting the
/// total padding with the extra row/column at the end; `valid` does not pad.
public enum Padding: String, Sendable {
    case same, valid
}

/// The spatial arithmetic shared by convolution and pooling (TFLite's
/// `ComputePaddingHeightWidth`): output size and the padding before the first row and column.
public struct WindowGeometry: Sendable, Equatable {
    public var inputHeight: Int, inputWidth: Int, channels: Int
    public var windowHeight: Int, windowWidth: Int
    public var strideHeight: Int, strideWidth: Int
    public var padding: Padding
    public var outputChannels: Int

    public var outputHeight: Int { Self.outputSize(inputHeight, windowHeight, strideHeight, padding) }
    public var outputWidth: Int { Self.outputSize(inputWidth, windowWidth, strideWidth, padding) }
    public var padTop: Int { Self.padBefore(inputHeight, windowHeight, strideHeight, padding) }
    public var padLeft: Int { Self.padBefore(inputWidth, windowWidth, strideWidth, padding) }
    public var inputShape: [Int] { [inputHeight, inputWidth, channels] }
    public var outputShape: [Int] { [outputHeight, outputWidth, outputChannels] }

    static func outputSize(_ input: Int, _ window: Int, _ stride: Int, _ padding: Padding) -> Int {
        switch padding {
        case .same: (input + stride - 1) / stride
        case .valid: (input - window + stride) / stride
        }
    }

    static func padBefore(_ input: Int, _ window: Int, _ stride: Int, _ padding: Padding) -> Int {
        let output = outputSize(input, window, stride, padding)
        return max(((output - 1) * stride + window - input) / 2, 0)
    }
}

/// `RESHAPE`: the same bytes under a new shape (quantization unchanged).
public struct QuantizedReshape: Sendable {
    public var inputShape: [Int]
    public var outputShape: [Int]
    public var quantization: QuantizationParameters
}
