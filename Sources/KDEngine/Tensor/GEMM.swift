// Single-precision matrix multiply: C = op(A)·op(B) (+ C), blocked and packed in the manner
// of GotoBLAS/BLIS. Panels of A (MR rows) and B (NR columns) are copied into contiguous,
// zero-padded buffers, and a 6×16 register tile accumulates with 8-wide SIMD.

/// A strided view of a row-major matrix: element (i, j) is `base[i * rowStride + j * columnStride]`.
/// A transpose is the same storage with the two strides swapped.
struct MatrixView {
    var base: UnsafePointer<Float>
    var rowStride: Int
    var columnStride: Int
}

enum GEMM {
    static let mr = 6
    static let nr = 16
    static let kc = 256
    static let mc = 72
    static let nc = 2048

    /// Computes `c[i*ldc + j] (+)= Σ_p a(i, p)·b(p, j)` for i < m, j < n, p < k.
    /// With `accumulate == false`, C is overwritten (it may hold garbage).
    static func multiply(
        m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        let packA = UnsafeMutablePointer<Float>.allocate(capacity: mc * kc)
        let packB = UnsafeMutablePointer<Float>.allocate(capacity: kc * roundUp(min(n, nc), nr))
        defer {
            packA.deallocate()
            packB.deallocate()
        }
        var j0 = 0
        while j0 < n {
            let nb = min(nc, n - j0)
            var p0 = 0
            while p0 < k {
                let kb = min(kc, k - p0)
                packPanelB(b, rows: p0, kb, columns: j0, nb, into: packB)
                var i0 = 0
                while i0 < m {
                    let mb = min(mc, m - i0)
                    packPanelA(a, rows: i0, mb, columns: p0, kb, into: packA)
                    macroKernel(
                        mb: mb, nb: nb, kb: kb, packA: packA, packB: packB,
                        c: c + i0 * ldc + j0, ldc: ldc, load: accumulate || p0 > 0)
                    i0 += mb
                }
                p0 += kb
            }
            j0 += nb
        }
    }

    @inline(__always)
    static func roundUp(_ x: Int, _ multiple: Int) -> Int { (x + multiple - 1) / multiple * multiple }

    /// Packs rows i0..<i0+mb, columns p0..<p0+kb of A as strips of `mr` rows, column by column.
    static func packPanelA(_ a: MatrixView, rows i0: Int, _ mb: Int, columns p0: Int, _ kb: Int, into out: UnsafeMutablePointer<Float>) {
        var dst = out
        var ir = 0
        while ir < mb {
            let rows = min(mr, mb - ir)
            let base = a.base + (i0 + ir) * a.rowStride + p0 * a.columnStride
            for p in 0..<kb {
                let column = base + p * a.columnStride
                for r in 0..<rows { dst[r] = column[r * a.rowStride] }
                for r in rows..<mr { dst[r] = 0 }
                dst += mr
            }
            ir += mr
        }
    }

    /// Packs rows p0..<p0+kb, columns j0..<j0+nb of B as strips of `nr` columns, row by row.
    static func packPanelB(_ b: MatrixView, rows p0: Int, _ kb: Int, columns j0: Int, _ nb: Int, into out: UnsafeMutablePointer<Float>) {
        var dst = out
        var jr = 0
        while jr < nb {
            let columns = min(nr, nb - jr)
            let base = b.base + p0 * b.rowStride + (j0 + jr) * b.columnStride
            for p in 0..<kb {
                let row = base + p * b.rowStride
                if b.columnStride == 1 {
                    dst.update(from: row, count: columns)
                } else {
                    for j in 0..<columns { dst[j] = row[j * b.columnStride] }
                }
                for j in columns..<nr { dst[j] = 0 }
                dst += nr
            }
            jr += nr
        }
    }

    static func macroKernel(
        mb: Int, nb: Int, kb: Int, packA: UnsafePointer<Float>, packB: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, load: Bool
    ) {
        var tile = (SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>())
        var jr = 0
        while jr < nb {
            let columns = min(nr, nb - jr)
            var ir = 0
            while ir < mb {
                let rows = min(mr, mb - ir)
                let a = packA + ir * kb
                let b = packB + jr * kb
                let cTile = c + ir * ldc + jr
                if rows == mr && columns == nr {
                    microKernel(kb, a, b, cTile, ldc, load)
                } else {
                    withUnsafeMutableBytes(of: &tile) { raw in
                        let t = raw.baseAddress!.assumingMemoryBound(to: Float.self)
                        if load {
                            for r in 0..<rows { for j in 0..<columns { t[r * nr + j] = cTile[r * ldc + j] } }
                        }
                        microKernel(kb, a, b, t, nr, load)
                        for r in 0..<rows { for j in 0..<columns { cTile[r * ldc + j] = t[r * nr + j] } }
                    }
                }
                ir += mr
            }
            jr += nr
        }
    }

    /// The 6×16 register tile: twelve 8-wide accumulators, one broadcast of A and two loads
    /// of B per step of k.
    @inline(__always)
    static func microKernel(
        _ kb: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ load: Bool
    ) {
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>(), c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>(), c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>(), c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        var pa = a
        var pb = UnsafeRawPointer(b)
        for _ in 0..<kb {
            let b0 = pb.loadUnaligned(as: SIMD8<Float>.self)
            let b1 = pb.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            var x = SIMD8<Float>(repeating: pa[0])
            c00 = madd(c00, x, b0); c01 = madd(c01, x, b1)
            x = SIMD8<Float>(repeating: pa[1])
            c10 = madd(c10, x, b0); c11 = madd(c11, x, b1)
            x = SIMD8<Float>(repeating: pa[2])
            c20 = madd(c20, x, b0); c21 = madd(c21, x, b1)
            x = SIMD8<Float>(repeating: pa[3])
            c30 = madd(c30, x, b0); c31 = madd(c31, x, b1)
            x = SIMD8<Float>(repeating: pa[4])
            c40 = madd(c40, x, b0); c41 = madd(c41, x, b1)
            x = SIMD8<Float>(repeating: pa[5])
            c50 = madd(c50, x, b0); c51 = madd(c51, x, b1)
            pa += mr
            pb += nr * MemoryLayout<Float>.stride
        }
        store(c00, c01, c, load)
        store(c10, c11, c + ldc, load)
        store(c20, c21, c + 2 * ldc, load)
        store(c30, c31, c + 3 * ldc, load)
        store(c40, c41, c + 4 * ldc, load)
        store(c50, c51, c + 5 * ldc, load)
    }

    @inline(__always)
    static func store(_ lo: SIMD8<Float>, _ hi: SIMD8<Float>, _ c: UnsafeMutablePointer<Float>, _ load: Bool) {
        let raw = UnsafeMutableRawPointer(c)
        var lo = lo, hi = hi
        if load {
            lo += raw.loadUnaligned(as: SIMD8<Float>.self)
            hi += raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
        }
        raw.storeBytes(of: lo, as: SIMD8<Float>.self)
        raw.storeBytes(of: hi, toByteOffset: 32, as: SIMD8<Float>.self)
    }

    /// c + a·b, fused where the build targets FMA (see Package.swift), else multiply then add.
    @inline(__always)
    static func madd(_ c: SIMD8<Float>, _ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
        #if KDENGINE_FMA
        return c.addingProduct(a, b)
        #else
        return c + a * b
        #endif
    }
}
