/// Errors a user can cause when compressing or exporting a model. Messages are short and
/// lowercase, quote the offending layer or shape, and suggest a fix where one exists.
public enum CompressionError: Error, Equatable, CustomStringConvertible {
    /// A layer the int8 exporters cannot express.
    case unsupportedLayer(layer: String, reason: String)
    /// Calibration data that does not match the model's input.
    case calibrationShape(got: [Int], expected: [Int])
    case emptyCalibration
    /// A shape or value the exporters cannot represent.
    case outOfRange(layer: String, reason: String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .unsupportedLayer(let layer, let reason):
            "cannot quantize \(layer): \(reason)"
        case .calibrationShape(let got, let expected):
            "calibration set has shape \(shapeText(got)); the model takes \(shapeText(expected)) (n samples)"
        case .emptyCalibration:
            "calibration set is empty; pass at least one sample (a few hundred training inputs are typical)"
        case .outOfRange(let layer, let reason):
            "\(layer) is out of range for int8 export: \(reason)"
        case .invalidArgument(let message):
            message
        }
    }
}

func shapeText(_ shape: [Int]) -> String {
    "[" + shape.map { $0 < 0 ? "n" : String($0) }.joined(separator: ", ") + "]"
}
