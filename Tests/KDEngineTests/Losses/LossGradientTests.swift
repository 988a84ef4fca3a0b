import Foundation
import Testing

@testable import KDEngine

/// Central differences of `f` at `x`, in Double: `(f(x + h·e_i) − f(x − h·e_i)) / 2h`.
func numericalGradient(_ x: [Double], h: Double = 1e-6, _ f: ([Double]) -> Double) -> [Double] {
    var x = x
    return (0..<x.count).map { i in
        let saved = x[i]
        x[i] = saved + h
        let up = f(x)
        x[i] = saved - h
        let down = f(x)
        x[i] = saved
        return (up - down) / (2 * h)
    }
}

func maxRelativeError(_ a: [Double], _ b: [Double]) -> Double {
    let scale = max(b.map(abs).max() ?? 0, 1e-12)
    return zip(a, b).map { abs($0 - $1) / scale }.max() ?? 0
}

@Suite("loss gradients against finite differences")
struct LossGradientTests {
    static let settings: [(temperature: Double, alpha: Double, scale: Double)] = [
        (0.5, 0, 1), (1, 1, 1), (2, 0.5, 3), (4, 0.1, 2), (8, 0.9, 5), (20, 0.3, 10),
    ]

    func logits(_ count: Int, seed: UInt64, scale: Double) -> [Double] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in g.nextNormal() * scale }
    }

    @Test(arguments: settings)
    func crossEntropy(temperature: Double, alpha: Double, scale: Double) {
        let (n, k) = (5, 7)
        let z = logits(n * k, seed: 1, scale: scale), y = [0, 3, 6, 2, 2]
        let analytic = CrossEntropyCore(logits: z, labels: y, shape: [n, k]).gradient
        let numeric = numericalGradient(z) { CrossEntropyCore(logits: $0, labels: y, shape: [n, k]).value }
        #expect(maxRelativeError(analytic, numeric) < 1e-6)
    }

    @Test(arguments: settings)
    func klDivergence(temperature: Double, alpha: Double, scale: Double) {
        let (n, k) = (4, 6)
        let z = logits(n * k, seed: 2, scale: scale)
        let p = LogSoftmaxRows(logits(n * k, seed: 3, scale: scale), rows: n, width: k, temperature: temperature)
            .probabilities
        let analytic = KLDivergenceCore(
            target: p, logits: z, shape: [n, k], targetShape: [n, k], temperature: temperature
        ).gradient
        let numeric = numericalGradient(z) {
            KLDivergenceCore(target: p, logits: $0, shape: [n, k], targetShape: [n, k], temperature: temperature).value
        }
        #expect(maxRelativeError(analytic, numeric) < 1e-6)
    }

    @Test(arguments: settings)
    func distillation(temperature: Double, alpha: Double, scale: Double) {
        let (n, k) = (6, 10)
        let zs = logits(n * k, seed: 4, scale: scale), zt = logits(n * k, seed: 5, scale: scale)
        let y = [1, 9, 0, 4, 4, 7]
        func core(_ z: [Double]) -> DistillationCore {
            DistillationCore(student: z, teacher: zt, labels: y, shape: [n, k], temperature: temperature, alpha: alpha)
        }
        let numeric = numericalGradient(zs) { core($0).value }
        #expect(maxRelativeError(core(zs).gradient, numeric) < 1e-6)
    }

    /// The public Float API hands back the Double core's gradient, rounded once.
    @Test func floatGradientsAgreeWithTheCore() {
        let zs = Tensor(shape: [2, 3], scalars: [1, -2, 0.5, 3, 0, -1]),
            zt = Tensor(shape: [2, 3], scalars: [0, 1, 2, -1, 4, 0])
        let g = distillationLossGradient(
            studentLogits: zs, teacherLogits: zt, labels: [2, 0], temperature: 3, alpha: 0.25)
        let core = DistillationCore(zs, zt, [2, 0], 3, 0.25)
        #expect(g.scalars == core.gradient.map { Float($0) })
        let (loss, g2) = distillationLossWithGradient(
            studentLogits: zs, teacherLogits: zt, labels: [2, 0], temperature: 3, alpha: 0.25)
        #expect(g2 == g && loss == Float(core.value))
        let ce = crossEntropyGradient(logits: zs, labels: [2, 0])
        #expect(abs(ce.sum()) < 1e-6)  // each row of σ(z) − onehot sums to zero
    }

    @Test func entropyOfKnownDistributions() {
        let h = entropy(Tensor([[0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0]]))
        #expect(h.shape == [2])
        #expect(abs(h.scalars[0] - Float(log(4.0))) < 1e-6 && h.scalars[1] == 0)
        #expect(entropy(Tensor([0.5, 0.5])).shape == [])
        // Softening raises the entropy.
        let z = Tensor([[3, 1, 0.2]])
        #expect(entropy(softmax(z, temperature: 4)).scalars[0] > entropy(softmax(z)).scalars[0])
    }
}
