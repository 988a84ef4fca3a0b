/// The int8 arithmetic of one TensorFlow Lite runtime. The same `.tflite` model gives slightly
/// different outputs on different runtimes, because each rescales its int32 accumulators and
/// computes its softmax its own way. `QuantizedModel.predict` and the exported C reproduce the
/// runtime named here bit for bit:
///
/// | runtime | FULLY_CONNECTED | CONV_2D | SOFTMAX |
/// | --- | --- | --- | --- |
/// | `liteRT` | Float32, half to even | Float32, half to even | Float32 table |
/// | `liteRTBuiltin` | fixed point, ruy's rounding | fixed point, ruy's rounding | Float32 table |
/// | `liteRTReference` | Double, half away from zero | fixed point, double rounding | fixed point |
/// | `tfliteMicro` | fixed point, double rounding | fixed point, double rounding | fixed point |
public enum Int8Runtime: String, CaseIterable, Sendable, Codable {
    /// LiteRT's Python interpreter (`ai-edge-litert`) with its defaults on x86-64: FULLY_CONNECTED,
    /// CONV_2D, MAX_POOL_2D and RESHAPE run in the XNNPACK delegate, which rescales with a Float32
    /// multiply `Float(acc) · (s_in · s_w / s_out)` rounded half to even; SOFTMAX stays on LiteRT's
    /// optimized kernel, a Float32 `exp` table. The default.
    case liteRT
    /// LiteRT without delegates (`BUILTIN_WITHOUT_DEFAULT_DELEGATES`) on x86-64: ruy's GEMM rescales
    /// with the fixed-point multiplier, rounding half up twice (`multiplyByQuantizedMultiplierRuy`).
    case liteRTBuiltin
    /// LiteRT's reference kernels (`BUILTIN_REF`): FULLY_CONNECTED rescales in Double,
    /// `round(acc · M)`; CONV_2D and SOFTMAX as TFLite Micro.
    case liteRTReference
    /// TensorFlow Lite Micro's kernels: gemmlowp fixed point with double rounding
    /// (`MultiplyByQuantizedMultiplier`) and the fixed-point softmax. Integer arithmetic only:
    /// the choice for a microcontroller without a floating-point unit.
    case tfliteMicro

    /// How this runtime rescales one operator's accumulators.
    public func rescaling(for operation: QuantizedOperation) -> Rescaling {
        switch (self, operation) {
        case (.liteRT, _): .float32
        case (.liteRTBuiltin, _): .ruy
        case (.liteRTReference, .fullyConnected): .double
        case (.liteRTReference, _), (.tfliteMicro, _): .doubleRounding
        }
    }

    /// The softmax kernel this runtime runs.
    public var softmax: QuantizedSoftmax.Kernel {
        switch self {
        case .liteRT, .liteRTBuiltin: .lookupTable
        case .liteRTReference, .tfliteMicro: .fixedPoint
        }
    }

    /// How an int32 accumulator is multiplied by the real rescaling factor `M`.
    public enum Rescaling: String, Sendable {
        /// gemmlowp: `RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(acc·2^left, q), right)`.
        case doubleRounding
        /// ruy on x86: `(⌊(acc·2^left · q + 2^30) / 2^31⌋ + 2^(right−1)) >> right`.
        case ruy
        /// XNNPACK: `roundHalfEven(Float(acc) · Float(M))`.
        case float32
        /// TFLite reference FULLY_CONNECTED: `roundHalfAway(Double(acc) · Double(M))`.
        case double
    }
}
