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
