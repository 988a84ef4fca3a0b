import Foundation
import Testing

@testable import KDEngine

@Suite("magnitude pruning")
struct PruningTests {
    /// TF-MOT's PolynomialDecay: s(t) = (s_i − s_f)(1 − p)³ + s_f, masks updated every `frequency`
    /// steps within [begin, end]. s(5) = 0.8 − 0.3 · 0.95³ = 0.5427875.
    @Test(arguments: [
        (0, true, Float(0.5)), (5, false, 0.5427875), (50, true, 0.7625), (100, true, 0.8), (110, false, 0.8),
    ])
    func polynomialDecay(step: Int, prune: Bool, sparsity: Float) {
        let schedule = PolynomialDecay(
            initialSparsity: 0.5, finalSparsity: 0.8, beginStep: 0, endStep: 100, frequency: 10)
        #expect(schedule(step).prune == prune)
        #expect(abs(schedule(step).sparsity - sparsity) < 1e-6)
    }

    @Test func scheduleOutsideItsRange() {
        let schedule = PolynomialDecay(
            initialSparsity: 0.2, finalSparsity: 0.9, beginStep: 40, endStep: 80, frequency: 20)
        #expect(!schedule(0).prune && abs(schedule(0).sparsity - 0.2) < 1e-6)
        #expect(
            schedule(40).prune && !schedule(50).prune && schedule(60).prune && schedule(80).prune
                && !schedule(100).prune)
        #expect(abs(schedule(100).sparsity - 0.9) < 1e-6)
    }

    /// k = max(roundHalfEven(n(1 − s)), 1) weights kept, ties at the threshold kept.
    @Test func magnitudeMasks() {
        #expect(magnitudeMask([0.1, -0.5, 0.3, 0, 0.2], sparsity: 0.4) == [false, true, true, false, true])
        #expect(magnitudeMask([1, -1, 1, 1], sparsity: 0.5) == [true, true, true, true])
        // 2.5 → 2 kept
        #expect(magnitudeMask([0.4, 0.1, 0.3, 0.2, 0.5], sparsity: 0.5) == [true, false, false, false, true])
        #expect(magnitudeMask([0.4, 0.1], sparsity: 0.99) == [true, false])  // at least one weight kept
    }

    /// Fine-tuning with the wrapped optimizer reaches the final sparsity, keeps pruned weights at
    /// zero, and keeps most of the accuracy.
    @Test func fineTuningKeepsMasks() throws {
        let (student, train, test) = try TestModels.digitsStudent()
        let dense = student.accuracy(on: test)

        let stepsPerEpoch = (train.count + 31) / 32
        let schedule = PolynomialDecay(
            initialSparsity: 0, finalSparsity: 0.75, beginStep: 0, endStep: 6 * stepsPerEpoch,
            frequency: stepsPerEpoch / 2)
        var tune = Trainer(
            model: student, optimizer: PruningOptimizer(Adam(learningRate: 0.003), schedule: schedule), batchSize: 32,
            seed: 1)
        tune.fit(train, epochs: 10)
        let pruned = student.accuracy(on: test)
        // Each layer keeps round(n/4) weights: 512 of 2048 and 80 of 320.
        #expect(student.weightSparsity == Float(2048 - 512 + 320 - 80) / Float(2048 + 320))
        #expect(pruned >= dense - 0.03, "dense \(dense), 75 % sparse \(pruned)")
        // Another epoch of ordinary training would regrow them; with the wrapper they stay zero.
        let zeros = (student.layers[0] as? Dense)?.weight.scalars.indices.filter {
            (student.layers[0] as? Dense)?.weight.scalars[$0] == 0
        }
        tune.fit(train, epochs: 1)
        #expect(
            zeros
                == (student.layers[0] as? Dense)?.weight.scalars.indices.filter {
                    (student.layers[0] as? Dense)?.weight.scalars[$0] == 0
                })
    }
}
