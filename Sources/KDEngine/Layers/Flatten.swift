/// Flattens each sample: `[n, d1, d2, …] → [n, d1·d2·…]`.
public final class Flatten: ParameterFreeLayer {
    private var inputShape: [Int]?

    public init() {}

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        precondition(input.rank >= 1, "Flatten expects a batch, got a scalar")
        if training { inputShape = input.shape }
        return input.reshaped([input.shape[0], -1])
    }

    public func backward(_ gradient: Tensor) -> Tensor {
        guard let inputShape else { preconditionFailure("Flatten.backward called without a training-mode forward") }
        return gradient.reshaped(inputShape)
    }

    public var spec: LayerSpec { .flatten }
    public func outputShape(for inputShape: [Int]) -> [Int] { [inputShape.reduce(1, *)] }
}

/// Gives each sample a new shape with the same element count: `[n, 64] → [n, 8, 8, 1]` turns
/// the digits' rows into NHWC images for `Conv2D`.
public final class Reshape: ParameterFreeLayer {
    /// The shape of one sample after the layer.
    public let shape: [Int]
    private var inputShape: [Int]?

    public init(_ shape: [Int]) {
        precondition(shape.allSatisfy { $0 > 0 }, "Reshape needs positive extents, got \(shape)")
        self.shape = shape
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        precondition(
            input.rank >= 1 && input.scalarCount == input.shape[0] * shape.reduce(1, *),
            "Reshape(\(shape)) cannot reshape samples of \(input.shape)")
        if training { inputShape = input.shape }
        return input.reshaped([input.shape[0]] + shape)
    }

    public func backward(_ gradient: Tensor) -> Tensor {
        guard let inputShape else { preconditionFailure("Reshape.backward called without a training-mode forward") }
        return gradient.reshaped(inputShape)
    }

    public var spec: LayerSpec { .reshape(shape) }
    public func outputShape(for inputShape: [Int]) -> [Int] {
        precondition(
            inputShape.reduce(1, *) == shape.reduce(1, *), "Reshape(\(shape)) cannot reshape samples of \(inputShape)")
        return shape
    }
}
