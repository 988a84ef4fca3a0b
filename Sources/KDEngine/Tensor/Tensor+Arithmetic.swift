// Elementwise arithmetic, reductions and row-wise helpers. Loops run over unsafe buffers
// (no bounds checks, no allocation per element) so the optimiser vectorises them.

extension Tensor {
    /// A tensor of the same shape with `transform` applied to every element.
    @inlinable
    public func map(_ transform: (Float) -> Float) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// Combines two tensors of equal shape element by element.
    @inlinable
    public func zip(_ other: Tensor, _ combine: (Float, Float) -> Float) -> Tensor {
        precondition(shape == other.shape, "shape mismatch: \(shape) vs \(other.shape)")
        let out = [Float](unsafeUninitializedCapacity: scalarCount) { buffer, count in
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    for i in 0..<a.count { buffer[i] = combine(a[i], b[i]) }
                }
            }
            count = scalarCount
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// `a + b` elementwise for equal shapes; if `b` is rank 1 and matches the last extent
    /// of `a`, it is added to every row (a bias).
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        if a.shape == b.shape { return a.zip(b, +) }
        return a.addingRowVector(b)
    }

    /// `a − b` elementwise (equal shapes).
    public static func - (a: Tensor, b: Tensor) -> Tensor { a.zip(b, -) }
    /// `a ⊙ b` elementwise (equal shapes).
    public static func * (a: Tensor, b: Tensor) -> Tensor { a.zip(b, *) }
    /// `a / b` elementwise (equal shapes).
    public static func / (a: Tensor, b: Tensor) -> Tensor { a.zip(b, /) }

    public static func + (a: Tensor, s: Float) -> Tensor { a.map { $0 + s } }
    public static func - (a: Tensor, s: Float) -> Tensor { a.map { $0 - s } }
    public static func * (a: Tensor, s: Float) -> Tensor { a.map { $0 * s } }
    public static func * (s: Float, a: Tensor) -> Tensor { a.map { s * $0 } }
    public static func / (a: Tensor, s: Float) -> Tensor { a.map { $0 / s } }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    public static func += (a: inout Tensor, b: Tensor) { a.add(b, scaledBy: 1) }
    public static func -= (a: inout Tensor, b: Tensor) { a.add(b, scaledBy: -1) }

    /// In place: `self += scale · other` (equal shapes), the update step of every optimiser.
    public mutating func add(_ other: Tensor, scaledBy scale: Float) {
        precondition(shape == other.shape, "shape mismatch: \(shape) vs \(other.shape)")
        other.scalars.withUnsafeBufferPointer { b in
            scalars.withUnsafeMutableBufferPointer { a in
                for i in 0..<a.count { a[i] += scale * b[i] }
            }
        }
    }

    /// `self` with the rank-1 `vector` added to each row; `vector.count` equals the last extent.
    public func addingRowVector(_ vector: Tensor) -> Tensor {
        precondition(
            vector.rank == 1 && rank >= 1 && vector.shape[0] == shape[rank - 1],
            "cannot add a vector of shape \(vector.shape) to each row of \(shape)")
        var out = self
        let width = vector.scalarCount
        vector.scalars.withUnsafeBufferPointer { v in
            out.scalars.withUnsafeMutableBufferPointer { o in
                var base = 0
                while base < o.count {
                    for j in 0..<width { o[base + j] += v[j] }
                    base += width
                }
            }
        }
        return out
    }

    /// Sum of all elements (accumulated in `Double`).
    public func sum() -> Float {
        Float(scalars.withUnsafeBufferPointer { p in p.reduce(0.0) { $0 + Double($1) } })
    }

    /// Mean of all elements.
    public func mean() -> Float { scalarCount == 0 ? 0 : Float(Double(sum()) / Double(scalarCount)) }

    /// Column sums of a tensor viewed as rows: shape `[shape.last]` for `[n, …, k]`. The
    /// gradient of a bias added to every row.
    public func sumOfRows() -> Tensor {
        let width = shape.last ?? 1
        var out = [Float](repeating: 0, count: width)
        scalars.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                var base = 0
                while base < s.count {
                    for j in 0..<width { o[j] += s[base + j] }
                    base += width
                }
            }
        }
        return Tensor(shape: [width], scalars: out)
    }

    /// Index of the largest element of each row of a rank-2 tensor (the first on ties).
    public func argmaxRows() -> [Int] {
        precondition(rank == 2, "argmaxRows needs a rank-2 tensor, got shape \(shape)")
        let (n, width) = (shape[0], shape[1])
        return scalars.withUnsafeBufferPointer { s in
            (0..<n).map { i in
                var best = 0
                for j in 1..<max(width, 1) where s[i * width + j] > s[i * width + best] { best = j }
                return best
            }
        }
    }

    /// The transpose of a rank-2 tensor: shape `[n, m]` for `[m, n]`.
    public func transposed() -> Tensor {
        precondition(rank == 2, "transposed() needs a rank-2 tensor, got shape \(shape)")
        let (m, n) = (shape[0], shape[1])
        let out = [Float](unsafeUninitializedCapacity: m * n) { buffer, count in
            scalars.withUnsafeBufferPointer { s in
                for i in 0..<m { for j in 0..<n { buffer[j * m + i] = s[i * n + j] } }
            }
            count = m * n
        }
        return Tensor(shape: [n, m], scalars: out)
    }

    /// Whether every element is within `atol + rtol·|other|` of `other`'s (equal shapes).
    public func isClose(to other: Tensor, rtol: Float = 1e-5, atol: Float = 1e-6) -> Bool {
        shape == other.shape && Swift.zip(scalars, other.scalars).allSatisfy { abs($0 - $1) <= atol + rtol * abs($1) }
    }
}
