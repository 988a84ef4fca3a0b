/// Post-training int8 quantization in TensorFlow Lite's scheme:
/// - activations: per-tensor asymmetric int8, ranges from the calibration samples (widened to
///   contain 0; a fused ReLU's range is the post-ReLU range);
/// - weights: symmetric int8 in [−127, 127], per tensor for Dense (FULLY_CONNECTED), per output
///   channel for Conv2D;
/// - biases: int32 at scale `inputScale · weightScale`;
/// - Dense/Conv2D followed by ReLU become one operator with a fused ReLU; MaxPool2D, Flatten and
///   Reshape keep their input's quantization; an optional final SOFTMAX outputs scale 1/256, zero −128.
///
/// - Parameters:
///   - graph: the float model.
///   - calibration: row-major samples, `n × inputCount` values.
///   - softmax: append an int8 SOFTMAX (`false`: the model outputs int8 logits).
///   - runtime: whose int8 arithmetic `predict` and the C export reproduce (see `Int8Runtime`).
/// - Throws: `CompressionError` for an empty or misshapen calibration set or a layer that has
///   no int8 TFLite equivalent.
public func quantize(_ graph: FloatGraph, calibration: [Float], softmax: Bool = true, runtime: Int8Runtime = .liteRT)
    throws -> QuantizedModel
{
    let inputCount = graph.inputShape.reduce(1, *)
    guard !calibration.isEmpty else { throw CompressionError.emptyCalibration }
    guard inputCount > 0, calibration.count % inputCount == 0 else {
        throw CompressionError.calibrationShape(got: [calibration.count], expected: [-1] + graph.inputShape)
    }
    let (inputRange, ranges) = try calibrationRanges(graph, calibration)
    let inputQuantization = QuantizationParameters.asymmetric(min: inputRange.min, max: inputRange.max)
    var current = inputQuantization
    var shape = graph.inputShape
    var operations: [QuantizedOperation] = []
    var names: [String] = []
    var index = 0
    while index < graph.layers.count {
        let name = graph.names[index]
        let fusedReLU: Bool = {
            switch graph.layers[index] {
            case .dense, .conv2D:
                if index + 1 < graph.layers.count, case .relu = graph.layers[index + 1] { return true }
                return false
            default:
                return false
            }
        }()
        let rangeIndex = fusedReLU ? index + 1 : index
        let outputQuantization = QuantizationParameters.asymmetric(
            min: ranges[rangeIndex].min, max: ranges[rangeIndex].max)
        switch graph.layers[index] {
        case .dense(let w, let b, let n, let m):
            guard shape.reduce(1, *) == n, shape.count == 1 else {
                throw CompressionError.unsupportedLayer(
                    layer: name,
                    reason: "it takes \(n) inputs but receives shape \(shapeText(shape)); add a Flatten before it")
            }
            let q = SymmetricWeights(w, channels: m, perChannel: false)
            let bias = quantizeBias(b, inputScale: current.scale, weightScales: q.scales)
            operations.append(
                .fullyConnected(
                    QuantizedFullyConnected(
                        weights: q.values, weightScale: q.scales[0], bias: bias, inputCount: n,
                        input: current, output: outputQuantization, relu: fusedReLU)))
            shape = [m]
            current = outputQuantization
        case .conv2D(let w, let b, let g):
            guard shape == g.inputShape else {
                throw CompressionError.unsupportedLayer(
                    layer: name, reason: "it takes shape \(shapeText(g.inputShape)) but receives \(shapeText(shape))")
            }
            let q = SymmetricWeights(w, channels: g.outputChannels, perChannel: true)
            let bias = quantizeBias(b, inputScale: current.scale, weightScales: q.scales)
            operations.append(
                .conv2D(
                    QuantizedConv2D(
                        geometry: g, weights: q.values, weightScales: q.scales, bias: bias,
                        input: current, output: outputQuantization, relu: fusedReLU)))
            shape = g.outputShape
            current = outputQuantization
        case .maxPool2D(let g):
            guard shape == g.inputShape else {
                throw CompressionError.unsupportedLayer(
                    layer: name, reason: "it takes shape \(shapeText(g.inputShape)) but receives \(shapeText(shape))")
            }
            operations.append(.maxPool2D(QuantizedMaxPool2D(geometry: g, quantization: current)))
            shape = g.outputShape
        case .reshape(let newShape):
            guard newShape.reduce(1, *) == shape.reduce(1, *) else {
                throw CompressionError.unsupportedLayer(
                    layer: name, reason: "it cannot reshape \(shapeText(shape)) to \(shapeText(newShape))")
            }
            if shape != newShape {
                operations.append(
                    .reshape(QuantizedReshape(inputShape: shape, outputShape: newShape, quantization: current)))
                shape = newShape
            } else {
                index += 1
                continue
            }
        case .relu:
            if index > 0, case .maxPool2D = graph.layers[index - 1] {
                throw CompressionError.unsupportedLayer(
                    layer: name,
                    reason:
                        "a ReLU after MaxPool2D has no int8 operator here; put it before the MaxPool2D (the two commute) so the Conv2D fuses it"
                )
            }
            throw CompressionError.unsupportedLayer(
                layer: name, reason: "a ReLU must follow a Dense or Conv2D layer, whose operator fuses it")
        }
        names.append(name)
        index += fusedReLU ? 2 : 1
    }
    if softmax {
        guard shape.count == 1 else {
            throw CompressionError.unsupportedLayer(
                layer: "the output",
                reason: "softmax needs a flat output, got \(shapeText(shape)); end the model with Flatten and Dense")
        }
        operations.append(.softmax(QuantizedSoftmax(depth: shape[0], input: current)))
        names.append("softmax")
    }
    guard !operations.isEmpty else {
        throw CompressionError.unsupportedLayer(layer: "the model", reason: "it has no layer to quantize")
    }
    return QuantizedModel(
        inputShape: graph.inputShape, input: inputQuantization, operations: operations, sourceLayers: names,
        runtime: runtime)
}

/// The range of the input and of every layer's output over the calibration samples.
private func calibrationRanges(_ graph: FloatGraph, _ calibration: [Float]) throws
    -> (input: (min: Float, max: Float), layers: [(min: Float, max: Float)])
{
    let inputCount = graph.inputShape.reduce(1, *)
    if let bad = calibration.firstIndex(where: { !$0.isFinite }) {
        throw CompressionError.invalidArgument(
            "calibration set holds \(calibration[bad]) at sample \(bad / inputCount), value \(bad % inputCount); every input must be finite"
        )
    }
    var input = (min: Float.infinity, max: -Float.infinity)
    var ranges = [(min: Float, max: Float)](repeating: (.infinity, -.infinity), count: graph.layers.count)
    for s in 0..<(calibration.count / inputCount) {
        let sample = calibration[(s * inputCount)..<((s + 1) * inputCount)]
        for v in sample { input = (min(input.min, v), max(input.max, v)) }
        for (index, output) in graph.activations(of: sample).enumerated() {
            for v in output {
                // A NaN would slip through min/max; make the range non-finite instead.
                ranges[index] = v.isFinite ? (min(ranges[index].min, v), max(ranges[index].max, v)) : (.nan, .nan)
            }
        }
    }
    for (index, range) in ranges.enumerated() where !(range.min.isFinite && range.max.isFinite) {
        throw CompressionError.outOfRange(
            layer: graph.names[index],
            reason: "its outputs on the calibration set are not finite; check its weights for NaN or infinity")
    }
    return (input, ranges)
}
