/// A float model in the form the quantizer and exporters read: a chain of layers over NHWC
/// activations with weights in TFLite's layouts. `Sequential` models are converted to it
/// (`FloatGraph(_ model:)`); tests build it directly.
public struct FloatGraph: Sendable {
    public enum Layer: Sendable {
        /// `y = W·x + b`, `W` as `[outputs, inputs]` row-major.
        case dense(weights: [Float], bias: [Float], inputs: Int, outputs: Int)
        case relu
        /// NHWC convolution, weights OHWI.
        case conv2D(weights: [Float], bias: [Float], geometry: WindowGeometry)
        case maxPool2D(geometry: WindowGeometry)
        /// The same values under a new per-sample shape (Flatten, Reshape), NHWC order.
        case reshape([Int])
    }

    /// The shape of one input sample: `[features]` or `[height, width, channels]`.
    public var inputShape: [Int]
    public var layers: [Layer]
    /// A name per layer for reports and error messages, e.g. "layer 2 (Dense 16→10)".
    public var names: [String]

    public init(inputShape: [Int], layers: [Layer], names: [String]? = nil) {
        self.inputShape = inputShape
        self.layers = layers
        self.names = names ?? layers.indices.map { "layer \($0)" }
    }

    /// Runs one sample in Float32 and returns every layer's output (the calibration pass).
    func activations(of sample: ArraySlice<Float>) -> [[Float]] {
        var x = Array(sample)
        var outputs: [[Float]] = []
        for layer in layers {
            switch layer {
            case .dense(let w, let b, let n, let m):
                var y = b
                for o in 0..<m {
                    var acc: Float = 0
                    for i in 0..<n { acc += w[o * n + i] * x[i] }
                    y[o] += acc
                }
                x = y
            case .relu:
                x = x.map { max($0, 0) }
            case .conv2D(let w, let b, let g):
                var y = [Float](repeating: 0, count: g.outputShape.reduce(1, *))
                for oy in 0..<g.outputHeight {
                    for ox in 0..<g.outputWidth {
                        for o in 0..<g.outputChannels {
                            var acc = b[o]
                            for ky in 0..<g.windowHeight {
                                let iy = oy * g.strideHeight - g.padTop + ky
                                guard iy >= 0 && iy < g.inputHeight else { continue }
                                for kx in 0..<g.windowWidth {
                                    let ix = ox * g.strideWidth - g.padLeft + kx
                                    guard ix >= 0 && ix < g.inputWidth else { continue }
                                    for c in 0..<g.channels {
                                        acc +=
                                            w[((o * g.windowHeight + ky) * g.windowWidth + kx) * g.channels + c]
                                            * x[(iy * g.inputWidth + ix) * g.channels + c]
                                    }
                                }
                            }
                            y[(oy * g.outputWidth + ox) * g.outputChannels + o] = acc
                        }
                    }
                }
                x = y
            case .maxPool2D(let g):
                var y = [Float](repeating: -.infinity, count: g.outputShape.reduce(1, *))
                for oy in 0..<g.outputHeight {
                    for ox in 0..<g.outputWidth {
                        for c in 0..<g.channels {
                            for ky in 0..<g.windowHeight {
                                let iy = oy * g.strideHeight - g.padTop + ky
                                guard iy >= 0 && iy < g.inputHeight else { continue }
                                for kx in 0..<g.windowWidth {
                                    let ix = ox * g.strideWidth - g.padLeft + kx
                                    guard ix >= 0 && ix < g.inputWidth else { continue }
                                    let index = (oy * g.outputWidth + ox) * g.channels + c
                                    y[index] = max(y[index], x[(iy * g.inputWidth + ix) * g.channels + c])
                                }
                            }
                        }
                    }
                }
                x = y
            case .reshape:
                break
            }
            outputs.append(x)
        }
        return outputs
    }
}
