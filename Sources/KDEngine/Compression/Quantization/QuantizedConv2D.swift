/// `CONV_2D` with int8 NHWC input, per-channel symmetric int8 weights (OHWI, one scale per
/// output channel), int32 bias and int8 output (TFLite's `reference_integer_ops::ConvPerChannel`):
/// `acc = bias_o + Σ_{ky,kx,c} w[o,ky,kx,c] · (x[y·s−p+ky, x·s−p+kx, c] − z_in)`, positions
/// outside the image skipped (zero padding in real terms), then `clamp(M_o·acc + z_out)`.
public struct QuantizedConv2D: Sendable {
    public var geometry: WindowGeometry
    /// `[outputChannels, windowHeight, windowWidth, channels]`.
    public var weights: [Int8]
    public var weightScales: [Float]
    public var bias: [Int32]
    public var input: QuantizationParameters
    public var output: QuantizationParameters
    public var relu: Bool
    public var requantization: Requantization

    init(
        geometry: WindowGeometry, weights: [Int8], weightScales: [Float], bias: [Int32],
        input: QuantizationParameters, output: QuantizationParameters, relu: Bool
    ) {
        let g = geometry
        precondition(
            weights.count == g.outputChannels * g.windowHeight * g.windowWidth * g.channels,
            "conv2d: weights are not OHWI")
        precondition(
            weightScales.count == g.outputChannels && bias.count == g.outputChannels,
            "conv2d: one scale and one bias per output channel")
        self.geometry = geometry
        self.weights = weights
        self.weightScales = weightScales
        self.bias = bias
        self.input = input
        self.output = output
        self.relu = relu
        self.requantization = Requantization(
            inputScale: input.scale, weightScales: weightScales, output: output, relu: relu)
    }

    func run(_ x: UnsafeBufferPointer<Int8>, _ y: UnsafeMutableBufferPointer<Int8>, _ rescaling: Int8Runtime.Rescaling)
    {
        let g = geometry
        let (inH, inW, inC) = (g.inputHeight, g.inputWidth, g.channels)
        let (kH, kW) = (g.windowHeight, g.windowWidth)
        let (outH, outW, outC) = (g.outputHeight, g.outputWidth, g.outputChannels)
        precondition(x.count == inH * inW * inC && y.count == outH * outW * outC, "conv2d: wrong buffer sizes")
        let offset = -input.zeroPoint
        let (padTop, padLeft) = (g.padTop, g.padLeft)
        weights.withUnsafeBufferPointer { w in
            for oy in 0..<outH {
                let originY = oy * g.strideHeight - padTop
                for ox in 0..<outW {
                    let originX = ox * g.strideWidth - padLeft
                    for o in 0..<outC {
                        var acc: Int32 = 0
                        for ky in 0..<kH {
                            let iy = originY + ky
                            if iy < 0 || iy >= inH { continue }
                            for kx in 0..<kW {
                                let ix = originX + kx
                                if ix < 0 || ix >= inW { continue }
                                let xBase = (iy * inW + ix) * inC
                                let wBase = ((o * kH + ky) * kW + kx) * inC
                                for c in 0..<inC {
                                    acc &+= Int32(w[wBase + c]) &* (Int32(x[xBase + c]) &+ offset)
                                }
                            }
                        }
                        acc &+= bias[o]
                        y[(oy * outW + ox) * outC + o] = requantization.apply(acc, channel: o, rescaling)
                    }
                }
            }
        }
    }
}
