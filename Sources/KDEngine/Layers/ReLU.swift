/// The rectifier `y = max(x, 0)`, elementwise; any shape. Its gradient passes where `x > 0`.
public final class ReLU: ParameterFreeLayer {
    private var input: Tensor?

    public init() {}

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        if training { self.input = input }
        return input.map { max($0, 0) }
    }

    public func backward(_ gradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("ReLU.backward called without a training-mode forward") }
        return gradient.zip(input) { g, x in x > 0 ? g : 0 }
    }

    public var spec: LayerSpec { .relu }
    public func outputShape(for inputShape: [Int]) -> [Int] { inputShape }
}
