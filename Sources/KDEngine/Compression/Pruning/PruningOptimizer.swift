/// Magnitude pruning while training, as TF-MOT's `prune_low_magnitude`: wraps the optimizer a
/// `Trainer` uses. After each of `base`'s steps it updates the masks of every Dense and Conv2D
/// weight when `schedule` says so (each layer pruned to the scheduled sparsity by
/// `magnitudeMask`) and zeroes the masked weights, so pruned weights stay zero through the rest
/// of training (fine-tuning). Biases are not pruned.
///
/// ```swift
/// let schedule = PolynomialDecay(initialSparsity: 0, finalSparsity: 0.8, beginStep: 0, endStep: 450, frequency: 45)
/// var tune = Trainer(model: student, optimizer: PruningOptimizer(Adam(learningRate: 0.002), schedule: schedule))
/// tune.distill(from: teacher, on: train, temperature: 4, alpha: 0.1, epochs: 12)
/// print(student.weightSparsity)  // 0.8
/// ```
public struct PruningOptimizer: Optimizer {
    public var base: any Optimizer
    public var schedule: PolynomialDecay
    /// Optimizer steps taken so far; the schedule's `t`.
    public private(set) var stepCount = 0
    /// The current mask of each pruned layer's weight, by layer index (true = kept).
    public private(set) var masks: [Int: [Bool]] = [:]

    public init(_ base: any Optimizer, schedule: PolynomialDecay) {
        self.base = base
        self.schedule = schedule
    }

    public var learningRate: Float {
        get { base.learningRate }
        set { base.learningRate = newValue }
    }

    public mutating func step(_ model: Sequential) {
        base.step(model)
        let (prune, sparsity) = schedule(stepCount)
        for (index, layer) in model.layers.enumerated() {
            guard var weight = prunableWeight(layer) else { continue }
            if prune { masks[index] = magnitudeMask(weight.scalars, sparsity: sparsity) }
            guard let mask = masks[index] else { continue }
            weight.scalars = zip(weight.scalars, mask).map { $1 ? $0 : 0 }
            setWeight(weight, of: layer)
        }
        stepCount += 1
    }
}

/// The weight tensor of a Dense or Conv2D layer (nil for other layers).
func prunableWeight(_ layer: any Layer) -> Tensor? {
    switch layer {
    case let dense as Dense: dense.weight
    case let conv as Conv2D: conv.weight
    default: nil
    }
}

func setWeight(_ weight: Tensor, of layer: any Layer) {
    switch layer {
    case let dense as Dense: dense.weight = weight
    case let conv as Conv2D: conv.weight = weight
    default: preconditionFailure("\(layer.spec) has no weight to set")
    }
}

extension Sequential {
    /// The fraction of Dense and Conv2D weights that are exactly zero (biases excluded).
    public var weightSparsity: Float {
        var zeros = 0, total = 0
        for layer in layers {
            guard let weight = prunableWeight(layer) else { continue }
            zeros += weight.scalars.filter { $0 == 0 }.count
            total += weight.scalarCount
        }
        return total == 0 ? 0 : Float(zeros) / Float(total)
    }
}
