/// How a layer's weights are drawn at construction, from the layer's own seed.
///
/// `fanIn` and `fanOut` are the number of inputs and outputs of one unit (for a convolution,
/// kernel area × channels).
public enum Initializer: Sendable, Hashable {
    /// He (Kaiming) normal: N(0, 2/fanIn), for layers followed by ReLU (He et al. 2015).
    case heNormal
    /// Glorot (Xavier) uniform: U(−a, a) with a = √(6/(fanIn + fanOut)) (Glorot & Bengio 2010).
    case glorotUniform
    /// All zeros (biases).
    case zeros

    /// `count` values for a layer with the given fan-in and fan-out, from `generator`.
    public func sample(count: Int, fanIn: Int, fanOut: Int, using generator: inout SeededGenerator) -> [Float] {
        switch self {
        case .heNormal:
            let std = (2.0 / Double(max(fanIn, 1))).squareRoot()
            return (0..<count).map { _ in Float(generator.nextNormal() * std) }
        case .glorotUniform:
            let limit = Float((6.0 / Double(max(fanIn + fanOut, 1))).squareRoot())
            return (0..<count).map { _ in generator.uniform(-limit..<limit) }
        case .zeros:
            return Array(repeating: 0, count: count)
        }
    }
}
