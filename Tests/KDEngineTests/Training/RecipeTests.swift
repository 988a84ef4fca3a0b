import Foundation
import KDEngine
import Testing

/// The digits and their 80/20 stratified split (seed 0), loaded once for every test.
enum DigitsFixture {
    static let split: (train: Dataset, test: Dataset) = {
        guard let digits = try? Digits.load(packageRoot.appendingPathComponent("Content/data/digits.csv")) else {
            preconditionFailure("Content/data/digits.csv is missing or malformed")
        }
        return digits.split(testFraction: 0.2, seed: 0)
    }()
}

@Suite("recipes the lessons use")
struct RecipeTests {
    let train = DigitsFixture.split.train
    let test = DigitsFixture.split.test

    @Test func teacherStudentAndDistilledStudent() throws {
        let teacher = try Recipe.teacher().train(on: train, validation: test)
        print("teacher", teacher.history.last!.testAccuracy, teacher.model.parameterCount)
        #expect(teacher.model.parameterCount == 85_002)
        #expect(teacher.history.count == 30)
        #expect(teacher.history.last!.testAccuracy >= 0.975, "teacher reached \(teacher.history.last!.testAccuracy)")

        let scratch = try Recipe.student().train(on: train, validation: test)
        let distilled = try Recipe.distilledStudent().train(on: train, validation: test, teacher: teacher.model)
        print("student", scratch.history.last!.testAccuracy, "distilled", distilled.history.last!.testAccuracy)
        #expect(scratch.model.parameterCount <= 2000 && distilled.model.parameterCount == scratch.model.parameterCount)
        #expect(scratch.history.last!.testAccuracy >= 0.94)
        #expect(distilled.history.last!.testAccuracy >= 0.94)
        // Same initial weights: the two runs differ only in their loss.
        #expect(
            Sequential(specs: Recipe.student().architecture).parameters
                == Sequential(specs: Recipe.distilledStudent().architecture).parameters)
    }

    /// Same seed → bit-identical weights and history (timings aside), dropout included.
    @Test func trainingIsDeterministic() {
        func run(_ seed: UInt64) -> (Sequential, [EpochRecord]) {
            var recipe = Recipe.teacher(seed: seed)
            recipe.epochs = 3
            recipe.augmentation = .shift(maxPixels: 1, side: 8)
            let model = Sequential(specs: recipe.architecture)
            var trainer = Trainer(
                model: model, optimizer: recipe.optimizer.make(), batchSize: 32, seed: seed,
                schedule: recipe.schedule, augmentation: recipe.augmentation)
            return (model, trainer.fit(train, epochs: recipe.epochs, validation: test))
        }
        let (a, historyA) = run(0), (b, historyB) = run(0), (c, _) = run(1)
        #expect(a.parameters == b.parameters)
        #expect(historyA.map(\.withoutTiming) == historyB.map(\.withoutTiming))
        #expect(a.parameters != c.parameters)

        let teacher = Sequential([Dense(64, 32, seed: 1), ReLU(), Dense(32, 10, seed: 2)])
        func distil() -> [Float] {
            let student = Sequential([Dense(64, 8, seed: 3), ReLU(), Dense(8, 10, seed: 4)])
            var trainer = Trainer(
                model: student, optimizer: Adam(learningRate: 0.01), seed: 5,
                augmentation: .shift(maxPixels: 1, side: 8))
            trainer.distill(from: teacher, on: train, temperature: 4, alpha: 0.3, epochs: 2)
            return student.parameters.flatMap(\.scalars)
        }
        #expect(distil() == distil())
    }

    /// Without augmentation, cached teacher logits and a live teacher train the same student.
    @Test func cachedLogitsEqualALiveTeacher() {
        let teacher = Sequential([Dense(64, 32, seed: 1), ReLU(), Dense(32, 10, seed: 2)])
        func student() -> Sequential { Sequential([Dense(64, 8, seed: 3), ReLU(), Dense(8, 10, seed: 4)]) }
        let live = student(), cached = student()
        var t1 = Trainer(model: live, optimizer: Adam(learningRate: 0.01), seed: 5)
        var t2 = Trainer(model: cached, optimizer: Adam(learningRate: 0.01), seed: 5)
        t1.distill(from: teacher, on: train, temperature: 4, alpha: 0.3, epochs: 2)
        t2.distill(teacherLogits: teacher(train.inputs), on: train, temperature: 4, alpha: 0.3, epochs: 2)
        #expect(live.parameters == cached.parameters)
    }
}
