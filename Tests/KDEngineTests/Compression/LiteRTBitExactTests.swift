import Foundation
import Testing

@testable import KDEngine

/// The exported `.tflite`, run by LiteRT's interpreter (three kernel sets) and by TFLite Micro's,
/// gives the same int8 outputs as `QuantizedModel.predict` with the matching `Int8Runtime`.
@Suite("int8 bit-exactness against LiteRT and TFLite Micro", .serialized)
struct LiteRTBitExactTests {
    static func differences(_ model: QuantizedModel, _ runtime: Int8Runtime, _ inputs: [Int8], batch: Int) throws -> (
        Int, Int
    ) {
        var model = model
        model.runtime = runtime
        let ours = model.predict(inputs, batch: batch)
        let theirs = try VerifyHarness.outputs(of: model, on: runtime, input: inputs, batch: batch)
        #expect(theirs.count == ours.count)
        return (zip(ours, theirs).filter { $0 != $1 }.count, ours.count)
    }

    @Test("random MLP, logits and softmax", arguments: Int8Runtime.allCases, [false, true])
    func mlp(runtime: Int8Runtime, softmax: Bool) throws {
        let graph = TestModels.mlp(seed: 7, sizes: [64, 32, 16, 10])
        var g = TestGenerator(state: 99)
        let model = try quantize(graph, calibration: g.uniforms(200 * 64, 0, 16), softmax: softmax)
        let inputs = model.quantizeInput(scalars: g.uniforms(400 * 64, -2, 18))
        let (differing, total) = try Self.differences(model, runtime, inputs, batch: 400)
        #expect(differing == 0, "\(differing) of \(total) outputs differ")
    }

    @Test("random convnet", arguments: Int8Runtime.allCases, [Padding.same, .valid])
    func convnet(runtime: Int8Runtime, padding: Padding) throws {
        let graph = TestModels.convnet(seed: 11, padding: padding)
        var g = TestGenerator(state: 5)
        let model = try quantize(graph, calibration: g.uniforms(100 * 64, 0, 16), softmax: false)
        let inputs = model.quantizeInput(scalars: g.uniforms(200 * 64, -1, 17))
        let (differing, total) = try Self.differences(model, runtime, inputs, batch: 200)
        #expect(differing == 0, "\(differing) of \(total) outputs differ")
    }
}
