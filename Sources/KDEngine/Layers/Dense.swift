/// A fully connected layer: `y = x·Wᵀ + b`.
///
/// Shapes: input `[n, inputs]`, output `[n, outputs]`, `weight` `[outputs, inputs]` (one row
/// per output unit, the layout of PyTorch's `Linear` and TFLite's FullyConnected, so a
/// per-channel quantiser reads one row per channel), `bias` `[outputs]`. Weights start He-normal
/// (`N(0, 2/inputs)`) from `seed`, biases at zero.
public final class Dense: WeightedLayer {
    public let inputs: Int
    public let outputs: Int
    public let seed: UInt64
    /// `[outputs, inputs]`.
    public var weight: Tensor {
        didSet {
            precondition(
                weight.shape == [outputs, inputs], "Dense weight must be [\(outputs), \(inputs)], got \(weight.shape)")
        }
    }
    /// `[outputs]`.
    public var bias: Tensor {
        didSet { precondition(bias.shape == [outputs], "Dense bias must be [\(outputs)], got \(bias.shape)") }
    }
    public private(set) var weightGradient: Tensor
    public private(set) var biasGradient: Tensor
    private var input: Tensor?

    public init(_ inputs: Int, _ outputs: Int, seed: UInt64, initializer: Initializer = .heNormal) {
        precondition(inputs > 0 && outputs > 0, "Dense needs positive sizes, got \(inputs) → \(outputs)")
        self.inputs = inputs
        self.outputs = outputs
        self.seed = seed
        var generator = SeededGenerator(seed: seed)
        weight = Tensor(
            shape: [outputs, inputs],
            scalars: initializer.sample(count: inputs * outputs, fanIn: inputs, fanOut: outputs, using: &generator))
        bias = .zeros([outputs])
        weightGradient = .zeros([outputs, inputs])
        biasGradient = .zeros([outputs])
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        precondition(
            input.rank == 2 && input.shape[1] == inputs,
            "Dense(\(inputs), \(outputs)) expects input [n, \(inputs)], got \(input.shape)")
        if training { self.input = input }
        // (W·xᵀ)ᵀ rather than x·Wᵀ: the GEMM then reads W in place and packs only the batch.
        return matmul(weight, input, transposeB: true).transposed().addingRowVector(bias)
    }

    public func backward(_ gradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("Dense.backward called without a training-mode forward") }
        precondition(
            gradient.shape == [input.shape[0], outputs],
            "Dense gradient must be [\(input.shape[0]), \(outputs)], got \(gradient.shape)")
        matmulAccumulate(gradient, input, transposeA: true, into: &weightGradient)
        biasGradient += gradient.sumOfRows()
        return matmul(gradient, weight)
    }

    public func zeroGradients() {
        weightGradient = .zeros([outputs, inputs])
        biasGradient = .zeros([outputs])
    }

    public var spec: LayerSpec { .dense(inputs: inputs, outputs: outputs, seed: seed) }

    public func outputShape(for inputShape: [Int]) -> [Int] {
        precondition(
            inputShape == [inputs],
            "Dense(\(inputs), \(outputs)) expects samples of shape [\(inputs)], got \(inputShape)")
        return [outputs]
    }
}
