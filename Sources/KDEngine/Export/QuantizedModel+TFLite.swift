import Foundation

extension QuantizedModel {
    /// The model as a TensorFlow Lite flatbuffer: schema version 3, buffer 0 empty, one subgraph,
    /// int8 activations with their quantization, per-channel weight scales on
    /// `quantized_dimension` 0 for convolutions, int32 biases, both opcode fields set.
    /// The batch dimension is 1 in `shape` and −1 in `shape_signature`; LiteRT resizes it.
    public func tfliteBytes() -> [UInt8] {
        var graph = TFLiteGraph()
        var current = graph.addTensor(name: "input", shape: [1] + inputShape, type: .int8, quantization: .init(input))
        for (index, operation) in operations.enumerated() {
            let name = sourceLayers.indices.contains(index) ? sourceLayers[index] : "op\(index)"
            let output = graph.addTensor(
                name: "\(name)/output", shape: [1] + operation.outputShape, type: .int8,
                quantization: .init(operation.output))
            var options = FlatBufferTable()
            var inputs = [current]
            let code: TFLiteSchema.BuiltinOperator
            switch operation {
            case .fullyConnected(let op):
                code = .fullyConnected
                inputs.append(
                    graph.addConstant(
                        name: "\(name)/weights", shape: [op.outputCount, op.inputCount], type: .int8,
                        data: op.weights.map { UInt8(bitPattern: $0) },
                        quantization: .init(scales: [op.weightScale], zeroPoints: [0], dimension: 0)))
                inputs.append(
                    graph.addConstant(
                        name: "\(name)/bias", shape: [op.outputCount], type: .int32,
                        data: op.bias.flatMap { littleEndianBytes($0) },
                        quantization: .init(
                            scales: [Float(Double(op.input.scale) * Double(op.weightScale))], zeroPoints: [0],
                            dimension: 0)))
                options.add(
                    TFLiteSchema.FullyConnectedOptions.activation,
                    (op.relu ? TFLiteSchema.Activation.relu : .none).rawValue)
                options.add(TFLiteSchema.FullyConnectedOptions.weightsFormat, Int8(0))
                options.add(TFLiteSchema.FullyConnectedOptions.keepNumDims, false)
            case .conv2D(let op):
                code = .conv2D
                let g = op.geometry
                let zeros = [Int64](repeating: 0, count: g.outputChannels)
                inputs.append(
                    graph.addConstant(
                        name: "\(name)/weights", shape: [g.outputChannels, g.windowHeight, g.windowWidth, g.channels],
                        type: .int8, data: op.weights.map { UInt8(bitPattern: $0) },
                        quantization: .init(scales: op.weightScales, zeroPoints: zeros, dimension: 0)))
                let biasScales = op.weightScales.map { Float(Double(op.input.scale) * Double($0)) }
                inputs.append(
                    graph.addConstant(
                        name: "\(name)/bias", shape: [g.outputChannels], type: .int32,
                        data: op.bias.flatMap { littleEndianBytes($0) },
                        quantization: .init(scales: biasScales, zeroPoints: zeros, dimension: 0)))
                options.add(TFLiteSchema.Conv2DOptions.padding, TFLiteSchema.padding(g.padding))
                options.add(TFLiteSchema.Conv2DOptions.strideW, Int32(g.strideWidth))
                options.add(TFLiteSchema.Conv2DOptions.strideH, Int32(g.strideHeight))
                options.add(
                    TFLiteSchema.Conv2DOptions.activation, (op.relu ? TFLiteSchema.Activation.relu : .none).rawValue)
                options.add(TFLiteSchema.Conv2DOptions.dilationW, Int32(1))
                options.add(TFLiteSchema.Conv2DOptions.dilationH, Int32(1))
            case .maxPool2D(let op):
                code = .maxPool2D
                let g = op.geometry
                options.add(TFLiteSchema.Pool2DOptions.padding, TFLiteSchema.padding(g.padding))
                options.add(TFLiteSchema.Pool2DOptions.strideW, Int32(g.strideWidth))
                options.add(TFLiteSchema.Pool2DOptions.strideH, Int32(g.strideHeight))
                options.add(TFLiteSchema.Pool2DOptions.filterWidth, Int32(g.windowWidth))
                options.add(TFLiteSchema.Pool2DOptions.filterHeight, Int32(g.windowHeight))
                options.add(TFLiteSchema.Pool2DOptions.activation, TFLiteSchema.Activation.none.rawValue)
            case .reshape(let op):
                code = .reshape
                let newShape = [Int32(-1)] + op.outputShape.map { Int32($0) }
                inputs.append(
                    graph.addConstant(
                        name: "\(name)/shape", shape: [newShape.count], type: .int32,
                        data: newShape.flatMap { littleEndianBytes($0) }, quantization: nil))
                options.add(TFLiteSchema.ReshapeOptions.newShape, .vector(newShape))
            case .softmax(let op):
                code = .softmax
                options.add(TFLiteSchema.SoftmaxOptions.beta, op.beta)
            }
            graph.addOperator(code, inputs: inputs, outputs: [output], options: options)
            current = output
        }
        return graph.serialize(inputs: [0], outputs: [current], description: "KDEngine int8 model")
    }

    /// Writes `tfliteBytes()` to `url`.
    public func writeTFLite(to url: URL) throws {
        try Data(tfliteBytes()).write(to: url)
    }
}
