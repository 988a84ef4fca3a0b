/// Max pooling over NHWC images: each output is the largest input in a `size × size`
/// window, windows `stride` apart, per channel. Shapes: `[n, h, w, c] → [n, oh, ow, c]` with
/// `oh = (h − size)/stride + 1`. The gradient flows to the winning input only (the first on ties).
public final class MaxPool2D: ParameterFreeLayer {
    public let size: Int
    public let stride: Int
    private var inputShape: [Int]?
    private var winners: [Int]?

    public init(size: Int = 2, stride: Int? = nil) {
        precondition(size > 0 && (stride ?? size) > 0, "MaxPool2D needs a positive size and stride")
        self.size = size
        self.stride = stride ?? size
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let s = input.shape
        precondition(s.count == 4, "MaxPool2D expects input [n, h, w, c], got \(s)")
        let out = outputShape(for: Array(s.dropFirst()))
        let (n, h, w, c) = (s[0], s[1], s[2], s[3])
        let (oh, ow) = (out[0], out[1])
        var values = [Float](repeating: 0, count: n * oh * ow * c)
        var argmax = [Int](repeating: 0, count: values.count)
        input.scalars.withUnsafeBufferPointer { x in
            for b in 0..<n {
                for oy in 0..<oh {
                    for ox in 0..<ow {
                        for ch in 0..<c {
                            var best = ((b * h + oy * stride) * w + ox * stride) * c + ch
                            for ky in 0..<size {
                                for kx in 0..<size {
                                    let i = ((b * h + oy * stride + ky) * w + ox * stride + kx) * c + ch
                                    if x[i] > x[best] { best = i }
                                }
                            }
                            let o = ((b * oh + oy) * ow + ox) * c + ch
                            values[o] = x[best]
                            argmax[o] = best
                        }
                    }
                }
            }
        }
        if training {
            inputShape = s
            winners = argmax
        }
        return Tensor(shape: [n, oh, ow, c], scalars: values)
    }

    public func backward(_ gradient: Tensor) -> Tensor {
        guard let inputShape, let winners else {
            preconditionFailure("MaxPool2D.backward called without a training-mode forward")
        }
        precondition(
            gradient.scalarCount == winners.count,
            "MaxPool2D gradient has \(gradient.scalarCount) elements, expected \(winners.count)")
        var dx = [Float](repeating: 0, count: inputShape.reduce(1, *))
        for (o, i) in winners.enumerated() { dx[i] += gradient.scalars[o] }
        return Tensor(shape: inputShape, scalars: dx)
    }

    public var spec: LayerSpec { .maxPool2d(size: size, stride: stride) }

    public func outputShape(for inputShape: [Int]) -> [Int] {
        precondition(
            inputShape.count == 3 && inputShape[0] >= size && inputShape[1] >= size,
            "MaxPool2D(size: \(size)) expects samples [h, w, c] of at least \(size)×\(size), got \(inputShape)")
        return [(inputShape[0] - size) / stride + 1, (inputShape[1] - size) / stride + 1, inputShape[2]]
    }
}
