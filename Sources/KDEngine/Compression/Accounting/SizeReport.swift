/// What an int8 model costs in flash and RAM, counted from the bytes actually exported.
///
/// - `float32Bytes`: every parameter (weights and biases) as Float32, the float model's payload.
/// - `tfliteBytes`: the `.tflite` file `writeTFLite` writes, byte for byte.
/// - `cArrayBytes`: the constant arrays `writeC` writes (weights, biases, rescaling constants,
///   softmax table), for the model's runtime.
/// - the weight encodings (`WeightTensorSize`), computed from the int8 weights: dense int8,
///   a bitmask of non-zeros, CSR, a codebook of clusters, and a bitmask plus clustered non-zeros.
///   These are sizes a runtime able to decode them would store; `.tflite` and the C export
///   store dense int8 (docs/compression.md says what each encoding needs).
/// - `plan`: the RAM for activations, planned as TFLite Micro does.
public struct SizeReport: Sendable {
    public var parameterCount: Int
    public var float32Bytes: Int
    public var tfliteBytes: Int
    public var cArrayBytes: Int
    /// Int32 biases, the same under every weight encoding.
    public var biasBytes: Int
    public var weights: [WeightTensorSize]
    public var plan: MemoryPlan

    /// Weights and biases under each encoding.
    public var int8Bytes: Int { biasBytes + weights.reduce(0) { $0 + $1.denseBytes } }
    public var bitmaskBytes: Int { biasBytes + weights.reduce(0) { $0 + $1.bitmaskBytes } }
    public var csrBytes: Int { biasBytes + weights.reduce(0) { $0 + $1.csrBytes } }
    public var clusteredBytes: Int { biasBytes + weights.reduce(0) { $0 + $1.clusteredBytes } }
    public var sparseClusteredBytes: Int { biasBytes + weights.reduce(0) { $0 + $1.sparseClusteredBytes } }
    /// Every figure as (what, bytes), in the order a lesson's table shows them.
    public var rows: [(name: String, bytes: Int)] {
        [
            ("float32 weights and biases", float32Bytes), ("int8 .tflite file", tfliteBytes),
            ("int8 C arrays", cArrayBytes),
            ("int8 weights and biases", int8Bytes), ("int8, bitmask sparse", bitmaskBytes),
            ("int8, CSR sparse", csrBytes),
            ("int8, clustered", clusteredBytes), ("int8, bitmask + clustered", sparseClusteredBytes),
            ("RAM for activations", plan.arenaBytes),
        ]
    }

    /// The fraction of int8 weights equal to zero.
    public var sparsity: Float {
        let total = weights.reduce(0) { $0 + $1.count }
        return total == 0 ? 0 : 1 - Float(weights.reduce(0) { $0 + $1.nonZero }) / Float(total)
    }
}

/// One int8 weight tensor viewed as `rows` (output channels) × `columns`, and its size under
/// each encoding.
public struct WeightTensorSize: Sendable, Equatable {
    public var name: String
    public var rows: Int
    public var columns: Int
    public var nonZero: Int
    /// Distinct int8 values, and distinct non-zero ones.
    public var distinctValues: Int
    public var distinctNonZeroValues: Int

    public var count: Int { rows * columns }
    /// Dense int8: one byte per weight.
    public var denseBytes: Int { count }
    /// One bit per weight saying whether it is non-zero, then the non-zero values.
    public var bitmaskBytes: Int { (count + 7) / 8 + nonZero }
    /// Compressed sparse rows: values, a column index per value (1 byte up to 256 columns,
    /// else 2), and `rows + 1` row offsets (2 bytes up to 65,535 values, else 4).
    public var csrBytes: Int {
        nonZero * (1 + (columns <= 256 ? 1 : 2)) + (rows + 1) * (nonZero <= 65_535 ? 2 : 4)
    }
    /// A codebook of the distinct values (1 byte each) and a ⌈log₂ d⌉-bit index per weight.
    public var clusteredBytes: Int {
        distinctValues + (count * Self.indexBits(distinctValues) + 7) / 8
    }
    /// The bitmask, then a ⌈log₂ d⌉-bit codebook index per non-zero weight, and the codebook.
    public var sparseClusteredBytes: Int {
        (count + 7) / 8 + distinctNonZeroValues + (nonZero * Self.indexBits(distinctNonZeroValues) + 7) / 8
    }

    static func indexBits(_ distinct: Int) -> Int {
        var bits = 1
        while 1 << bits < distinct { bits += 1 }
        return bits
    }

    init(name: String, weights: [Int8], rows: Int) {
        self.name = name
        self.rows = rows
        self.columns = weights.count / max(rows, 1)
        nonZero = weights.filter { $0 != 0 }.count
        let distinct = Set(weights)
        distinctValues = distinct.count
        distinctNonZeroValues = distinct.subtracting([0]).count
    }
}

extension QuantizedModel {
    /// Sizes of this model, from its exports (see `SizeReport`).
    public func sizeReport() throws -> SizeReport {
        var weights: [WeightTensorSize] = []
        var parameters = 0, biasBytes = 0
        for (index, operation) in operations.enumerated() {
            switch operation {
            case .fullyConnected(let op):
                weights.append(WeightTensorSize(name: sourceLayers[index], weights: op.weights, rows: op.outputCount))
                parameters += op.weights.count + op.bias.count
                biasBytes += 4 * op.bias.count
            case .conv2D(let op):
                weights.append(
                    WeightTensorSize(name: sourceLayers[index], weights: op.weights, rows: op.geometry.outputChannels))
                parameters += op.weights.count + op.bias.count
                biasBytes += 4 * op.bias.count
            default:
                break
            }
        }
        return SizeReport(
            parameterCount: parameters, float32Bytes: 4 * parameters, tfliteBytes: tfliteBytes().count,
            cArrayBytes: try cExport(name: "model").arrayBytes, biasBytes: biasBytes, weights: weights,
            plan: MemoryPlan(self))
    }
}
