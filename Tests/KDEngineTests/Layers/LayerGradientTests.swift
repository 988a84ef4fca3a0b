import Testing

@testable import KDEngine

/// Checks a layer's backward pass against central differences of `L = Σ r ⊙ layer(x)` for a
/// fixed random `r`, in Float with a step of 1e-2 (the layers are piecewise linear, so the
/// difference quotient is exact away from kinks; inputs keep clear of them).
func checkGradients(_ layer: any Layer, input: Tensor, tolerance: Double = 2e-3) {
    let output = layer.forward(input, training: true)
    let r = randomTensor(output.shape, seed: 99)
    func loss(_ x: Tensor) -> Double {
        zip(layer.forward(x, training: false).scalars, r.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }
    layer.zeroGradients()
    _ = layer.forward(input, training: true)
    let inputGradient = layer.backward(r)
    #expect(inputGradient.shape == input.shape)
    let h: Float = 1e-2
    var x = input
    var worst = 0.0
    for i in 0..<x.scalarCount {
        let saved = x.scalars[i]
        x.scalars[i] = saved + h
        let up = loss(x)
        x.scalars[i] = saved - h
        let down = loss(x)
        x.scalars[i] = saved
        worst = max(worst, abs((up - down) / Double(2 * h) - Double(inputGradient.scalars[i])))
    }
    #expect(worst < tolerance, "input gradient error \(worst) in \(layer.spec)")
    // Parameter gradients: perturb each parameter through `parameters`.
    var gradients: [Tensor] = []
    layer.updateParameters { _, g in gradients.append(g) }
    for (p, gradient) in gradients.enumerated() {
        var worstParameter = 0.0
        for i in 0..<gradient.scalarCount {
            var parameters = layer.parameters
            let saved = parameters[p].scalars[i]
            parameters[p].scalars[i] = saved + h
            layer.parameters = parameters
            let up = loss(input)
            parameters[p].scalars[i] = saved - h
            layer.parameters = parameters
            let down = loss(input)
            parameters[p].scalars[i] = saved
            layer.parameters = parameters
            worstParameter = max(worstParameter, abs((up - down) / Double(2 * h) - Double(gradient.scalars[i])))
        }
        #expect(worstParameter < tolerance, "parameter \(p) gradient error \(worstParameter) in \(layer.spec)")
    }
}

/// Values at least 0.05 away from 0 (ReLU's kink) and distinct (MaxPool's ties).
func offKinkInput(_ shape: [Int], seed: UInt64) -> Tensor {
    let count = shape.reduce(1, *)
    var g = SeededGenerator(seed: seed)
    let values = g.permutation(count).map { Float($0 - count / 2) * 0.1 + 0.05 }
    return Tensor(shape: shape, scalars: values)
}

@Suite("layer gradients against finite differences")
struct LayerGradientTests {
    @Test func dense() { checkGradients(Dense(7, 5, seed: 1), input: randomTensor([4, 7], seed: 2)) }
    @Test func relu() { checkGradients(ReLU(), input: offKinkInput([3, 8], seed: 3)) }
    @Test func flattenAndReshape() {
        checkGradients(Flatten(), input: randomTensor([2, 3, 4, 2], seed: 4))
        checkGradients(Reshape([4, 4, 1]), input: randomTensor([3, 16], seed: 5))
    }
    @Test(arguments: [(3, 1, 0), (3, 1, 1), (3, 2, 1), (2, 2, 0), (1, 1, 0)])
    func conv2d(kernel: Int, stride: Int, padding: Int) {
        let conv = Conv2D(2, 3, kernelSize: kernel, stride: stride, padding: padding, seed: 6)
        conv.bias = Tensor([0.1, -0.2, 0.3])
        checkGradients(conv, input: randomTensor([2, 6, 5, 2], seed: 7), tolerance: 5e-3)
    }
    @Test(arguments: [(2, 2), (3, 1), (2, 1)])
    func maxPool(size: Int, stride: Int) {
        checkGradients(MaxPool2D(size: size, stride: stride), input: offKinkInput([2, 5, 6, 3], seed: 8))
    }
    @Test func dropoutIsIdentityAtInferenceAndMasksInTraining() {
        let d = Dropout(0.5, seed: 9)
        let x = Tensor(repeating: 1, shape: [10, 100])
        #expect(d(x) == x)
        let y = d.forward(x, training: true)
        let kept = y.scalars.filter { $0 != 0 }
        #expect(kept.allSatisfy { $0 == 2 })
        #expect((400...600).contains(kept.count))
        let g = d.backward(Tensor(repeating: 1, shape: [10, 100]))
        #expect(g.scalars == y.scalars)
    }
}

extension Layer {
    func callAsFunction(_ x: Tensor) -> Tensor { forward(x, training: false) }
}
