import Foundation

/// Updates a model's parameters from their accumulated gradients. An optimiser owns its state
/// (momentum, moment estimates), kept per parameter tensor in the model's parameter order.
public protocol Optimizer {
    /// The step size; a `Trainer` sets it each epoch from its schedule.
    var learningRate: Float { get set }
    /// One update of every parameter of `model` from its gradients.
    mutating func step(_ model: Sequential)
}

extension Sequential {
    /// Calls `body` with the index (model parameter order), the tensor and its gradient.
    func forEachParameter(_ body: (Int, inout Tensor, Tensor) -> Void) {
        var index = 0
        for layer in layers {
            layer.updateParameters { value, gradient in
                body(index, &value, gradient)
                index += 1
            }
        }
    }
}

/// Stochastic gradient descent with momentum and weight decay, as PyTorch's `optim.SGD`:
/// `g ← ∇θ + λθ`, `v ← μv + g`, `θ ← θ − η·v` (Nesterov: `θ ← θ − η(g + μv)`).
public struct SGD: Optimizer {
    public var learningRate: Float
    public var momentum: Float
    public var weightDecay: Float
    public var nesterov: Bool
    private var velocity: [[Float]] = []

    public init(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0, nesterov: Bool = false) {
        precondition(
            learningRate > 0 && momentum >= 0 && momentum < 1 && weightDecay >= 0,
            "SGD needs learningRate > 0, momentum in 0..<1 and weightDecay ≥ 0")
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        self.nesterov = nesterov
    }

    public mutating func step(_ model: Sequential) {
        let (lr, mu, wd, nesterov) = (learningRate, momentum, weightDecay, nesterov)
        var velocity = self.velocity
        self.velocity = []
        model.forEachParameter { index, value, gradient in
            if index == velocity.count { velocity.append([Float](repeating: 0, count: value.scalarCount)) }
            value.scalars.withUnsafeMutableBufferPointer { w in
                gradient.scalars.withUnsafeBufferPointer { g in
                    velocity[index].withUnsafeMutableBufferPointer { v in
                        // One loop per variant, so each vectorises without branches.
                        if mu == 0 {
                            for i in 0..<w.count { w[i] -= lr * (g[i] + wd * w[i]) }
                        } else if nesterov {
                            for i in 0..<w.count {
                                let grad = g[i] + wd * w[i]
                                v[i] = mu * v[i] + grad
                                w[i] -= lr * (grad + mu * v[i])
                            }
                        } else {
                            for i in 0..<w.count {
                                v[i] = mu * v[i] + (g[i] + wd * w[i])
                                w[i] -= lr * v[i]
                            }
                        }
                    }
                }
            }
        }
        self.velocity = velocity
    }
}

/// Adam (Kingma & Ba 2015), as PyTorch's `optim.Adam`: `m ← β₁m + (1−β₁)g`,
/// `v ← β₂v + (1−β₂)g²`, `θ ← θ − η·m̂/(√v̂ + ε)` with `m̂ = m/(1−β₁ᵗ)`, `v̂ = v/(1−β₂ᵗ)`;
/// weight decay adds `λθ` to `g` (L2, not AdamW).
public struct Adam: Optimizer {
    public var learningRate: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public var weightDecay: Float
    private var firstMoments: [[Float]] = []
    private var secondMoments: [[Float]] = []
    private var steps = 0

    public init(
        learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
        weightDecay: Float = 0
    ) {
        precondition(
            learningRate > 0 && (0..<1).contains(beta1) && (0..<1).contains(beta2) && epsilon > 0 && weightDecay >= 0,
            "Adam needs learningRate > 0, betas in 0..<1, epsilon > 0 and weightDecay ≥ 0")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public mutating func step(_ model: Sequential) {
        steps += 1
        let (b1, b2, eps, wd) = (beta1, beta2, epsilon, weightDecay)
        let correction1 = 1 - Float(pow(Double(b1), Double(steps)))
        let correction2 = 1 - Float(pow(Double(b2), Double(steps)))
        let stepSize = learningRate / correction1
        let rootCorrection2 = correction2.squareRoot()
        var firstMoments = self.firstMoments, secondMoments = self.secondMoments
        self.firstMoments = []
        self.secondMoments = []
        model.forEachParameter { index, value, gradient in
            if index == firstMoments.count {
                firstMoments.append(Array(repeating: 0, count: value.scalarCount))
                secondMoments.append(Array(repeating: 0, count: value.scalarCount))
            }
            value.scalars.withUnsafeMutableBufferPointer { w in
                gradient.scalars.withUnsafeBufferPointer { g in
                    firstMoments[index].withUnsafeMutableBufferPointer { m in
                        secondMoments[index].withUnsafeMutableBufferPointer { v in
                            for i in 0..<w.count {
                                let grad = g[i] + wd * w[i]
                                m[i] = b1 * m[i] + (1 - b1) * grad
                                v[i] = b2 * v[i] + (1 - b2) * grad * grad
                                w[i] -= stepSize * m[i] / (v[i].squareRoot() / rootCorrection2 + eps)
                            }
                        }
                    }
                }
            }
        }
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }
}
