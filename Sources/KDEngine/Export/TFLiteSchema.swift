/// The parts of TensorFlow Lite's `schema.fbs` (schema version 3, file identifier "TFL3") that
/// the exporter writes: field slots of each table (a union takes two slots, its type byte and
/// its value), enum values and operator versions. Slot numbers follow the order of declaration.
enum TFLiteSchema {
    static let version: UInt32 = 3
    static let fileIdentifier = "TFL3"

    enum Model { static let version = 0, operatorCodes = 1, subgraphs = 2, description = 3, buffers = 4 }
    enum SubGraph { static let tensors = 0, inputs = 1, outputs = 2, operators = 3, name = 4 }
    enum Buffer { static let data = 0 }
    enum OperatorCode { static let deprecatedBuiltinCode = 0, version = 2, builtinCode = 3 }
    enum Operator { static let opcodeIndex = 0, inputs = 1, outputs = 2, builtinOptionsType = 3, builtinOptions = 4 }
    enum Tensor {
        static let shape = 0, type = 1, buffer = 2, name = 3, quantization = 4, shapeSignature = 7, hasRank = 8
    }
    enum Quantization { static let min = 0, max = 1, scale = 2, zeroPoint = 3, quantizedDimension = 6 }
    enum Conv2DOptions {
        static let padding = 0, strideW = 1, strideH = 2, activation = 3, dilationW = 4, dilationH = 5
    }
    enum Pool2DOptions {
        static let padding = 0, strideW = 1, strideH = 2, filterWidth = 3, filterHeight = 4, activation = 5
    }
    enum FullyConnectedOptions { static let activation = 0, weightsFormat = 1, keepNumDims = 2 }
    enum SoftmaxOptions { static let beta = 0 }
    enum ReshapeOptions { static let newShape = 0 }

    /// `TensorType`.
    enum TensorType: Int8 { case float32 = 0, int32 = 2, int8 = 9 }
    /// `ActivationFunctionType`.
    enum Activation: Int8 { case none = 0, relu = 1 }

    /// `BuiltinOperator` codes, their `BuiltinOptions` union tags and the operator versions
    /// TFLite's versioning assigns to int8 kernels (op_version.cc).
    enum BuiltinOperator: Int32 {
        case conv2D = 3, fullyConnected = 9, maxPool2D = 17, reshape = 22, softmax = 25

        var optionsType: UInt8 {
            switch self {
            case .conv2D: 1  // Conv2DOptions
            case .maxPool2D: 5  // Pool2DOptions
            case .fullyConnected: 8  // FullyConnectedOptions
            case .softmax: 9  // SoftmaxOptions
            case .reshape: 17  // ReshapeOptions
            }
        }

        var int8Version: Int32 {
            switch self {
            case .conv2D: 3
            case .fullyConnected: 4
            case .maxPool2D: 2
            case .softmax: 2
            case .reshape: 1
            }
        }
    }

    static func padding(_ padding: Padding) -> Int8 {
        padding == .same ? 0 : 1
    }
}
