/// Weight clustering (weight sharing, Han et al. 2016 "Deep Compression"; TF-MOT's
/// `cluster_weights`): each Dense and Conv2D weight tensor takes at most `clusterCount` distinct
/// values, the centroids of a k-means++ clustering of its weights. With `preserveZeros`, weights
/// already pruned to zero stay zero and are not clustered (sparsity-preserving clustering).
public struct WeightClusters: Sendable, Equatable {
    public struct LayerClusters: Sendable, Equatable {
        /// The layer's index in `Sequential.layers`.
        public var layer: Int
        /// Sorted centroids.
        public var centroids: [Float]
        /// For each weight (row-major), its centroid, or −1 for a preserved zero.
        public var assignments: [Int]
    }

    public var clusterCount: Int
    public var layers: [LayerClusters]

    /// Clusters every Dense and Conv2D weight of `model` and writes the clustered weights back.
    /// Deterministic for a given `seed`.
    public init(clustering model: Sequential, clusters: Int, seed: UInt64, preserveZeros: Bool = true) {
        precondition(clusters >= 2, "clustering needs at least 2 clusters, got \(clusters)")
        var generator = SeededGenerator(seed: seed, stream: 7)
        var layers: [LayerClusters] = []
        for (index, layer) in model.layers.enumerated() {
            guard let weight = prunableWeight(layer) else { continue }
            let kept = weight.scalars.indices.filter { !preserveZeros || weight.scalars[$0] != 0 }
            var assignments = [Int](repeating: -1, count: weight.scalarCount)
            var centroids: [Float] = []
            if !kept.isEmpty {
                let kMeans = KMeans(kept.map { weight.scalars[$0] }, k: clusters, generator: &generator)
                centroids = kMeans.centroids
                for (position, weightIndex) in kept.enumerated() {
                    assignments[weightIndex] = kMeans.assignments[position]
                }
            }
            layers.append(LayerClusters(layer: index, centroids: centroids, assignments: assignments))
        }
        self.clusterCount = clusters
        self.layers = layers
        write(to: model)
    }

    /// Sets each clustered weight to its centroid (0 for a preserved zero).
    public func write(to model: Sequential) {
        for clusters in layers {
            let layer = model.layers[clusters.layer]
            guard var weight = prunableWeight(layer) else {
                preconditionFailure("layer \(clusters.layer) has no weight")
            }
            weight.scalars = clusters.assignments.map { $0 >= 0 ? clusters.centroids[$0] : 0 }
            setWeight(weight, of: layer)
        }
    }
}

/// Fine-tuning of clustered weights: wraps the optimizer a `Trainer` uses. Biases and unclustered
/// parameters follow `base`; each centroid moves by `base`'s own update rule (a separate copy of
/// it per layer, with its own state) applied to the sum of the gradients of the weights assigned
/// to it, `∂L/∂c_k = Σ_{i: a_i = k} ∂L/∂w_i`; then every clustered weight is set back to its
/// centroid, so the layer keeps at most `clusterCount` distinct values.
public struct ClusteringOptimizer: Optimizer {
    public var base: any Optimizer
    public private(set) var clusters: WeightClusters
    private var centroidOptimizers: [any Optimizer]
    /// Per clustered layer, a one-input Dense layer whose weight column holds the centroids: with
    /// input 1, the gradient backpropagated into it is the per-cluster sum, so the optimizer
    /// copy updates the centroids exactly as it would update any weight.
    private let holders: [Sequential]

    public init(_ base: any Optimizer, clusters: WeightClusters) {
        self.base = base
        self.clusters = clusters
        centroidOptimizers = clusters.layers.map { _ in base }
        holders = clusters.layers.map { layer in
            let dense = Dense(1, max(layer.centroids.count, 1), seed: 0)
            dense.weight = Tensor(shape: [dense.outputs, 1], scalars: layer.centroids.isEmpty ? [0] : layer.centroids)
            return Sequential([dense])
        }
    }

    public var learningRate: Float {
        get { base.learningRate }
        set {
            base.learningRate = newValue
            for index in centroidOptimizers.indices { centroidOptimizers[index].learningRate = newValue }
        }
    }

    public mutating func step(_ model: Sequential) {
        var sums: [[Float]] = []
        for layerClusters in clusters.layers {
            let gradient: Tensor
            switch model.layers[layerClusters.layer] {
            case let dense as Dense: gradient = dense.weightGradient
            case let conv as Conv2D: gradient = conv.weightGradient
            default: preconditionFailure("clustered layer \(layerClusters.layer) is not Dense or Conv2D")
            }
            var sum = [Float](repeating: 0, count: max(layerClusters.centroids.count, 1))
            for (i, a) in layerClusters.assignments.enumerated() where a >= 0 { sum[a] += gradient.scalars[i] }
            sums.append(sum)
        }
        base.step(model)
        for (index, holder) in holders.enumerated() where !clusters.layers[index].centroids.isEmpty {
            holder.zeroGradients()
            let count = sums[index].count
            _ = holder.forward(Tensor(shape: [1, 1], scalars: [1]), training: true)
            holder.backward(Tensor(shape: [1, count], scalars: sums[index]))
            centroidOptimizers[index].step(holder)
            clusters.layers[index].centroids = holder.parameters[0].scalars
        }
        clusters.write(to: model)
    }
}
