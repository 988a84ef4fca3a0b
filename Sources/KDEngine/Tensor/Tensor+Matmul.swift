// Matrix products of rank-2 tensors, on top of the packed SGEMM in GEMM.swift.

/// The matrix product `op(a)·op(b)` where `op` transposes when asked.
///
/// Shapes: `a` is `[m, k]` (or `[k, m]` with `transposeA`), `b` is `[k, n]` (or `[n, k]`
/// with `transposeB`); the result is `[m, n]`.
/// - Precondition: both are rank 2 and the inner extents agree.
public func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
    precondition(a.rank == 2 && b.rank == 2, "matmul needs rank-2 tensors, got \(a.shape) and \(b.shape)")
    let (m, ka) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
    let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
    precondition(
        ka == kb,
        "matmul shape mismatch: \(a.shape)\(transposeA ? "ᵀ" : "") · \(b.shape)\(transposeB ? "ᵀ" : "") (inner extents \(ka) and \(kb))"
    )
    let out = [Float](unsafeUninitializedCapacity: m * n) { buffer, count in
        // An empty product (m or n is 0) has no storage and nothing to compute.
        guard let c = buffer.baseAddress else { return }
        multiply(a, transposeA, b, transposeB, m: m, n: n, k: ka, into: c, accumulate: false)
        count = m * n
    }
    return Tensor(shape: [m, n], scalars: out)
}

/// In place: `c += op(a)·op(b)`, for accumulating gradients without a temporary.
public func matmulAccumulate(
    _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false, into c: inout Tensor
) {
    precondition(
        a.rank == 2 && b.rank == 2 && c.rank == 2,
        "matmul needs rank-2 tensors, got \(a.shape), \(b.shape) and \(c.shape)")
    let (m, ka) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
    let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
    precondition(ka == kb && c.shape == [m, n], "matmul shape mismatch: \(a.shape) · \(b.shape) into \(c.shape)")
    c.scalars.withUnsafeMutableBufferPointer { buffer in
        guard let out = buffer.baseAddress else { return }
        multiply(a, transposeA, b, transposeB, m: m, n: n, k: ka, into: out, accumulate: true)
    }
}

private func multiply(
    _ a: Tensor, _ ta: Bool, _ b: Tensor, _ tb: Bool, m: Int, n: Int, k: Int,
    into c: UnsafeMutablePointer<Float>, accumulate: Bool
) {
    guard m > 0, n > 0, k > 0 else {
        if !accumulate { c.update(repeating: 0, count: m * n) }
        return
    }
    a.scalars.withUnsafeBufferPointer { pa in
        b.scalars.withUnsafeBufferPointer { pb in
            let wa = a.shape[1], wb = b.shape[1]
            guard let baseA = pa.baseAddress, let baseB = pb.baseAddress else { return }
            let va = MatrixView(base: baseA, rowStride: ta ? 1 : wa, columnStride: ta ? wa : 1)
            let vb = MatrixView(base: baseB, rowStride: tb ? 1 : wb, columnStride: tb ? wb : 1)
            GEMM.multiply(m: m, n: n, k: k, a: va, b: vb, c: c, ldc: n, accumulate: accumulate)
        }
    }
}

extension Tensor {
    /// `self · other` for rank-2 tensors `[m, k]·[k, n] → [m, n]`.
    public func matmul(_ other: Tensor) -> Tensor { KDEngine.matmul(self, other) }
}
