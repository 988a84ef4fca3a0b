/// The course's compression pipeline on a distilled student: magnitude pruning with fine-tuning,
/// weight clustering with centroid fine-tuning, then int8 quantization. Every fine-tuning is a
/// distillation from the same teacher, so the student keeps learning from soft targets while it
/// is squeezed. Deterministic for a given seed.
public struct CompressionPipeline: Sendable {
    /// Target fraction of zero weights in each Dense and Conv2D layer.
    public var sparsity: Float = 0.75
    /// Distinct non-zero values per layer after clustering.
    public var clusters: Int = 16
    public var pruningEpochs = 8
    public var clusteringEpochs = 4
    public var learningRate: Float = 0.002
    public var temperature: Float = 4
    public var alpha: Float = 0.1
    public var batchSize = 32
    public var seed: UInt64 = 0
    public var runtime: Int8Runtime = .liteRT

    public init() {}

    /// One stage's float test accuracy and weight sparsity.
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var testAccuracy: Float
        public var sparsity: Float
    }

    public struct Result: Sendable {
        /// "distilled", "pruned", "clustered", "int8", in order.
        public var stages: [Stage]
        public var quantized: QuantizedModel
        public var sizes: SizeReport
    }

    /// Prunes, clusters and quantizes `student` in place (its float weights end pruned and clustered).
    /// Pruning follows `PolynomialDecay` from 0 to `sparsity` over the first three quarters of
    /// the pruning epochs, masks updated twice per epoch.
    public func run(student: Sequential, teacher: Sequential, train: Dataset, test: Dataset) throws -> Result {
        var stages = [
            Stage(name: "distilled", testAccuracy: student.accuracy(on: test), sparsity: student.weightSparsity)
        ]

        let stepsPerEpoch = (train.count + batchSize - 1) / batchSize
        let schedule = PolynomialDecay(
            initialSparsity: 0, finalSparsity: sparsity, beginStep: 0,
            endStep: max(1, pruningEpochs * stepsPerEpoch * 3 / 4), frequency: max(1, stepsPerEpoch / 2))
        var prune = Trainer(
            model: student, optimizer: PruningOptimizer(Adam(learningRate: learningRate), schedule: schedule),
            batchSize: batchSize, seed: seed &+ 1)
        prune.distill(from: teacher, on: train, temperature: temperature, alpha: alpha, epochs: pruningEpochs)
        stages.append(Stage(name: "pruned", testAccuracy: student.accuracy(on: test), sparsity: student.weightSparsity))

        let weightClusters = WeightClusters(clustering: student, clusters: clusters, seed: seed &+ 2)
        var cluster = Trainer(
            model: student,
            optimizer: ClusteringOptimizer(Adam(learningRate: learningRate / 2), clusters: weightClusters),
            batchSize: batchSize, seed: seed &+ 3)
        cluster.distill(from: teacher, on: train, temperature: temperature, alpha: alpha, epochs: clusteringEpochs)
        stages.append(
            Stage(name: "clustered", testAccuracy: student.accuracy(on: test), sparsity: student.weightSparsity))

        let quantized = try quantize(student, calibration: train.inputs, runtime: runtime)
        let output = quantized.predict(quantized.quantizeInput(test.inputs), batch: test.count)
        let hits = zip(quantized.predictedClasses(output), test.labels).filter { $0 == $1 }.count
        let sizes = try quantized.sizeReport()
        stages.append(
            Stage(name: "int8", testAccuracy: Float(hits) / Float(max(test.count, 1)), sparsity: sizes.sparsity))
        return Result(stages: stages, quantized: quantized, sizes: sizes)
    }
}
