/// Inverted dropout: at training time each element is zeroed with probability `rate` and the
/// survivors scaled by `1/(1 − rate)`, so inference is the identity. The masks come from the
/// layer's own generator, seeded by `seed`, so training is reproducible.
public final class Dropout: ParameterFreeLayer {
    public let rate: Float
    public let seed: UInt64
    private var generator: SeededGenerator
    private var mask: [Float]?

    public init(_ rate: Float, seed: UInt64) {
        precondition(rate >= 0 && rate < 1, "Dropout rate must be in 0..<1, got \(rate)")
        self.rate = rate
        self.seed = seed
        generator = SeededGenerator(seed: seed, stream: 1)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        guard training, rate > 0 else { return input }
        let keep = 1 / (1 - rate)
        let mask = (0..<input.scalarCount).map { _ in generator.nextUniform() < Double(rate) ? 0 : keep }
        self.mask = mask
        return Tensor(shape: input.shape, scalars: mask).zip(input, *)
    }

    public func backward(_ gradient: Tensor) -> Tensor {
        guard rate > 0 else { return gradient }
        guard let mask else { preconditionFailure("Dropout.backward called without a training-mode forward") }
        return gradient.zip(Tensor(shape: gradient.shape, scalars: mask), *)
    }

    public var spec: LayerSpec { .dropout(rate: rate, seed: seed) }
    public func outputShape(for inputShape: [Int]) -> [Int] { inputShape }
}
