import Foundation
import Testing

@testable import KDEngine

@Suite("weight clustering")
struct ClusteringTests {
    @Test func kMeansFindsSeparatedGroups() {
        var generator = SeededGenerator(seed: 3)
        let values: [Float] = [0, 0.1, 0.2, 5, 5.1, 10, 0.05, 9.9]
        let result = KMeans(values, k: 3, generator: &generator)
        #expect(result.centroids.count == 3)
        #expect(
            abs(result.centroids[0] - 0.0875) < 1e-5 && abs(result.centroids[1] - 5.05) < 1e-5
                && abs(result.centroids[2] - 9.95) < 1e-5)
        #expect(result.assignments == [0, 0, 0, 1, 1, 2, 0, 2])
    }

    @Test func kMeansIsDeterministicAndCapsAtDistinctValues() {
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        var data = SeededGenerator(seed: 1)
        let values = (0..<500).map { _ in Float(data.nextNormal()) }
        #expect(KMeans(values, k: 16, generator: &a) == KMeans(values, k: 16, generator: &b))
        var c = SeededGenerator(seed: 2)
        #expect(KMeans([1, 1, 2, 2, 2], k: 8, generator: &c).centroids == [1, 2])
    }

    /// Deep Compression's centroid gradient: with plain SGD, c ← c − η Σ_{a_i = k} ∂L/∂w_i.
    @Test func centroidGradientIsSummedPerCluster() {
        let model = Sequential([Dense(6, 3, seed: 1), ReLU(), Dense(3, 2, seed: 2)])
        let clusters = WeightClusters(clustering: model, clusters: 2, seed: 0, preserveZeros: false)
        var generator = SeededGenerator(seed: 4)
        let input = Tensor(shape: [4, 6], scalars: (0..<24).map { _ in generator.uniform(-1..<1) })
        model.zeroGradients()
        let logits = model.forward(input, training: true)
        let (_, gradient) = crossEntropyWithGradient(logits: logits, labels: [0, 1, 1, 0])
        model.backward(gradient)
        let first = clusters.layers[0]
        let g = (model.layers[0] as? Dense)?.weightGradient.scalars ?? []
        let expected = first.centroids.indices.map { k in
            first.centroids[k] - 0.1
                * first.assignments.indices.filter { first.assignments[$0] == k }.reduce(Float(0)) { $0 + g[$1] }
        }
        var optimizer = ClusteringOptimizer(SGD(learningRate: 0.1), clusters: clusters)
        optimizer.step(model)
        for (k, value) in optimizer.clusters.layers[0].centroids.enumerated() {
            #expect(abs(value - expected[k]) < 1e-6)
        }
        let weights = (model.layers[0] as? Dense)?.weight.scalars ?? []
        #expect(Set(weights).count <= 2)
    }

    /// Pruned zeros stay zero through clustering and its fine-tuning; each layer keeps at most k
    /// distinct non-zero values; accuracy recovers.
    @Test func sparsityPreservingClusteringFineTunes() throws {
        let (student, train, test) = try TestModels.digitsStudent()
        for layer in student.layers {
            if let w = prunableWeight(layer) {
                setWeight(
                    Tensor(
                        shape: w.shape,
                        scalars: zip(w.scalars, magnitudeMask(w.scalars, sparsity: 0.5)).map { $1 ? $0 : 0 }), of: layer
                )
            }
        }
        let zeros = student.layers.compactMap(prunableWeight).map { $0.scalars.map { $0 == 0 } }

        let clusters = WeightClusters(clustering: student, clusters: 8, seed: 1)
        var tune = Trainer(
            model: student, optimizer: ClusteringOptimizer(Adam(learningRate: 0.002), clusters: clusters),
            batchSize: 32, seed: 2)
        tune.fit(train, epochs: 5)
        for (index, weight) in student.layers.compactMap(prunableWeight).enumerated() {
            #expect(weight.scalars.map { $0 == 0 } == zeros[index])
            #expect(Set(weight.scalars.filter { $0 != 0 }).count <= 8)
        }
        #expect(student.accuracy(on: test) >= 0.9)
    }
}
