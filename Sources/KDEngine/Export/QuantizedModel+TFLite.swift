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
            let output = graph.addTensor(name: "\(name)/output", shape: [1] + operation.outputShape, type: .int8,
                                         quantization: .init(operation.output))
            var options = FlatBufferTable()
            var inputs = [current]
            let code: TFLiteSchema.BuiltinOperator
            switch operation {
            case .fullyConnected(let op):
                code = .fullyConnected
                inputs.append(graph.addConstant(name: "\(name)/weights", shape: [op.outputCount, op.inputCount], type: .int8,
                                                data: op.weights.map { UInt8(bitPattern: $0) },
                                                quantization: .init(scales: [op.weightScale], zeroPoints: [0], dimension: 0)))
                inputs.append(graph.addConstant(name: "\(name)/bias", shape: [op.outputCount], type: .int32,
                                                data: op.bias.flatMap { littleEndianBytes($0) },
                                                quantization: .init(scales: [Float(Double(op.input.scale) * Double(op.weightScale))], zeroPoints: [0], dimension: 0)))
                options.add(TFLiteSchema.FullyConnectedOptions.activation, (op.relu ? TFLiteSchema.Activation.relu : .none).rawValue)
                options.add(TFLiteSchema.FullyConnectedOptions.weightsFormat, Int8(0))
                options.add(TFLiteSchema.FullyConnectedOptions.keepNumDims, false)
            case .conv2D(let op):
                code = .conv2D
                let g = op.geometry
                let zeros = [Int64](repeating: 0, count: g.outputChannels)
                inputs.append(graph.addConstant(name: "\(name)/weights", shape: [g.outputChannels, g.windowHeight, g.windowWidth, g.channels],
                                                type: .int8, data: op.weights.map { UInt8(bitPattern: $0) },
                                                quantization: .init(scales: op.weightScales, zeroPoints: zeros, dimension: 0)))
                let biasScales = op.weightScales.map { Float(Double(op.input.scale) * Double($0)) }
                inputs.append(graph.addConstant(name: "\(name)/bias", shape: [g.outputChannels], type: .int32,
                                                data: op.bias.flatMap { littleEndianBytes($0) },
                                                quantization: .init(scales: biasScales, zeroPoints: zeros, dimension: 0)))
                options.add(TFLiteSchema.Conv2DOptions.padding, TFLiteSchema.padding(g.padding))
                options.add(TFLiteSchema.Conv2DOptions.strideW, Int32(g.strideWidth))
                options.add(TFLiteSchema.Conv2DOptions.strideH, Int32(g.strideHeight))
                options.add(TFLiteSchema.Conv2DOptions.activation, (op.relu ? TFLiteSchema.Activation.relu : .none).rawValue)
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
                inputs.append(graph.addConstant(name: "\(name)/shape", shape: [newShape.count], type: .int32,
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

/// Tensors, buffers and operators of one subgraph, gathered before serialization.
struct TFLiteGraph {
    struct Quantization {
        var scales: [Float]
        var zeroPoints: [Int64]
        var dimension: Int32

        init(scales: [Float], zeroPoints: [Int64], dimension: Int32) {
            self.scales = scales
            self.zeroPoints = zeroPoints
            self.dimension = dimension
        }

        init(_ parameters: QuantizationParameters) {
            self.init(scales: [parameters.scale], zeroPoints: [Int64(parameters.zeroPoint)], dimension: 0)
        }
    }

    private var tensors: [FlatBufferTable] = []
    private var buffers: [[UInt8]] = [[]]  // buffer 0: the empty sentinel
    private var operatorCodes: [TFLiteSchema.BuiltinOperator] = []
    private var operators: [FlatBufferTable] = []

    mutating func addTensor(name: String, shape: [Int], type: TFLiteSchema.TensorType,
                            quantization: Quantization?, buffer: UInt32 = 0) -> Int32 {
        var tensor = FlatBufferTable()
        tensor.add(TFLiteSchema.Tensor.shape, .vector(shape.map { Int32($0) }))
        tensor.add(TFLiteSchema.Tensor.type, type.rawValue)
        tensor.add(TFLiteSchema.Tensor.buffer, buffer)
        tensor.add(TFLiteSchema.Tensor.name, .string(name))
        if let quantization {
            var q = FlatBufferTable()
            q.add(TFLiteSchema.Quantization.scale, .vector(quantization.scales))
            q.add(TFLiteSchema.Quantization.zeroPoint, .vector(quantization.zeroPoints))
            q.add(TFLiteSchema.Quantization.quantizedDimension, quantization.dimension)
            tensor.add(TFLiteSchema.Tensor.quantization, .table(q))
        }
        if buffer == 0 {
            // An activation: its batch dimension is dynamic.
            tensor.add(TFLiteSchema.Tensor.shapeSignature, .vector([Int32(-1)] + shape.dropFirst().map { Int32($0) }))
        }
        tensor.add(TFLiteSchema.Tensor.hasRank, true)
        tensors.append(tensor)
        return Int32(tensors.count - 1)
    }

    mutating func addConstant(name: String, shape: [Int], type: TFLiteSchema.TensorType, data: [UInt8],
                              quantization: Quantization?) -> Int32 {
        buffers.append(data)
        return addTensor(name: name, shape: shape, type: type, quantization: quantization, buffer: UInt32(buffers.count - 1))
    }

    mutating func addOperator(_ code: TFLiteSchema.BuiltinOperator, inputs: [Int32], outputs: [Int32], options: FlatBufferTable) {
        let index: Int
        if let existing = operatorCodes.firstIndex(of: code) {
            index = existing
        } else {
            operatorCodes.append(code)
            index = operatorCodes.count - 1
        }
        var op = FlatBufferTable()
        op.add(TFLiteSchema.Operator.opcodeIndex, UInt32(index))
        op.add(TFLiteSchema.Operator.inputs, .vector(inputs))
        op.add(TFLiteSchema.Operator.outputs, .vector(outputs))
        op.add(TFLiteSchema.Operator.builtinOptionsType, code.optionsType)
        op.add(TFLiteSchema.Operator.builtinOptions, .table(options))
        operators.append(op)
    }

    func serialize(inputs: [Int32], outputs: [Int32], description: String) -> [UInt8] {
        var subgraph = FlatBufferTable()
        subgraph.add(TFLiteSchema.SubGraph.tensors, .tables(tensors))
        subgraph.add(TFLiteSchema.SubGraph.inputs, .vector(inputs))
        subgraph.add(TFLiteSchema.SubGraph.outputs, .vector(outputs))
        subgraph.add(TFLiteSchema.SubGraph.operators, .tables(operators))
        subgraph.add(TFLiteSchema.SubGraph.name, .string("main"))

        let codes = operatorCodes.map { code -> FlatBufferTable in
            var table = FlatBufferTable()
            table.add(TFLiteSchema.OperatorCode.deprecatedBuiltinCode, Int8(code.rawValue))
            table.add(TFLiteSchema.OperatorCode.version, code.int8Version)
            table.add(TFLiteSchema.OperatorCode.builtinCode, code.rawValue)
            return table
        }
        let bufferTables = buffers.map { data -> FlatBufferTable in
            var table = FlatBufferTable()
            if !data.isEmpty {
                table.add(TFLiteSchema.Buffer.data, .scalars(bytes: data, elementSize: 1, forceAlign: 16))
            }
            return table
        }
        var model = FlatBufferTable()
        model.add(TFLiteSchema.Model.version, TFLiteSchema.version)
        model.add(TFLiteSchema.Model.operatorCodes, .tables(codes))
        model.add(TFLiteSchema.Model.subgraphs, .tables([subgraph]))
        model.add(TFLiteSchema.Model.description, .string(description))
        model.add(TFLiteSchema.Model.buffers, .tables(bufferTables))
        return FlatBufferWriter.serialize(root: model, identifier: TFLiteSchema.fileIdentifier)
    }
}
