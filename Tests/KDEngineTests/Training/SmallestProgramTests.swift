import Foundation
import KDEngine
import Testing

/// The repository's root, from this file's path (Tests/KDEngineTests/Training/…).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The training part of DESIGN.md's "smallest program", with exactly its names.
@Suite("the smallest program")
struct SmallestProgramTests {
    @Test func trainsATeacherAndDistilsAStudent() throws {
        let digits = try Digits.load(packageRoot.appendingPathComponent("Content/data/digits.csv"))
        let (train, test) = digits.split(testFraction: 0.2, seed: 0)  // stratified; .inputs [n, 64], .labels [Int]
        let teacher = Sequential([
            Dense(64, 256, seed: 1), ReLU(), Dense(256, 256, seed: 2), ReLU(), Dense(256, 10, seed: 3),
        ])
        var fit = Trainer(model: teacher, optimizer: SGD(learningRate: 0.05, momentum: 0.9), batchSize: 32, seed: 0)
        let history = fit.fit(train, epochs: 20, validation: test)  // [EpochRecord], one per epoch
        print(history.last!.testAccuracy)  // in 0...1
        let logits = teacher(test.inputs)  // Tensor [n, 10]
        print(softmax(logits, temperature: 4).shape)

        let student = Sequential([Dense(64, 16, seed: 4), ReLU(), Dense(16, 10, seed: 5)])
        var distill = Trainer(model: student, optimizer: Adam(learningRate: 0.01), batchSize: 32, seed: 0)
        let distilled = distill.distill(
            from: teacher, on: train, temperature: 4, alpha: 0.1, epochs: 30, validation: test)

        #expect(digits.count == 1797 && train.count + test.count == 1797)
        #expect(train.inputs.shape == [train.count, 64] && test.count == 359)
        #expect(history.count == 20 && distilled.count == 30)
        #expect(logits.shape == [test.count, 10])
        #expect(softmax(logits, temperature: 4).shape == [test.count, 10])
        #expect(history.last!.testAccuracy >= 0.95, "teacher reached \(history.last!.testAccuracy)")
        #expect(distilled.last!.testAccuracy >= 0.9, "student reached \(distilled.last!.testAccuracy)")
        #expect(student.parameterCount == 64 * 16 + 16 + 16 * 10 + 10)
    }
}
