import Testing

@testable import KDEngine

@Suite("Sequential")
struct SequentialTests {
    func convNet() -> Sequential {
        Sequential([
            Reshape([8, 8, 1]), Conv2D(1, 4, kernelSize: 3, padding: 1, seed: 1), ReLU(), MaxPool2D(size: 2),
            Flatten(), Dense(64, 10, seed: 2),
        ])
    }

    @Test func shapesAndCounts() {
        let model = convNet()
        #expect(model.outputShape(for: [64]) == [10])
        #expect(model(randomTensor([5, 64], seed: 3)).shape == [5, 10])
        #expect(model.parameterCount == (9 * 4 + 4) + (64 * 10 + 10))
        let mlp = Sequential([Dense(64, 24, seed: 1), ReLU(), Dense(24, 10, seed: 2)])
        #expect(mlp.parameterCount == 1810)
        #expect(mlp.byteSize(for: .float32) == 1810 * 4)
        #expect(mlp.byteSize(for: .float16) == 1810 * 2)
        // int8: weights 1 byte, biases int32, a scale and zero point per output channel.
        #expect(mlp.byteSize(for: .int8) == (1536 + 240) + (24 + 10) * 4 + (24 + 10) * 8)
    }

    /// Backprop through the whole model agrees with finite differences of a loss on the output.
    @Test func endToEndGradient() {
        let model = Sequential([Dense(6, 5, seed: 1), ReLU(), Dense(5, 3, seed: 2)])
        let x = randomTensor([4, 6], seed: 4), labels = [0, 2, 1, 2]
        model.zeroGradients()
        let (_, g) = crossEntropyWithGradient(logits: model.forward(x, training: true), labels: labels)
        model.backward(g)
        var analytic: [Float] = []
        model.forEachParameter { _, _, gradient in analytic += gradient.scalars }
        var flat = model.parameters
        var numeric: [Double] = []
        for p in flat.indices {
            for i in flat[p].scalars.indices {
                let saved = flat[p].scalars[i]
                flat[p].scalars[i] = saved + 1e-3
                model.parameters = flat
                let up = Double(crossEntropy(logits: model(x), labels: labels))
                flat[p].scalars[i] = saved - 1e-3
                model.parameters = flat
                let down = Double(crossEntropy(logits: model(x), labels: labels))
                flat[p].scalars[i] = saved
                model.parameters = flat
                numeric.append((up - down) / 2e-3)
            }
        }
        let worst = zip(analytic, numeric).map { abs(Double($0) - $1) }.max() ?? 0
        #expect(worst < 2e-3, "worst gradient error \(worst)")
    }

    @Test func copyIsIndependent() {
        let model = convNet()
        let clone = model.copy()
        #expect(clone.parameters == model.parameters && clone.specs == model.specs)
        (model.layers[1] as? Conv2D)?.weight = Tensor.zeros([4, 3, 3, 1])
        #expect(clone.parameters != model.parameters)
    }

    @Test func optimisersMinimiseAQuadratic() {
        let optimizers: [any Optimizer] = [
            SGD(learningRate: 0.1, momentum: 0.9), SGD(learningRate: 0.1, weightDecay: 0.001), Adam(learningRate: 0.05),
        ]
        for (index, start) in optimizers.enumerated() {
            var optimizer = start
            let model = Sequential([Dense(3, 1, seed: 1)])
            let x = randomTensor([16, 3], seed: 2)
            let target = matmul(x, Tensor([[1], [-2], [0.5]])) + Tensor([0.25])
            for _ in 0..<300 {
                model.zeroGradients()
                let y = model.forward(x, training: true)
                model.backward((y - target) * (2 / 16))
                optimizer.step(model)
            }
            let error = (model(x) - target).map { $0 * $0 }.mean()
            #expect(error < 1e-3, "optimizer \(index) left error \(error)")
        }
    }

    @Test func schedules() {
        #expect(LearningRateSchedule.constant.rate(base: 0.1, epoch: 5, of: 10) == 0.1)
        #expect(LearningRateSchedule.step(every: 2, factor: 0.5).rate(base: 1, epoch: 5, of: 10) == 0.25)
        #expect(abs(LearningRateSchedule.cosine(minimum: 0).rate(base: 1, epoch: 5, of: 10) - 0.5) < 1e-6)
        #expect(LearningRateSchedule.warmup(epochs: 4).rate(base: 1, epoch: 1, of: 10) == 0.5)
    }
}
