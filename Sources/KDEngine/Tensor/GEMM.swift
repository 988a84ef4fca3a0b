// Single-precision matrix multiply: C = op(A)·op(B) (+ C), blocked and packed in the manner
// of GotoBLAS/BLIS. Panels of A (MR rows) and B (NR columns) are copied into contiguous,
// zero-padded buffers where that pays, and a 6×16 register tile accumulates with 8-wide SIMD.

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
        // With a short side (a batch of 32), each packed element would be used only a few
        // times and packing would cost about as much as the product, so a row-major operand is
        // read in place: A when C is narrow (the kernel broadcasts single elements of A, and
        // six row pointers serve as well as a packed strip), B when C is short. Partial strips
        // are always packed (zero-padded).
        let directA = a.columnStride == 1 && n <= 4 * nr
        let directB = b.columnStride == 1 && m <= 4 * mr
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
                let fullB = nb / nr * nr
                if !directB {
                    packPanelB(b, rows: p0, kb, columns: j0, nb, into: packB)
                } else if fullB < nb {
                    packPanelB(b, rows: p0, kb, columns: j0 + fullB, nb - fullB, into: packB + fullB * kb)
                }
                let stripB = { (jr: Int) -> (UnsafePointer<Float>, Int) in
                    directB && jr < fullB
                        ? (b.base + p0 * b.rowStride + j0 + jr, b.rowStride) : (UnsafePointer(packB + jr * kb), nr)
                }
                var i0 = 0
                while i0 < m {
                    let mb = min(mc, m - i0)
                    let fullA = mb / mr * mr
                    if !directA {
                        packPanelA(a, rows: i0, mb, columns: p0, kb, into: packA)
                    } else if fullA < mb {
                        packPanelA(a, rows: i0 + fullA, mb - fullA, columns: p0, kb, into: packA + fullA * kb)
                    }
                    let stripA = { (ir: Int) -> Strip in
                        directA && ir < fullA
                            ? Strip(base: a.base + (i0 + ir) * a.rowStride + p0, rowStep: a.rowStride, columnStep: 1)
                            : Strip(base: packA + ir * kb, rowStep: 1, columnStep: mr)
                    }
                    macroKernel(
                        mb: mb, nb: nb, kb: kb, stripA: stripA, stripB: stripB,
                        c: c + i0 * ldc + j0, ldc: ldc, load: accumulate || p0 > 0)
                    i0 += mb
                }
                p0 += kb
            }
            j0 += nb
        }
    }

    /// Where the kernel reads a strip of `mr` rows of A: element (r, p) is
    /// `base[r * rowStep + p * columnStep]` (packed: 1 and `mr`; in place: the row stride and 1).
    struct Strip {
        var base: UnsafePointer<Float>
        var rowStep: Int
        var columnStep: Int
    }

    @inline(__always)
    static func roundUp(_ x: Int, _ multiple: Int) -> Int { (x + multiple - 1) / multiple * multiple }

    /// Packs rows i0..<i0+mb, columns p0..<p0+kb of A as strips of `mr` rows, column by column.
    /// A row-major A (`columnStride == 1`) is read along its rows and scattered into the strip.
    static func packPanelA(
        _ a: MatrixView, rows i0: Int, _ mb: Int, columns p0: Int, _ kb: Int, into out: UnsafeMutablePointer<Float>
    ) {
        var dst = out
        var ir = 0
        while ir < mb {
            let rows = min(mr, mb - ir)
            let base = a.base + (i0 + ir) * a.rowStride + p0 * a.columnStride
            if a.columnStride == 1 {
                for r in 0..<rows {
                    let source = base + r * a.rowStride
                    for p in 0..<kb { dst[p * mr + r] = source[p] }
                }
                for r in rows..<mr {
                    for p in 0..<kb { dst[p * mr + r] = 0 }
                }
                dst += kb * mr
            } else {
                for p in 0..<kb {
                    let column = base + p * a.columnStride
                    for r in 0..<rows { dst[r] = column[r * a.rowStride] }
                    for r in rows..<mr { dst[r] = 0 }
                    dst += mr
                }
            }
            ir += mr
        }
    }

    /// Packs rows p0..<p0+kb, columns j0..<j0+nb of B as strips of `nr` columns, row by row.
    /// A transposed B (`rowStride == 1`, a weight matrix stored one output per row) is read
    /// along its contiguous rows and scattered into the strip, which stays in L1.
    static func packPanelB(
        _ b: MatrixView, rows p0: Int, _ kb: Int, columns j0: Int, _ nb: Int, into out: UnsafeMutablePointer<Float>
    ) {
        var dst = out
        var jr = 0
        while jr < nb {
            let columns = min(nr, nb - jr)
            let base = b.base + p0 * b.rowStride + (j0 + jr) * b.columnStride
            if b.rowStride == 1 {
                for j in 0..<columns {
                    let source = base + j * b.columnStride
                    for p in 0..<kb { dst[p * nr + j] = source[p] }
                }
                if columns < nr {
                    for p in 0..<kb { (dst + p * nr + columns).update(repeating: 0, count: nr - columns) }
                }
                dst += kb * nr
            } else {
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
            }
            jr += nr
        }
    }

    static func macroKernel(
        mb: Int, nb: Int, kb: Int, stripA: (Int) -> Strip, stripB: (Int) -> (UnsafePointer<Float>, Int),
        c: UnsafeMutablePointer<Float>, ldc: Int, load: Bool
    ) {
        var tile = (
            SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>()
        )
        var jr = 0
        while jr < nb {
            let columns = min(nr, nb - jr)
            let (b, ldb) = stripB(jr)
            var ir = 0
            while ir < mb {
                let rows = min(mr, mb - ir)
                let a = stripA(ir)
                let cTile = c + ir * ldc + jr
                if rows == mr && columns == nr {
                    dispatchKernel(kb, a, b, ldb, cTile, ldc, load)
                } else {
                    withUnsafeMutableBytes(of: &tile) { raw in
                        // Six SIMD16 values: never empty, so the address is always there.
                        guard let bytes = raw.baseAddress else { return }
                        let t = bytes.assumingMemoryBound(to: Float.self)
                        if load {
                            for r in 0..<rows { for j in 0..<columns { t[r * nr + j] = cTile[r * ldc + j] } }
                        }
                        dispatchKernel(kb, a, b, ldb, t, nr, load)
                        for r in 0..<rows { for j in 0..<columns { cTile[r * ldc + j] = t[r * nr + j] } }
                    }
                }
                ir += mr
            }
            jr += nr
        }
    }

    /// Calls the kernel with the strides of packed operands as constants, so each of the
    /// four variants compiles to plain constant-offset loads.
    @inline(__always)
    static func dispatchKernel(
        _ kb: Int, _ a: Strip, _ b: UnsafePointer<Float>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ load: Bool
    ) {
        switch (a.columnStep == mr, ldb == nr) {
        case (true, true): microKernel(kb, a.base, 1, mr, b, nr, c, ldc, load)
        case (true, false): microKernel(kb, a.base, 1, mr, b, ldb, c, ldc, load)
        case (false, true): microKernel(kb, a.base, a.rowStep, 1, b, nr, c, ldc, load)
        case (false, false): microKernel(kb, a.base, a.rowStep, 1, b, ldb, c, ldc, load)
        }
    }

    /// The 6×16 register tile: twelve 8-wide accumulators, one broadcast of A and two loads
    /// of B per step of k.
    @inline(__always)
    static func microKernel(
        _ kb: Int, _ a: UnsafePointer<Float>, _ rs: Int, _ cs: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
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
            var x = SIMD8<Float>(repeating: pa[0 * rs])
            c00 = madd(c00, x, b0); c01 = madd(c01, x, b1)
            x = SIMD8<Float>(repeating: pa[1 * rs])
            c10 = madd(c10, x, b0); c11 = madd(c11, x, b1)
            x = SIMD8<Float>(repeating: pa[2 * rs])
            c20 = madd(c20, x, b0); c21 = madd(c21, x, b1)
            x = SIMD8<Float>(repeating: pa[3 * rs])
            c30 = madd(c30, x, b0); c31 = madd(c31, x, b1)
            x = SIMD8<Float>(repeating: pa[4 * rs])
            c40 = madd(c40, x, b0); c41 = madd(c41, x, b1)
            x = SIMD8<Float>(repeating: pa[5 * rs])
            c50 = madd(c50, x, b0); c51 = madd(c51, x, b1)
            pa += cs
            pb += ldb * MemoryLayout<Float>.stride
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
