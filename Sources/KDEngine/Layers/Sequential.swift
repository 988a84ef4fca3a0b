/// A model that applies its layers in order, and backpropagates through them in reverse.
///
/// A reference type: training updates it in place, and every holder sees the update. Call it
/// like a function for inference: `let logits = model(inputs)`.
public final class Sequential {
    /// The layers, first to last. A compressor walks these and reads or replaces weights.
    public var layers: [any Layer]

    public init(_ layers: [any Layer]) {
        self.layers = layers
    }

    /// Builds fresh layers from an architecture (weights from each layer's seed).
    public convenience init(specs: [LayerSpec]) {
        self.init(specs.map { $0.makeLayer() })
    }

    /// Inference on a batch (no dropout, nothing kept for backward).
    public func callAsFunction(_ input: Tensor) -> Tensor {
        forward(input, training: false)
    }

    /// The output of the last layer for `input`.
    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        layers.reduce(input) { $1.forward($0, training: training) }
    }

    /// Backpropagates `∂L/∂output` of the last training-mode forward through every layer,
    /// accumulating parameter gradients; returns `∂L/∂input`.
    @discardableResult
    public func backward(_ gradient: Tensor) -> Tensor {
        layers.reversed().reduce(gradient) { $1.backward($0) }
    }

    /// Resets every layer's accumulated gradients.
    public func zeroGradients() {
        for layer in layers { layer.zeroGradients() }
    }

    /// Every trainable tensor, layer by layer (each layer's `parameters` order).
    public var parameters: [Tensor] {
        get { layers.flatMap(\.parameters) }
        set {
            precondition(
                newValue.count == parameters.count,
                "model has \(parameters.count) parameter tensors, got \(newValue.count)")
            var rest = newValue[...]
            for layer in layers {
                let count = layer.parameters.count
                layer.parameters = Array(rest.prefix(count))
                rest = rest.dropFirst(count)
            }
        }
    }

    /// Number of trainable scalars.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// The architecture, layer by layer.
    public var specs: [LayerSpec] { layers.map(\.spec) }

    /// An independent copy with the same architecture and weights.
    public func copy() -> Sequential {
        let clone = Sequential(specs: specs)
        clone.parameters = parameters
        return clone
    }

    /// The predicted class of each row: the argmax of the logits.
    public func predict(_ input: Tensor) -> [Int] {
        self(input).argmaxRows()
    }

    /// The fraction of `data` whose predicted class equals its label, in 0...1.
    public func accuracy(on data: Dataset) -> Float {
        guard data.count > 0 else { return 0 }
        let hits = zip(predict(data.inputs), data.labels).filter { $0 == $1 }.count
        return Float(hits) / Float(data.count)
    }

    /// The shape of one output sample for samples of `inputShape`, checked layer by layer.
    public func outputShape(for inputShape: [Int]) -> [Int] {
        layers.reduce(inputShape) { $1.outputShape(for: $0) }
    }
}

extension Sequential: CustomStringConvertible {
    public var description: String {
        "Sequential([" + specs.map(\.description).joined(separator: ", ") + "]) — \(parameterCount) parameters"
    }
}
