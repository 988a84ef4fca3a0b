extension FloatGraph {
    /// The float graph of `model` for samples of `inputShape`, checked layer by layer.
    ///
    /// Dense, Conv2D, MaxPool2D, ReLU, Flatten and Reshape map to TFLite operators; Dropout is
    /// the identity at inference and disappears. A Conv2D's symmetric padding `p` must be one of
    /// TFLite's modes: `p = 0` is VALID, and SAME when it gives the same output size and the same
    /// padding before the first row and column (odd kernels at stride 1: `p = (k − 1)/2`).
    /// - Throws: `CompressionError.calibrationShape` when the first layer does not take
    ///   `inputShape`; `.unsupportedLayer` naming the layer otherwise.
    public init(_ model: Sequential, inputShape: [Int]) throws {
        var shape = inputShape
        var layers: [Layer] = []
        var names: [String] = []
        for (index, layer) in model.layers.enumerated() {
            let name = "layer \(index) (\(layer.spec))"
            func mismatch(_ expected: [Int]) -> any Error {
                index == 0
                    ? CompressionError.calibrationShape(got: [-1] + inputShape, expected: [-1] + expected)
                    : CompressionError.unsupportedLayer(
                        layer: name,
                        reason: "it takes samples of shape \(shapeText(expected)) but receives \(shapeText(shape))")
            }
            switch layer {
            case let dense as Dense:
                guard shape == [dense.inputs] else { throw mismatch([dense.inputs]) }
                layers.append(
                    .dense(
                        weights: dense.weight.scalars, bias: dense.bias.scalars, inputs: dense.inputs,
                        outputs: dense.outputs))
                shape = [dense.outputs]
            case let conv as Conv2D:
                guard shape.count == 3, shape[2] == conv.inChannels else {
                    throw mismatch([shape.first ?? 8, shape.dropFirst().first ?? 8, conv.inChannels])
                }
                let geometry = try Self.geometry(of: conv, input: shape, name: name)
                layers.append(.conv2D(weights: conv.weight.scalars, bias: conv.bias.scalars, geometry: geometry))
                shape = geometry.outputShape
            case let pool as MaxPool2D:
                guard shape.count == 3, shape[0] >= pool.size, shape[1] >= pool.size else {
                    throw mismatch([
                        max(pool.size, shape.first ?? 0), max(pool.size, shape.dropFirst().first ?? 0), shape.last ?? 1,
                    ])
                }
                let geometry = WindowGeometry(
                    inputHeight: shape[0], inputWidth: shape[1], channels: shape[2],
                    windowHeight: pool.size, windowWidth: pool.size, strideHeight: pool.stride,
                    strideWidth: pool.stride, padding: .valid, outputChannels: shape[2])
                layers.append(.maxPool2D(geometry: geometry))
                shape = geometry.outputShape
            case is ReLU:
                layers.append(.relu)
            case is Flatten:
                shape = [shape.reduce(1, *)]
                layers.append(.reshape(shape))
            case let reshape as Reshape:
                guard reshape.shape.reduce(1, *) == shape.reduce(1, *) else {
                    throw mismatch([reshape.shape.reduce(1, *)])
                }
                shape = reshape.shape
                layers.append(.reshape(shape))
            case is Dropout:
                continue
            default:
                throw CompressionError.unsupportedLayer(
                    layer: name,
                    reason: "int8 export supports Dense, Conv2D, MaxPool2D, ReLU, Flatten, Reshape and Dropout")
            }
            names.append(name)
        }
        self.init(inputShape: inputShape, layers: layers, names: names)
    }

    /// TFLite's padding mode equal to `conv`'s symmetric zero padding on `input` ([h, w, c]).
    static func geometry(of conv: Conv2D, input: [Int], name: String) throws -> WindowGeometry {
        let (k, s, p) = (conv.kernelSize, conv.stride, conv.padding)
        guard input[0] + 2 * p >= k, input[1] + 2 * p >= k else {
            throw CompressionError.unsupportedLayer(
                layer: name, reason: "its \(k)×\(k) kernel does not fit samples of shape \(shapeText(input))")
        }
        for padding in [Padding.valid, .same] {
            let g = WindowGeometry(
                inputHeight: input[0], inputWidth: input[1], channels: input[2], windowHeight: k, windowWidth: k,
                strideHeight: s, strideWidth: s, padding: padding, outputChannels: conv.outChannels)
            let height = (input[0] + 2 * p - k) / s + 1, width = (input[1] + 2 * p - k) / s + 1
            if g.outputHeight == height, g.outputWidth == width, g.padTop == p, g.padLeft == p { return g }
        }
        throw CompressionError.unsupportedLayer(
            layer: name,
            reason:
                "padding \(p) with kernel \(k) and stride \(s) matches neither TFLite's VALID nor SAME; use padding 0, or stride 1 with padding \((k - 1) / 2)"
        )
    }
}

/// Post-training int8 quantization of an engine model (see `quantize(_:calibration:softmax:runtime:)`
/// on `FloatGraph` for the scheme).
/// - Parameters:
///   - model: a `Sequential` of Dense, Conv2D, MaxPool2D, ReLU, Flatten, Reshape, Dropout.
///   - calibration: representative inputs `[n, …]`, e.g. the training inputs; row `i` is sample `i`.
/// - Throws: `CompressionError` for an empty or misshapen calibration set or a layer TFLite cannot express.
public func quantize(_ model: Sequential, calibration: Tensor, softmax: Bool = true, runtime: Int8Runtime = .liteRT)
    throws -> QuantizedModel
{
    guard calibration.rank >= 2 else {
        throw CompressionError.invalidArgument(
            "calibration set must be [n, …] with one sample per row, got shape \(shapeText(calibration.shape))")
    }
    guard calibration.shape[0] > 0 else { throw CompressionError.emptyCalibration }
    let graph = try FloatGraph(model, inputShape: Array(calibration.shape.dropFirst()))
    return try quantize(graph, calibration: calibration.scalars, softmax: softmax, runtime: runtime)
}

extension QuantizedModel {
    /// Quantizes `x` (`[n, …]`, each row one input sample) with the input tensor's parameters;
    /// row-major int8, `n × inputCount` values.
    public func quantizeInput(_ x: Tensor) -> [Int8] {
        precondition(
            x.rank >= 1 && (x.rank == 1 ? x.scalarCount : x.scalarCount / max(x.shape[0], 1)) == inputCount,
            "quantizeInput: samples of \(Array(x.shape.dropFirst())) are not the model's input \(inputShape)")
        return quantizeInput(scalars: x.scalars)
    }
}
