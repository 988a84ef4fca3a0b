/// A stage of a `Sequential` model: a function of its input with optional trainable
/// parameters, and its backward pass.
///
/// Layers are reference types: training updates them in place, and a compressor can walk
/// `Sequential.layers`, read a layer's tensors (`Dense.weight`, `Conv2D.weight`, …) and write
/// new ones. Inputs are batches: the first axis is the sample.
public protocol Layer: AnyObject {
    /// The output for a batch. With `training`, the layer keeps what `backward` needs, and
    /// layers that differ at training time (Dropout) behave so.
    func forward(_ input: Tensor, training: Bool) -> Tensor
    /// Given `∂L/∂output` for the last training-mode `forward`, adds `∂L/∂θ` to the
    /// parameter gradients and returns `∂L/∂input`.
    func backward(_ gradient: Tensor) -> Tensor
    /// The trainable tensors, in a fixed order (for a Dense or Conv2D: weight, then bias).
    /// Setting replaces them; shapes must match.
    var parameters: [Tensor] { get set }
    /// Calls `body` with each trainable tensor and its accumulated gradient, in the order of
    /// `parameters`; `body` may update the tensor in place (what optimisers do).
    func updateParameters(_ body: (inout Tensor, Tensor) -> Void)
    /// Resets accumulated gradients to zero.
    func zeroGradients()
    /// What the layer is, enough to build it again (architecture, initialisation seed).
    var spec: LayerSpec { get }
    /// The shape of one output sample for one input sample (batch axis left out).
    func outputShape(for inputShape: [Int]) -> [Int]
}

extension Layer {
    /// Number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.scalarCount } }
}

/// Default members for layers without parameters.
public protocol ParameterFreeLayer: Layer {}

extension ParameterFreeLayer {
    public var parameters: [Tensor] {
        get { [] }
        set { precondition(newValue.isEmpty, "\(spec) has no parameters, got \(newValue.count) tensors") }
    }
    public func updateParameters(_ body: (inout Tensor, Tensor) -> Void) {}
    public func zeroGradients() {}
}

/// Checks a replacement parameter list against the current one.
func checkReplacement(_ new: [Tensor], _ old: [Tensor], for spec: LayerSpec) {
    precondition(
        new.map(\.shape) == old.map(\.shape),
        "\(spec) parameters have shapes \(old.map(\.shape)), got \(new.map(\.shape))")
}

/// A layer with one weight tensor (one row per output unit or channel) and one bias vector:
/// `Dense` and `Conv2D`. A compressor can treat both alike through this protocol.
public protocol WeightedLayer: Layer {
    /// `[outputs, …]`: the first axis is the output channel.
    var weight: Tensor { get set }
    /// `[outputs]`.
    var bias: Tensor { get set }
    /// `∂L/∂weight` accumulated since the last `zeroGradients()`.
    var weightGradient: Tensor { get }
    /// `∂L/∂bias` accumulated since the last `zeroGradients()`.
    var biasGradient: Tensor { get }
}

extension WeightedLayer {
    public var parameters: [Tensor] {
        get { [weight, bias] }
        set {
            checkReplacement(newValue, parameters, for: spec)
            weight = newValue[0]
            bias = newValue[1]
        }
    }

    public func updateParameters(_ body: (inout Tensor, Tensor) -> Void) {
        body(&weight, weightGradient)
        body(&bias, biasGradient)
    }
}
