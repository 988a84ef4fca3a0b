import Foundation
import KDEngine
import Testing

/// DESIGN.md's smallest program, run once: a distilled digits student and its int8 version.
struct DigitsStudent: Sendable {
    var quantized: QuantizedModel
    var floatAccuracy: Float
    var testInputs: Tensor
    var testLabels: [Int]
    var qin: [Int8]
    var qout: [Int8]
    var directory: URL

    static let shared = Result { try DigitsStudent() }

    init() throws {
        // One fixed scratch folder, emptied on each run, so repeated runs leave one copy behind.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdengine-digits-student", isDirectory: true)
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The smallest program, with its names; paths are made absolute (tests run in parallel,
        // so the working directory is not changed).
        let digits = try Digits.load(VerifyHarness.repositoryRoot.appendingPathComponent("Content/data/digits.csv"))
        let (train, test) = digits.split(testFraction: 0.2, seed: 0)
        let teacher = Sequential([
            Dense(64, 256, seed: 1), ReLU(), Dense(256, 256, seed: 2), ReLU(), Dense(256, 10, seed: 3),
        ])
        var fit = Trainer(model: teacher, optimizer: SGD(learningRate: 0.05, momentum: 0.9), batchSize: 32, seed: 0)
        _ = fit.fit(train, epochs: 20, validation: test)
        let student = Sequential([Dense(64, 16, seed: 4), ReLU(), Dense(16, 10, seed: 5)])
        var distill = Trainer(model: student, optimizer: Adam(learningRate: 0.01), batchSize: 32, seed: 0)
        _ = distill.distill(from: teacher, on: train, temperature: 4, alpha: 0.1, epochs: 30, validation: test)

        let q = try quantize(student, calibration: train.inputs)  // QuantizedModel, TFLite's int8 scheme
        let qin: [Int8] = q.quantizeInput(test.inputs)  // row-major, the input's quantization
        let qout: [Int8] = q.predict(qin, batch: test.inputs.shape[0])  // the int8 output tensor, row-major
        try q.writeTFLite(to: URL(fileURLWithPath: "student.tflite", relativeTo: directory))
        try q.writeC(directory: URL(fileURLWithPath: "student", relativeTo: directory), name: "student")

        self.quantized = q
        self.floatAccuracy = student.accuracy(on: test)
        self.testInputs = test.inputs
        self.testLabels = test.labels
        self.qin = qin
        self.qout = qout
        self.directory = directory
    }

    var int8Accuracy: Float {
        let predicted = quantized.predictedClasses(qout)
        return Float(zip(predicted, testLabels).filter { $0 == $1 }.count) / Float(testLabels.count)
    }
}

@Suite("digits student, int8", .serialized)
struct DigitsCompressionTests {
    @Test("the compression part of the smallest program writes both exports")
    func smallestProgram() throws {
        let student = try DigitsStudent.shared.get()
        #expect(student.qin.count == 359 * 64)
        #expect(student.qout.count == 359 * 10)
        let tflite = try Data(contentsOf: student.directory.appendingPathComponent("student.tflite"))
        #expect(tflite.count == student.quantized.tfliteBytes().count)
        #expect(tflite[4..<8] == Data("TFL3".utf8))
        for file in ["student.h", "student_weights.h", "student.c"] {
            #expect(
                FileManager.default.fileExists(atPath: student.directory.appendingPathComponent("student/\(file)").path)
            )
        }
    }

    @Test("int8 accuracy within 1 point of float")
    func accuracy() throws {
        let student = try DigitsStudent.shared.get()
        #expect(student.floatAccuracy >= 0.9)
        #expect(
            abs(student.int8Accuracy - student.floatAccuracy) <= 0.01,
            "float \(student.floatAccuracy), int8 \(student.int8Accuracy)")
    }

    @Test("LiteRT and TFLite Micro agree bit for bit on the whole test split", arguments: Int8Runtime.allCases)
    func bitExact(runtime: Int8Runtime) throws {
        let student = try DigitsStudent.shared.get()
        var model = student.quantized
        model.runtime = runtime
        let ours = model.predict(student.qin, batch: 359)
        let theirs = try VerifyHarness.outputs(of: model, on: runtime, input: student.qin, batch: 359)
        #expect(ours == theirs, "\(zip(ours, theirs).filter { $0 != $1 }.count) of \(ours.count) outputs differ")
    }

    @Test("gcc-built C agrees bit for bit on the whole test split", arguments: ["c99", "c11"])
    func c(standard: String) throws {
        let student = try DigitsStudent.shared.get()
        let c = try VerifyHarness.gccOutputs(
            of: student.quantized, name: "student", standard: standard, input: student.qin, batch: 359)
        #expect(c == student.qout)
    }
}
