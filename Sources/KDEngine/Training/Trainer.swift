import Foundation

/// Trains a `Sequential` model with mini-batches: on hard labels (`fit`), or as a student
/// against a teacher (`distill`), live or from cached logits.
///
/// Each epoch shuffles the training set with the trainer's generator (seeded by `seed`),
/// runs forward, loss, backward and one optimiser step per batch, and records an
/// `EpochRecord`. The same seed, model and data give bit-identical weights and history.
public struct Trainer {
    /// The model being trained (updated in place).
    public let model: Sequential
    public var optimizer: any Optimizer
    public var batchSize: Int
    public var seed: UInt64
    /// The learning rate per epoch, relative to the optimiser's rate at construction.
    public var schedule: LearningRateSchedule
    /// Applied to each training batch (the teacher of a live distillation sees the same images).
    public var augmentation: Augmentation?
    /// Called after each epoch (progress output).
    public var onEpoch: ((EpochRecord) -> Void)?
    /// Every epoch recorded so far, across calls.
    public private(set) var history: [EpochRecord] = []
    private var generator: SeededGenerator
    private let baseLearningRate: Float

    public init(
        model: Sequential, optimizer: any Optimizer, batchSize: Int = 32, seed: UInt64 = 0,
        schedule: LearningRateSchedule = .constant, augmentation: Augmentation? = nil
    ) {
        precondition(batchSize > 0, "batchSize must be positive, got \(batchSize)")
        self.model = model
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.seed = seed
        self.schedule = schedule
        self.augmentation = augmentation
        generator = SeededGenerator(seed: seed, stream: 3)
        baseLearningRate = optimizer.learningRate
    }

    /// Trains on hard labels with cross-entropy for `epochs` epochs; returns this call's records.
    @discardableResult
    public mutating func fit(_ data: Dataset, epochs: Int, validation: Dataset? = nil) -> [EpochRecord] {
        run(data, epochs: epochs, validation: validation) { _, _, logits, labels in
            crossEntropyWithGradient(logits: logits, labels: labels)
        }
    }

    /// Distils from a live `teacher`: each batch's loss is
    /// `distillationLoss(studentLogits:teacherLogits:labels:temperature:alpha:)` with the
    /// teacher's logits for the same (augmented) batch. The teacher is not changed.
    @discardableResult
    public mutating func distill(
        from teacher: Sequential, on data: Dataset, temperature: Float, alpha: Float,
        epochs: Int, validation: Dataset? = nil
    ) -> [EpochRecord] {
        run(data, epochs: epochs, validation: validation) { input, _, logits, labels in
            distillationLossWithGradient(
                studentLogits: logits, teacherLogits: teacher(input), labels: labels,
                temperature: temperature, alpha: alpha)
        }
    }

    /// Distils from cached teacher logits, `[data.count, classes]`, one row per training sample
    /// (computed once, e.g. `teacher(train.inputs)`). Without augmentation this equals the live
    /// teacher at a fraction of the cost.
    @discardableResult
    public mutating func distill(
        teacherLogits: Tensor, on data: Dataset, temperature: Float, alpha: Float,
        epochs: Int, validation: Dataset? = nil
    ) -> [EpochRecord] {
        precondition(
            teacherLogits.rank == 2 && teacherLogits.shape[0] == data.count,
            "teacher logits \(teacherLogits.shape) must have one row per training sample (\(data.count))")
        return run(data, epochs: epochs, validation: validation) { _, indices, logits, labels in
            distillationLossWithGradient(
                studentLogits: logits, teacherLogits: teacherLogits.rows(indices), labels: labels,
                temperature: temperature, alpha: alpha)
        }
    }

    /// The epoch loop shared by every kind of training. `loss` gets the batch input, the
    /// sample indices, the student's logits and the labels, and returns the loss and ∂L/∂logits.
    private mutating func run(
        _ data: Dataset, epochs: Int, validation: Dataset?,
        loss: (Tensor, [Int], Tensor, [Int]) -> (loss: Float, gradient: Tensor)
    ) -> [EpochRecord] {
        precondition(epochs >= 0, "epochs must be ≥ 0, got \(epochs)")
        precondition(data.count > 0, "cannot train on an empty dataset")
        var records: [EpochRecord] = []
        for epoch in 0..<epochs {
            let start = DispatchTime.now().uptimeNanoseconds
            let rate = schedule.rate(base: baseLearningRate, epoch: epoch, of: epochs)
            optimizer.learningRate = rate
            let order = generator.permutation(data.count)
            var lossSum = 0.0, hits = 0
            var first = 0
            while first < order.count {
                let indices = Array(order[first..<min(first + batchSize, order.count)])
                first += batchSize
                var input = data.inputs.rows(indices)
                if let augmentation { input = augmentation.apply(to: input, using: &generator) }
                let labels = indices.map { data.labels[$0] }
                model.zeroGradients()
                let logits = model.forward(input, training: true)
                let (value, gradient) = loss(input, indices, logits, labels)
                model.backward(gradient)
                optimizer.step(model)
                lossSum += Double(value) * Double(indices.count)
                hits += zip(logits.argmaxRows(), labels).filter { $0 == $1 }.count
            }
            var record = EpochRecord(
                epoch: history.count + 1, loss: Float(lossSum / Double(data.count)),
                trainAccuracy: Float(hits) / Float(data.count), testLoss: .nan, testAccuracy: .nan,
                learningRate: rate, seconds: 0)
            if let validation, validation.count > 0 {
                let logits = model(validation.inputs)
                record.testLoss = crossEntropy(logits: logits, labels: validation.labels)
                record.testAccuracy =
                    Float(zip(logits.argmaxRows(), validation.labels).filter { $0 == $1 }.count)
                    / Float(validation.count)
            }
            record.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            history.append(record)
            records.append(record)
            onEpoch?(record)
        }
        return records
    }
}
