import Foundation

/// The engine's one source of randomness: PCG-XSH-RR 64/32 (O'Neill 2014), seeded through
/// SplitMix64, with Box–Muller normals. The same seed gives the same numbers on every
/// machine and every run; nothing in the engine reads the system's randomness.
///
/// Helpers such as `shuffle` are written here rather than taken from the standard library,
/// whose algorithms over a generator may change between Swift releases.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private var increment: UInt64
    private var spareNormal: Double?

    /// A generator for `seed`; `stream` selects one of 2⁶³ independent sequences.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = seed
        state = SeededGenerator.splitMix64(&mixer)
        var streamMixer = stream &+ 0x9E37_79B9_7F4A_7C15
        increment = SeededGenerator.splitMix64(&streamMixer) | 1
        _ = next32()
    }

    /// SplitMix64 (Steele, Lea & Flood 2014): a well-mixed 64-bit value from a counter.
    static func splitMix64(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 32 uniformly distributed bits.
    public mutating func next32() -> UInt32 {
        let old = state
        state = old &* 6_364_136_223_846_793_005 &+ increment
        let xorShifted = UInt32(truncatingIfNeeded: ((old >> 18) ^ old) >> 27)
        let rotation = UInt32(truncatingIfNeeded: old >> 59)
        return (xorShifted >> rotation) | (xorShifted << ((~rotation &+ 1) & 31))
    }

    public mutating func next() -> UInt64 {
        UInt64(next32()) << 32 | UInt64(next32())
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in `range` (half-open).
    public mutating func uniform(_ range: Range<Float>) -> Float {
        range.lowerBound + Float(nextUniform() * Double(range.upperBound - range.lowerBound))
    }

    /// A standard normal (mean 0, variance 1) by the Box–Muller transform; the second value
    /// of each pair is kept for the next call.
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        var u1 = nextUniform()
        while u1 <= 0 { u1 = nextUniform() }
        let u2 = nextUniform()
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = radius * sin(angle)
        return radius * cos(angle)
    }

    /// A uniform integer in `0..<bound` (Lemire's nearly-divisionless method on 64 bits).
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex(below:) needs a positive bound, got \(bound)")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// Fisher–Yates shuffle of `array` in place.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, nextIndex(below: i + 1))
        }
    }

    /// `0..<count` in a random order.
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }
}
