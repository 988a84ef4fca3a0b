import Foundation
import Testing

@testable import KDEngine

/// distill → prune → cluster → quantize on the digits, checked end to end: accuracies per stage,
/// the int8 weights' sparsity and codebook, LiteRT bit-exactness, and sizes equal to the bytes
/// the exporters write.
@Suite("compression pipeline", .serialized)
struct PipelineTests {
    struct Run: Sendable {
        var result: CompressionPipeline.Result
        var testInputs: Tensor

        static let shared = Swift.Result { try Run() }

        init() throws {
            let digits = try Digits.load(VerifyHarness.repositoryRoot.appendingPathComponent("Content/data/digits.csv"))
            let (train, test) = digits.split(testFraction: 0.2, seed: 0)
            let teacher = Sequential([Dense(64, 128, seed: 1), ReLU(), Dense(128, 10, seed: 3)])
            var fit = Trainer(model: teacher, optimizer: SGD(learningRate: 0.05, momentum: 0.9), batchSize: 32, seed: 0)
            fit.fit(train, epochs: 12)
            let student = Sequential([Dense(64, 32, seed: 4), ReLU(), Dense(32, 10, seed: 5)])
            var distill = Trainer(model: student, optimizer: Adam(learningRate: 0.01), batchSize: 32, seed: 0)
            distill.distill(from: teacher, on: train, temperature: 4, alpha: 0.1, epochs: 20)
            var pipeline = CompressionPipeline()
            pipeline.sparsity = 0.75
            pipeline.clusters = 16
            result = try pipeline.run(student: student, teacher: teacher, train: train, test: test)
            testInputs = test.inputs
        }
    }

    @Test func stagesKeepAccuracy() throws {
        let stages = try Run.shared.get().result.stages
        #expect(stages.map(\.name) == ["distilled", "pruned", "clustered", "int8"])
        #expect(stages[0].testAccuracy >= 0.9)
        for stage in stages.dropFirst() {
            #expect(
                stage.testAccuracy >= stages[0].testAccuracy - 0.04,
                "\(stage.name): \(stage.testAccuracy) vs \(stages[0].testAccuracy)")
        }
        #expect(abs(stages[3].testAccuracy - stages[2].testAccuracy) <= 0.01)
        #expect(abs(stages[1].sparsity - 0.75) < 0.01 && abs(stages[3].sparsity - 0.75) < 0.01)
    }

    @Test func int8WeightsAreSparseAndClustered() throws {
        let sizes = try Run.shared.get().result.sizes
        for tensor in sizes.weights {
            #expect(tensor.distinctNonZeroValues <= 16, "\(tensor.name) has \(tensor.distinctNonZeroValues) values")
            #expect(tensor.clusteredBytes < tensor.denseBytes && tensor.sparseClusteredBytes < tensor.bitmaskBytes)
        }
        #expect(sizes.sparseClusteredBytes < sizes.bitmaskBytes && sizes.bitmaskBytes < sizes.int8Bytes)
        #expect(sizes.int8Bytes < sizes.float32Bytes / 3)
        #expect(
            sizes.rows.count == 9 && sizes.rows[0].bytes == sizes.float32Bytes
                && sizes.rows[8].bytes == sizes.plan.arenaBytes)
    }

    @Test func bitExactOnLiteRT() throws {
        let run = try Run.shared.get()
        let model = run.result.quantized
        let input = model.quantizeInput(run.testInputs)
        let theirs = try VerifyHarness.outputs(of: model, on: .liteRT, input: input, batch: run.testInputs.shape[0])
        #expect(theirs == model.predict(input, batch: run.testInputs.shape[0]))
    }

    /// The size report's figures are the exported bytes: the .tflite file's length, and the C
    /// arrays' sizes as gcc lays them out in the object file (`nm -S`), every array counted.
    @Test func sizesEqualExportedBytes() throws {
        let model = try Run.shared.get().result.quantized
        let sizes = try model.sizeReport()
        let directory = try VerifyHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.writeTFLite(to: directory.appendingPathComponent("m.tflite"))
        let written =
            try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("m.tflite").path)[.size]
            as? Int
        #expect(written == sizes.tfliteBytes)
        try model.writeC(directory: directory, name: "model")
        let object = directory.appendingPathComponent("model.o").path
        try VerifyHarness.run(
            "gcc", ["-std=c99", "-c", "-O0", directory.appendingPathComponent("model.c").path, "-o", object])
        let symbols = try VerifyHarness.run("nm", ["-S", object])
        let arraySizes = symbols.split(separator: "\n").compactMap { line -> Int? in
            let fields = line.split(separator: " ")
            // The weights header's arrays (l0_weights, l0_bias, …), not the small descriptor structs.
            guard fields.count == 4,
                fields[3].range(
                    of: "^l[0-9]+_(weights|bias|multiplier|shift|scale|table)$", options: .regularExpression) != nil
            else { return nil }
            return Int(fields[1], radix: 16)
        }
        #expect(arraySizes.count == (try model.cExport(name: "model")).arrays.count)
        #expect(arraySizes.reduce(0, +) == sizes.cArrayBytes)
        #expect(sizes.parameterCount == 64 * 32 + 32 + 32 * 10 + 10 && sizes.float32Bytes == 4 * sizes.parameterCount)
    }
}
