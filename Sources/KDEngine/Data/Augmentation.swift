/// Random changes to training images, drawn per sample from the trainer's generator.
public enum Augmentation: Sendable, Hashable, Codable {
    /// Shifts each `side × side` single-channel image by up to `maxPixels` pixels in x and y
    /// (uniform, independently), filling with zeros.
    case shift(maxPixels: Int, side: Int)

    /// `inputs` `[n, side·side]` (or `[n, side, side, 1]`) with each sample changed.
    public func apply(to inputs: Tensor, using generator: inout SeededGenerator) -> Tensor {
        switch self {
        case let .shift(maxPixels, side):
            let (n, width) = inputs.rowsAndWidth
            precondition(
                width == side * side, "shift augmentation expects samples of \(side)×\(side) pixels, got \(width)")
            var out = [Float](repeating: 0, count: inputs.scalarCount)
            let span = 2 * maxPixels + 1
            inputs.scalars.withUnsafeBufferPointer { src in
                for s in 0..<n {
                    let dx = generator.nextIndex(below: span) - maxPixels
                    let dy = generator.nextIndex(below: span) - maxPixels
                    let base = s * width
                    for y in 0..<side where (0..<side).contains(y - dy) {
                        for x in 0..<side where (0..<side).contains(x - dx) {
                            out[base + y * side + x] = src[base + (y - dy) * side + (x - dx)]
                        }
                    }
                }
            }
            return Tensor(shape: inputs.shape, scalars: out)
        }
    }
}
