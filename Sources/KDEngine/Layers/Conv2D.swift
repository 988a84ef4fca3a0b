/// A 2-D convolution over NHWC images (TFLite's layout), by im2col and one matrix product:
/// `y[n, oy, ox, o] = b[o] + Σ_{ky,kx,c} x[n, oy·s + ky − p, ox·s + kx − p, c] · W[o, ky, kx, c]`
/// (zero outside the image).
///
/// Shapes: input `[n, h, w, inChannels]`, output `[n, oh, ow, outChannels]` with
/// `oh = (h + 2p − k)/s + 1` (likewise `ow`), `weight` `[outChannels, k, k, inChannels]` (OHWI,
/// one row per output channel), `bias` `[outChannels]`. Weights start He-normal with fan-in
/// `k·k·inChannels`.
public final class Conv2D: WeightedLayer {
    public let inChannels: Int
    public let outChannels: Int
    public let kernelSize: Int
    public let stride: Int
    public let padding: Int
    public let seed: UInt64
    /// `[outChannels, kernelSize, kernelSize, inChannels]`.
    public var weight: Tensor {
        didSet {
            precondition(weight.shape == weightShape, "Conv2D weight must be \(weightShape), got \(weight.shape)")
        }
    }
    /// `[outChannels]`.
    public var bias: Tensor {
        didSet { precondition(bias.shape == [outChannels], "Conv2D bias must be [\(outChannels)], got \(bias.shape)") }
    }
    public private(set) var weightGradient: Tensor
    public private(set) var biasGradient: Tensor
    private var columns: Tensor?
    private var geometry: Geometry?

    public init(
        _ inChannels: Int, _ outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
        seed: UInt64, initializer: Initializer = .heNormal
    ) {
        precondition(
            inChannels > 0 && outChannels > 0 && kernelSize > 0 && stride > 0 && padding >= 0,
            "Conv2D needs positive channels, kernel size and stride, and padding ≥ 0")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.seed = seed
        let fanIn = kernelSize * kernelSize * inChannels
        var generator = SeededGenerator(seed: seed)
        weight = Tensor(
            shape: [outChannels, kernelSize, kernelSize, inChannels],
            scalars: initializer.sample(
                count: outChannels * fanIn, fanIn: fanIn,
                fanOut: kernelSize * kernelSize * outChannels, using: &generator))
        bias = .zeros([outChannels])
        weightGradient = .zeros([outChannels, kernelSize, kernelSize, inChannels])
        biasGradient = .zeros([outChannels])
    }

    var weightShape: [Int] { [outChannels, kernelSize, kernelSize, inChannels] }
    var patchSize: Int { kernelSize * kernelSize * inChannels }

    struct Geometry {
        var batch, height, width, outHeight, outWidth: Int
    }

    func geometry(for shape: [Int]) -> Geometry {
        precondition(
            shape.count == 4 && shape[3] == inChannels,
            "Conv2D(\(inChannels), \(outChannels)) expects input [n, h, w, \(inChannels)], got \(shape)")
        let oh = (shape[1] + 2 * padding - kernelSize) / stride + 1
        let ow = (shape[2] + 2 * padding - kernelSize) / stride + 1
        precondition(
            oh > 0 && ow > 0, "Conv2D kernel \(kernelSize) does not fit input \(shape) with padding \(padding)")
        return Geometry(batch: shape[0], height: shape[1], width: shape[2], outHeight: oh, outWidth: ow)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let g = geometry(for: input.shape)
        let cols = im2col(input, g)
        if training {
            columns = cols
            geometry = g
        }
        var out = Tensor.zeros([g.batch * g.outHeight * g.outWidth, outChannels]).addingRowVector(bias)
        matmulAccumulate(cols, weight.reshaped([outChannels, patchSize]), transposeB: true, into: &out)
        return out.reshaped([g.batch, g.outHeight, g.outWidth, outChannels])
    }

    public func backward(_ gradient: Tensor) -> Tensor {
        guard let columns, let g = geometry else {
            preconditionFailure("Conv2D.backward called without a training-mode forward")
        }
        precondition(
            gradient.shape == [g.batch, g.outHeight, g.outWidth, outChannels],
            "Conv2D gradient must be \([g.batch, g.outHeight, g.outWidth, outChannels]), got \(gradient.shape)")
        let dy = gradient.reshaped([-1, outChannels])
        var dw = weightGradient.reshaped([outChannels, patchSize])
        matmulAccumulate(dy, columns, transposeA: true, into: &dw)
        weightGradient = dw.reshaped(weightShape)
        biasGradient += dy.sumOfRows()
        let dCols = matmul(dy, weight.reshaped([outChannels, patchSize]))
        return col2im(dCols, g)
    }

    /// Visits every (output position, kernel tap) pair that falls inside the image, giving the
    /// row of the column matrix, the offset of the tap within the row, and the input pixel.
    private func forEachTap(_ g: Geometry, _ body: (_ row: Int, _ offset: Int, _ pixel: Int) -> Void) {
        let k = kernelSize
        for n in 0..<g.batch {
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    let row = (n * g.outHeight + oy) * g.outWidth + ox
                    for ky in 0..<k {
                        let y = oy * stride + ky - padding
                        guard y >= 0 && y < g.height else { continue }
                        for kx in 0..<k {
                            let x = ox * stride + kx - padding
                            guard x >= 0 && x < g.width else { continue }
                            body(row, (ky * k + kx) * inChannels, ((n * g.height + y) * g.width + x) * inChannels)
                        }
                    }
                }
            }
        }
    }

    /// `[n·oh·ow, k·k·c]`: each row holds the input patch one output position sees.
    func im2col(_ input: Tensor, _ g: Geometry) -> Tensor {
        let width = patchSize, channels = inChannels
        var cols = [Float](repeating: 0, count: g.batch * g.outHeight * g.outWidth * width)
        input.scalars.withUnsafeBufferPointer { src in
            cols.withUnsafeMutableBufferPointer { dst in
                forEachTap(g) { row, offset, pixel in
                    for c in 0..<channels { dst[row * width + offset + c] = src[pixel + c] }
                }
            }
        }
        return Tensor(shape: [g.batch * g.outHeight * g.outWidth, width], scalars: cols)
    }

    /// The adjoint of `im2col`: sums each column entry back onto the pixel it was read from.
    func col2im(_ cols: Tensor, _ g: Geometry) -> Tensor {
        let width = patchSize, channels = inChannels
        var image = [Float](repeating: 0, count: g.batch * g.height * g.width * channels)
        cols.scalars.withUnsafeBufferPointer { src in
            image.withUnsafeMutableBufferPointer { dst in
                forEachTap(g) { row, offset, pixel in
                    for c in 0..<channels { dst[pixel + c] += src[row * width + offset + c] }
                }
            }
        }
        return Tensor(shape: [g.batch, g.height, g.width, channels], scalars: image)
    }

    public func zeroGradients() {
        weightGradient = .zeros(weightShape)
        biasGradient = .zeros([outChannels])
    }

    public var spec: LayerSpec {
        .conv2d(
            inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: stride, padding: padding,
            seed: seed)
    }

    public func outputShape(for inputShape: [Int]) -> [Int] {
        let g = geometry(for: [1] + inputShape)
        return [g.outHeight, g.outWidth, outChannels]
    }
}
