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

    mutating func addTensor(
        name: String, shape: [Int], type: TFLiteSchema.TensorType,
        quantization: Quantization?, buffer: UInt32 = 0
    ) -> Int32 {
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

    mutating func addConstant(
        name: String, shape: [Int], type: TFLiteSchema.TensorType, data: [UInt8],
        quantization: Quantization?
    ) -> Int32 {
        buffers.append(data)
        return addTensor(
            name: name, shape: shape, type: type, quantization: quantization, buffer: UInt32(buffers.count - 1))
    }

    mutating func addOperator(
        _ code: TFLiteSchema.BuiltinOperator, inputs: [Int32], outputs: [Int32], options: FlatBufferTable
    ) {
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
