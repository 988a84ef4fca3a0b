import Testing

@testable import KDEngine

@Suite("Tensor")
struct TensorTests {
    @Test func valueSemantics() {
        let a = Tensor([[1, 2], [3, 4]])
        var b = a
        b[0, 1] = 9
        #expect(a[0, 1] == 2)
        #expect(b[0, 1] == 9)
    }

    @Test func arithmeticAndBroadcastBias() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect((a + Tensor([10, 20, 30])).scalars == [11, 22, 33, 14, 25, 36])
        #expect((a * 2 - a).scalars == a.scalars)
        #expect(a.sumOfRows().scalars == [5, 7, 9])
        #expect(a.sum() == 21)
        #expect(a.mean() == 3.5)
        #expect(Tensor([[0, 3, 3], [7, 1, 2]]).argmaxRows() == [1, 0])
    }

    @Test func reshapeAndRows() {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(a.reshaped([3, -1]).shape == [3, 2])
        #expect(a.rows([1, 0]).scalars == [4, 5, 6, 1, 2, 3])
        #expect(a.row(1).shape == [3])
        #expect(a.transposed().scalars == [1, 4, 2, 5, 3, 6])
    }

    @Test func generatorIsReproducibleAndUniform() {
        var g1 = SeededGenerator(seed: 42), g2 = SeededGenerator(seed: 42), g3 = SeededGenerator(seed: 43)
        let x = (0..<5).map { _ in g1.next() }
        #expect(x == (0..<5).map { _ in g2.next() })
        #expect(x != (0..<5).map { _ in g3.next() })
        var g = SeededGenerator(seed: 7)
        let normals = (0..<20000).map { _ in g.nextNormal() }
        let mean = normals.reduce(0, +) / 20000
        let variance = normals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20000
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<10000 { counts[g.nextIndex(below: 10)] += 1 }
        #expect(counts.allSatisfy { (900...1100).contains($0) })
        let p = g.permutation(50)
        #expect(p.sorted() == Array(0..<50) && p != Array(0..<50))
    }

    /// PCG32 with this seeding is fixed forever: these values, from an independent Python
    /// implementation of SplitMix64 + PCG-XSH-RR, pin it, so a change to the generator (which
    /// would change every trained model) is caught.
    @Test func generatorSequenceIsPinned() {
        var g = SeededGenerator(seed: 0)
        #expect((0..<3).map { _ in g.next32() } == [27_322_534, 2_742_124_086, 4_288_670_999])
    }
}
