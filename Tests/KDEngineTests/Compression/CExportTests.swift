import Foundation
import Testing

@testable import KDEngine

/// The exported C, built by gcc as C99 and as C11 with every warning an error, computes the same
/// int8 outputs as `QuantizedModel.predict`, for every runtime's arithmetic.
@Suite("C export", .serialized)
struct CExportTests {
    static let standards = ["c99", "c11"]

    @Test("MLP with softmax, bit-identical to predict", arguments: Int8Runtime.allCases, standards)
    func mlp(runtime: Int8Runtime, standard: String) throws {
        var g = TestGenerator(state: 3)
        var model = try quantize(
            TestModels.mlp(seed: 21, sizes: [64, 24, 10]), calibration: g.uniforms(100 * 64, 0, 16))
        model.runtime = runtime
        let inputs = model.quantizeInput(scalars: g.uniforms(300 * 64, -1, 17))
        let c = try VerifyHarness.gccOutputs(of: model, standard: standard, input: inputs, batch: 300)
        #expect(c == model.predict(inputs, batch: 300))
    }

    @Test("convnet, bit-identical to predict", arguments: Int8Runtime.allCases, standards)
    func convnet(runtime: Int8Runtime, standard: String) throws {
        var g = TestGenerator(state: 4)
        var model = try quantize(TestModels.convnet(seed: 8), calibration: g.uniforms(60 * 64, 0, 16))
        model.runtime = runtime
        let inputs = model.quantizeInput(scalars: g.uniforms(120 * 64, -1, 17))
        let c = try VerifyHarness.gccOutputs(
            of: model, name: "digits_cnn", standard: standard, input: inputs, batch: 120)
        #expect(c == model.predict(inputs, batch: 120))
    }

    @Test("weights are aligned const arrays whose bytes the export reports")
    func weightsHeader() throws {
        var g = TestGenerator(state: 5)
        let model = try quantize(TestModels.mlp(seed: 2, sizes: [64, 16, 10]), calibration: g.uniforms(50 * 64, 0, 16))
        let export = try model.cExport(name: "student")
        #expect(export.weightsHeader.contains("static const KD_ALIGN16 int8_t l0_weights[1024] = {"))
        #expect(export.weightsHeader.contains("#define KD_ALIGN16 _Alignas(16)"))
        #expect(export.weightsHeader.contains("#define KD_ALIGN16 __attribute__((aligned(16)))"))
        // 64·16 + 16·10 int8 weights, 16 + 10 int32 biases, one Float32 scale per layer, a 256-entry table.
        #expect(export.arrayBytes == 64 * 16 + 16 * 10 + 4 * (16 + 10) + 4 * 2 + 4 * 256)
        #expect(!export.source.contains("malloc(") && !export.source.contains("<math.h>"))
    }

    @Test("a name that is not a C identifier is an error with a suggestion")
    func badName() throws {
        var g = TestGenerator(state: 6)
        let model = try quantize(TestModels.mlp(seed: 2, sizes: [8, 4]), calibration: g.uniforms(8, 0, 1))
        #expect(throws: CompressionError.invalidArgument("'my-model' is not a C identifier; try 'my_model'")) {
            try model.cExport(name: "my-model")
        }
    }
}
