/// How a model's numbers are stored, for size accounting.
public enum StorageFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case float32
    case float16
    case int8
    case int4

    /// Bits per weight.
    public var bits: Int {
        switch self {
        case .float32: 32
        case .float16: 16
        case .int8: 8
        case .int4: 4
        }
    }

    /// Whether the format is integer-quantised (biases then stay 32-bit, with a per-channel scale).
    public var isQuantized: Bool { self == .int8 || self == .int4 }
}

extension Sequential {
    /// Bytes to store the model's parameters in `format`.
    ///
    /// Float formats: every parameter at `format.bits`. Quantised formats follow TFLite's
    /// int8 scheme: weights at `format.bits` (int4 packed two to a byte, rounded up per layer),
    /// biases as int32, plus one float32 scale and one int32 zero point per output channel.
    /// Parameter-free layers cost nothing.
    public func byteSize(for format: StorageFormat) -> Int {
        var total = 0
        for layer in layers {
            let tensors = layer.parameters
            guard let weight = tensors.first else { continue }
            if format.isQuantized {
                let channels = weight.shape.first ?? 1
                total += (weight.scalarCount * format.bits + 7) / 8
                total += tensors.dropFirst().reduce(0) { $0 + $1.scalarCount * 4 }
                total += channels * 8
            } else {
                total += tensors.reduce(0) { $0 + $1.scalarCount } * format.bits / 8
            }
        }
        return total
    }
}
