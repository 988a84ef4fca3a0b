import Foundation
import Testing

@testable import KDEngine

/// Bad input is a thrown `CompressionError` with a message naming the layer or shape.
@Suite("quantization errors")
struct QuantizationErrorTests {
    /// A layer the int8 exporters do not know.
    final class Sigmoid: ParameterFreeLayer {
        func forward(_ input: Tensor, training: Bool) -> Tensor { input }
        func backward(_ gradient: Tensor) -> Tensor { gradient }
        var spec: LayerSpec { .relu }
        func outputShape(for inputShape: [Int]) -> [Int] { inputShape }
    }

    static let calibration = Tensor(shape: [4, 64], scalars: (0..<256).map { Float($0 % 17) })

    @Test func wrongCalibrationShape() {
        let model = Sequential([Dense(64, 16, seed: 1), ReLU(), Dense(16, 10, seed: 2)])
        let error = CompressionError.calibrationShape(got: [-1, 63], expected: [-1, 64])
        #expect(throws: error) {
            try quantize(model, calibration: Tensor(shape: [2, 63], scalars: Array(repeating: 1, count: 126)))
        }
        #expect(error.description == "calibration set has shape [n, 63]; the model takes [n, 64] (n samples)")
        #expect(throws: CompressionError.emptyCalibration) {
            try quantize(model, calibration: Tensor(shape: [0, 64], scalars: []))
        }
        #expect(
            throws: CompressionError.invalidArgument(
                "calibration set must be [n, …] with one sample per row, got shape [64]")
        ) {
            try quantize(model, calibration: Tensor(shape: [64], scalars: Array(repeating: 1, count: 64)))
        }
    }

    @Test func nonFiniteCalibration() {
        let model = Sequential([Dense(2, 2, seed: 1)])
        #expect(
            throws: CompressionError.invalidArgument(
                "calibration set holds nan at sample 1, value 0; every input must be finite")
        ) {
            try quantize(model, calibration: Tensor(shape: [2, 2], scalars: [1, 2, .nan, 0]))
        }
    }

    @Test func unsupportedLayerIsNamed() {
        let model = Sequential([Dense(64, 16, seed: 1), Sigmoid(), Dense(16, 10, seed: 2)])
        #expect(
            throws: CompressionError.unsupportedLayer(
                layer: "layer 1 (ReLU())",
                reason: "int8 export supports Dense, Conv2D, MaxPool2D, ReLU, Flatten, Reshape and Dropout")
        ) {
            try quantize(model, calibration: Self.calibration)
        }
    }

    @Test func reluMustFollowAWeightedLayer() {
        let model = Sequential([ReLU(), Dense(64, 10, seed: 2)])
        #expect(
            throws: CompressionError.unsupportedLayer(
                layer: "layer 0 (ReLU())", reason: "a ReLU must follow a Dense or Conv2D layer, whose operator fuses it"
            )
        ) {
            try quantize(model, calibration: Self.calibration)
        }
    }

    @Test func reluAfterPoolingSuggestsTheSwap() {
        let model = Sequential([
            Reshape([8, 8, 1]), Conv2D(1, 2, kernelSize: 3, padding: 1, seed: 1), MaxPool2D(size: 2), ReLU(),
            Flatten(), Dense(32, 10, seed: 2),
        ])
        #expect(
            throws: CompressionError.unsupportedLayer(
                layer: "layer 3 (ReLU())",
                reason:
                    "a ReLU after MaxPool2D has no int8 operator here; put it before the MaxPool2D (the two commute) so the Conv2D fuses it"
            )
        ) {
            try quantize(model, calibration: Self.calibration)
        }
    }

    @Test func convolutionPaddingTFLiteCannotExpress() throws {
        let model = Sequential([
            Reshape([8, 8, 1]), Conv2D(1, 4, kernelSize: 3, stride: 2, padding: 1, seed: 1), ReLU(), Flatten(),
            Dense(64, 10, seed: 2),
        ])
        #expect(
            throws: CompressionError.unsupportedLayer(
                layer: "layer 1 (Conv2D(1, 4, kernelSize: 3, stride: 2, padding: 1, seed: 1))",
                reason:
                    "padding 1 with kernel 3 and stride 2 matches neither TFLite's VALID nor SAME; use padding 0, or stride 1 with padding 1"
            )
        ) {
            try quantize(model, calibration: Self.calibration)
        }
        // The same network at stride 1 is SAME padding, and quantizes; Dropout disappears.
        let same = Sequential([
            Reshape([8, 8, 1]), Conv2D(1, 4, kernelSize: 3, padding: 1, seed: 1), ReLU(), MaxPool2D(size: 2),
            Dropout(0.5, seed: 3), Flatten(), Dense(64, 10, seed: 2),
        ])
        let q = try quantize(same, calibration: Self.calibration)
        #expect(
            q.operations.map(\.kind) == ["RESHAPE", "CONV_2D", "MAX_POOL_2D", "RESHAPE", "FULLY_CONNECTED", "SOFTMAX"])
    }

    @Test func accumulatorOverflowIsReported() throws {
        let inputs = 70_000
        let model = Sequential([Dense(inputs, 1, seed: 1)])
        let dense = try #require(model.layers[0] as? Dense)
        dense.weight = Tensor(repeating: 1, shape: [1, inputs])
        let q = try quantize(
            model, calibration: Tensor(shape: [1, inputs], scalars: (0..<inputs).map { Float($0 % 2) }), softmax: false)
        #expect(
            throws: CompressionError.outOfRange(
                layer: "layer 0 (Dense(\(inputs), 1, seed: 1))",
                reason:
                    "its int32 accumulator can reach \(inputs * 127 * 255), beyond 2^31; use fewer inputs per output")
        ) {
            try q.cExport(name: "wide")
        }
    }
}
