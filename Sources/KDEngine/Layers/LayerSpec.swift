/// A layer's architecture as data: what a checkpoint stores, what a cache key hashes, and
/// what rebuilds the layer (`makeLayer()`).
public enum LayerSpec: Hashable, Codable, Sendable, CustomStringConvertible {
    case dense(inputs: Int, outputs: Int, seed: UInt64)
    case relu
    case conv2d(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int, padding: Int, seed: UInt64)
    case maxPool2d(size: Int, stride: Int)
    case flatten
    case reshape([Int])
    case dropout(rate: Float, seed: UInt64)

    /// A fresh layer of this architecture (weights drawn from its seed).
    public func makeLayer() -> any Layer {
        switch self {
        case let .dense(inputs, outputs, seed): Dense(inputs, outputs, seed: seed)
        case .relu: ReLU()
        case let .conv2d(i, o, k, s, p, seed): Conv2D(i, o, kernelSize: k, stride: s, padding: p, seed: seed)
        case let .maxPool2d(size, stride): MaxPool2D(size: size, stride: stride)
        case .flatten: Flatten()
        case let .reshape(shape): Reshape(shape)
        case let .dropout(rate, seed): Dropout(rate, seed: seed)
        }
    }

    public var description: String {
        switch self {
        case let .dense(i, o, s): "Dense(\(i), \(o), seed: \(s))"
        case .relu: "ReLU()"
        case let .conv2d(i, o, k, st, p, s):
            "Conv2D(\(i), \(o), kernelSize: \(k), stride: \(st), padding: \(p), seed: \(s))"
        case let .maxPool2d(size, stride): "MaxPool2D(size: \(size), stride: \(stride))"
        case .flatten: "Flatten()"
        case let .reshape(shape): "Reshape(\(shape))"
        case let .dropout(rate, seed): "Dropout(\(rate), seed: \(seed))"
        }
    }
}
