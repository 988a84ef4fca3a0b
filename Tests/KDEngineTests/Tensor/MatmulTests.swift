import Testing

@testable import KDEngine

/// The plain triple loop in Double: the reference every GEMM result is held against.
func naiveMatmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> [Double] {
    let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
    let n = transposeB ? b.shape[0] : b.shape[1]
    var out = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var s = 0.0
            for p in 0..<k {
                let x = transposeA ? a.scalars[p * m + i] : a.scalars[i * k + p]
                let y = transposeB ? b.scalars[j * k + p] : b.scalars[p * n + j]
                s += Double(x) * Double(y)
            }
            out[i * n + j] = s
        }
    }
    return out
}

func randomTensor(_ shape: [Int], seed: UInt64, range: Range<Float> = -1..<1) -> Tensor {
    var g = SeededGenerator(seed: seed)
    return Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in g.uniform(range) })
}

@Suite("matmul")
struct MatmulTests {
    // Sizes straddle the 6×16 register tile, the 72-row and 256-deep blocks, and the shapes
    // training uses (batch 32 against 64, 256 and 10 wide layers).
    @Test(arguments: [
        (1, 1, 1), (3, 5, 7), (6, 16, 1), (7, 17, 3), (32, 256, 64), (32, 10, 256),
        (64, 64, 64), (73, 33, 257), (100, 300, 520), (256, 256, 256),
    ])
    func matchesTheTripleLoop(m: Int, n: Int, k: Int) {
        let a = randomTensor([m, k], seed: UInt64(m * 1000 + k))
        let b = randomTensor([k, n], seed: UInt64(n * 1000 + k + 1))
        let c = matmul(a, b)
        #expect(c.shape == [m, n])
        let expected = naiveMatmul(a, b)
        let worst = zip(c.scalars, expected).map { abs(Double($0) - $1) }.max() ?? 0
        #expect(worst <= 1e-5 * Double(k).squareRoot() * 4, "worst error \(worst)")
    }

    @Test(arguments: [(false, true), (true, false), (true, true)])
    func transposedOperands(transposeA: Bool, transposeB: Bool) {
        let (m, n, k) = (37, 29, 45)
        let a = randomTensor(transposeA ? [k, m] : [m, k], seed: 3)
        let b = randomTensor(transposeB ? [n, k] : [k, n], seed: 4)
        let c = matmul(a, b, transposeA: transposeA, transposeB: transposeB)
        #expect(c.shape == [m, n])
        let expected = naiveMatmul(a, b, transposeA: transposeA, transposeB: transposeB)
        #expect(zip(c.scalars, expected).allSatisfy { abs(Double($0) - $1) < 1e-4 })
    }

    @Test func accumulateAddsToTheTarget() {
        let a = randomTensor([9, 20], seed: 5), b = randomTensor([20, 18], seed: 6)
        var c = Tensor(repeating: 1, shape: [9, 18])
        matmulAccumulate(a, b, into: &c)
        let expected = naiveMatmul(a, b)
        #expect(zip(c.scalars, expected).allSatisfy { abs(Double($0) - ($1 + 1)) < 1e-4 })
    }

    @Test func emptyInnerExtentGivesZeros() {
        let c = matmul(Tensor.zeros([3, 0]), Tensor.zeros([0, 4]))
        #expect(c == Tensor.zeros([3, 4]))
    }

    @Test func knownProduct() {
        let a = Tensor([[1, 2], [3, 4]]), b = Tensor([[5, 6], [7, 8]])
        #expect(matmul(a, b) == Tensor([[19, 22], [43, 50]]))
        #expect(a.matmul(b).transposed() == Tensor([[19, 43], [22, 50]]))
    }
}
