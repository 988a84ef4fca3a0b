import Foundation

/// Everything that determines a trained model besides its data: architecture (with
/// initialisation seeds), optimiser, batch size, epochs, schedule, augmentation, the trainer's
/// seed and, for a student, the distillation settings. Recipes are data, so a
/// `CheckpointCache` can file their results under a hash.
public struct Recipe: Sendable, Hashable, Codable {
    public var name: String
    public var architecture: [LayerSpec]
    public var optimizer: OptimizerSpec
    public var batchSize: Int
    public var epochs: Int
    public var schedule: LearningRateSchedule
    public var augmentation: Augmentation?
    public var seed: UInt64
    /// Set for a student trained against a teacher.
    public var distillation: Distillation?

    /// How a student learns from its teacher: `distillationLoss(…temperature:alpha:)`.
    public struct Distillation: Sendable, Hashable, Codable {
        public var temperature: Float
        public var alpha: Float

        public init(temperature: Float, alpha: Float) {
            self.temperature = temperature
            self.alpha = alpha
        }
    }

    public init(
        name: String, architecture: [LayerSpec], optimizer: OptimizerSpec, batchSize: Int = 32, epochs: Int,
        schedule: LearningRateSchedule = .constant, augmentation: Augmentation? = nil, seed: UInt64 = 0,
        distillation: Distillation? = nil
    ) {
        self.name = name
        self.architecture = architecture
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.epochs = epochs
        self.schedule = schedule
        self.augmentation = augmentation
        self.seed = seed
        self.distillation = distillation
    }

    /// Bumped whenever the engine's numerics change in a way that changes trained weights,
    /// so cached checkpoints from an older engine are not reused.
    public static let engineRevision = 1

    /// The cache key: SHA-256 of the engine revision, this recipe, the training and
    /// validation data and, for a student, the teacher's weights.
    public func key(train: Dataset, validation: Dataset?, teacher: Sequential? = nil) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update("kdengine-recipe \(Recipe.engineRevision)\n")
        if let json = try? Checkpoint.encoder().encode(self) { hasher.update(json) }
        hasher.update("\ntrain \(train.fingerprint)\nvalidation \(validation?.fingerprint ?? "none")\n")
        if let teacher {
            hasher.update("teacher \(teacher.specs)\n")
            for tensor in teacher.parameters {
                hasher.update(shape: tensor.shape)
                tensor.scalars.withUnsafeBytes { hasher.update($0) }
            }
        }
        return hasher.finalize()
    }

    /// Trains a fresh model by this recipe, or takes it from `cache` when the same recipe
    /// was already trained on the same data (and teacher).
    /// - Precondition: a distillation recipe gets a `teacher`, and only such a recipe does.
    public func train(
        on train: Dataset, validation: Dataset? = nil, teacher: Sequential? = nil,
        cache: CheckpointCache? = nil
    ) throws -> TrainedModel {
        precondition(
            (distillation == nil) == (teacher == nil),
            distillation == nil
                ? "recipe '\(name)' trains on labels; it takes no teacher"
                : "recipe '\(name)' distils; pass its teacher")
        let run = { () -> (Sequential, [EpochRecord]) in
            let model = Sequential(specs: architecture)
            var trainer = Trainer(
                model: model, optimizer: optimizer.make(), batchSize: batchSize, seed: seed,
                schedule: schedule, augmentation: augmentation)
            if let distillation, let teacher {
                if augmentation == nil {
                    trainer.distill(
                        teacherLogits: teacher(train.inputs), on: train, temperature: distillation.temperature,
                        alpha: distillation.alpha, epochs: epochs, validation: validation)
                } else {
                    trainer.distill(
                        from: teacher, on: train, temperature: distillation.temperature,
                        alpha: distillation.alpha, epochs: epochs, validation: validation)
                }
            } else {
                trainer.fit(train, epochs: epochs, validation: validation)
            }
            return (model, trainer.history)
        }
        guard let cache else {
            let (model, history) = run()
            return TrainedModel(model: model, history: history, fromCache: false)
        }
        return try cache.model(for: key(train: train, validation: validation, teacher: teacher), train: run)
    }
}
