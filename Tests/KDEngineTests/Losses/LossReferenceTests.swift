import Foundation
import Testing

@testable import KDEngine

/// One case of Fixtures/kd_losses.json (made by scripts/reference/kd_losses.py).
struct LossCase: Decodable, CustomTestStringConvertible {
    var name: String
    var rows: Int
    var classes: Int
    var temperature: Float
    var alpha: Float
    var student: [Double]
    var teacher: [Double]
    var labels: [Int]
    var target: [Double]
    var softmax: [Double]
    var logSoftmax: [Double]
    var crossEntropy: Double
    var klDivergence: Double
    var distillationLoss: Double

    var testDescription: String { name }
    func tensor(_ values: [Double]) -> Tensor { Tensor(shape: [rows, classes], scalars: values.map { Float($0) }) }

    static let all: [LossCase] = {
        struct File: Decodable { var cases: [LossCase] }
        guard let url = Bundle.module.url(forResource: "kd_losses", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.cases
    }()
}

/// `|actual − expected| ≤ 1e-5·|expected|`, with an absolute floor of 1e-9 for values at 0.
func relativelyClose(_ actual: Float, _ expected: Double, rtol: Double = 1e-5) -> Bool {
    abs(Double(actual) - expected) <= rtol * abs(expected) + 1e-9
}

@Suite("losses against NumPy reference values")
struct LossReferenceTests {
    @Test func fixtureIsPresent() {
        #expect(LossCase.all.count == 72)
    }

    @Test(arguments: LossCase.all)
    func crossEntropyMatches(_ c: LossCase) {
        let value = crossEntropy(logits: c.tensor(c.student), labels: c.labels)
        #expect(relativelyClose(value, c.crossEntropy), "\(value) vs \(c.crossEntropy)")
    }

    @Test(arguments: LossCase.all)
    func klDivergenceMatches(_ c: LossCase) {
        let value = klDivergence(target: c.tensor(c.target), logits: c.tensor(c.student), temperature: c.temperature)
        #expect(relativelyClose(value, c.klDivergence), "\(value) vs \(c.klDivergence)")
    }

    @Test(arguments: LossCase.all)
    func distillationLossMatches(_ c: LossCase) {
        let value = distillationLoss(
            studentLogits: c.tensor(c.student), teacherLogits: c.tensor(c.teacher),
            labels: c.labels, temperature: c.temperature, alpha: c.alpha)
        #expect(relativelyClose(value, c.distillationLoss), "\(value) vs \(c.distillationLoss)")
    }

    @Test(arguments: LossCase.all.filter { !$0.softmax.isEmpty })
    func softmaxAndLogSoftmaxMatch(_ c: LossCase) {
        let p = softmax(c.tensor(c.student), temperature: c.temperature)
        let logp = logSoftmax(c.tensor(c.student), temperature: c.temperature)
        #expect(zip(p.scalars, c.softmax).allSatisfy { abs(Double($0) - $1) <= 1e-6 * $1 + 1e-30 })
        #expect(zip(logp.scalars, c.logSoftmax).allSatisfy { relativelyClose($0, $1) })
        #expect(logp.scalars.allSatisfy { $0.isFinite })
    }

    @Test(arguments: LossCase.all)
    func softenedTeacherMatchesTheTarget(_ c: LossCase) {
        let p = softmax(c.tensor(c.teacher), temperature: c.temperature)
        #expect(p.scalars == c.target.map { Float($0) })
    }
}
