/// `MAX_POOL_2D` on int8 NHWC: the largest value of each window, padded positions ignored.
/// Input and output share one quantization, as TFLite requires.
public struct QuantizedMaxPool2D: Sendable {
    public var geometry: WindowGeometry
    public var quantization: QuantizationParameters

    func run(_ x: UnsafeBufferPointer<Int8>, _ y: UnsafeMutableBufferPointer<Int8>) {
        let g = geometry
        precondition(g.channels == g.outputChannels, "max pool keeps the channel count")
        precondition(
            x.count == g.inputHeight * g.inputWidth * g.channels && y.count == g.outputShape.reduce(1, *),
            "max pool: wrong buffer sizes")
        for oy in 0..<g.outputHeight {
            let originY = oy * g.strideHeight - g.padTop
            for ox in 0..<g.outputWidth {
                let originX = ox * g.strideWidth - g.padLeft
                for c in 0..<g.channels {
                    var best = Int8.min
                    for ky in 0..<g.windowHeight {
                        let iy = originY + ky
                        if iy < 0 || iy >= g.inputHeight { continue }
                        for kx in 0..<g.windowWidth {
                            let ix = originX + kx
                            if ix < 0 || ix >= g.inputWidth { continue }
                            best = max(best, x[(iy * g.inputWidth + ix) * g.channels + c])
                        }
                    }
                    y[(oy * g.outputWidth + ox) * g.channels + c] = best
                }
            }
        }
    }
}
