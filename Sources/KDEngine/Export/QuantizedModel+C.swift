import Foundation

/// The C export of an int8 model: `NAME.h` (the API), `NAME_weights.h` (every constant as a
/// `static const` array aligned to 16 bytes) and `NAME.c` (the kernels the model uses and
/// `NAME_predict`, running in one static arena planned like TFLite Micro's). Portable C99:
/// no malloc, no libm, no undefined behaviour; compiles as C99 and C11.
public struct CExport: Sendable {
    public var name: String
    public var header: String
    public var weightsHeader: String
    public var source: String
    /// The arrays of the weights header, in order.
    public var arrays: [CArray]
    public var plan: MemoryPlan

    /// The flash the arrays take, in bytes.
    public var arrayBytes: Int { arrays.reduce(0) { $0 + $1.byteCount } }

    public var files: [(name: String, text: String)] {
        [("\(name).h", header), ("\(name)_weights.h", weightsHeader), ("\(name).c", source)]
    }
}

extension QuantizedModel {
    /// Writes `NAME.h`, `NAME_weights.h` and `NAME.c` into `directory` (created if missing).
    /// The C computes exactly what `predict` computes with this model's `runtime`.
    /// - Throws: `CompressionError` when `name` is not a C identifier or an accumulator could
    ///   overflow int32.
    public func writeC(directory: URL, name: String) throws {
        let export = try cExport(name: name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in export.files {
            try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name))
        }
    }

    /// The C sources, in memory.
    public func cExport(name: String) throws -> CExport {
        guard name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
            let suggestion = name.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
            throw CompressionError.invalidArgument(
                "'\(name)' is not a C identifier; try '\(suggestion.first?.isNumber == true ? "m" + suggestion : suggestion)'"
            )
        }
        try checkAccumulatorRange()
        var writer = CSourceWriter(model: self, name: name)
        return writer.export()
    }

    /// Every int32 accumulator stays below 2^31 in magnitude: `Σ|w| · 255 + |bias|`.
    func checkAccumulatorRange() throws {
        for (index, operation) in operations.enumerated() {
            let rows: [(weights: ArraySlice<Int8>, bias: Int32)]
            switch operation {
            case .fullyConnected(let op):
                rows = (0..<op.outputCount).map {
                    (op.weights[($0 * op.inputCount)..<(($0 + 1) * op.inputCount)], op.bias[$0])
                }
            case .conv2D(let op):
                let size = op.weights.count / op.geometry.outputChannels
                rows = (0..<op.geometry.outputChannels).map {
                    (op.weights[($0 * size)..<(($0 + 1) * size)], op.bias[$0])
                }
            default:
                rows = []
            }
            for row in rows {
                let bound = row.weights.reduce(Int64(0)) { $0 + Int64(abs(Int($1))) } * 255 + Int64(abs(Int(row.bias)))
                if bound >= Int64(Int32.max) {
                    throw CompressionError.outOfRange(
                        layer: sourceLayers[index],
                        reason: "its int32 accumulator can reach \(bound), beyond 2^31; use fewer inputs per output")
                }
            }
        }
    }
}
