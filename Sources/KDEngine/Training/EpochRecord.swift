/// What one epoch of training measured, for tables and charts.
public struct EpochRecord: Sendable, Hashable, Codable {
    /// 1-based, counting every epoch this trainer has run.
    public var epoch: Int
    /// Mean training loss over the epoch's batches (the loss being minimised: cross-entropy,
    /// or the distillation loss), weighted by batch size.
    public var loss: Float
    /// Accuracy on the training batches as they were seen (training mode, augmented), in 0...1.
    public var trainAccuracy: Float
    /// Cross-entropy on the validation set after the epoch; NaN without one.
    public var testLoss: Float
    /// Accuracy on the validation set after the epoch, in 0...1; NaN without one.
    public var testAccuracy: Float
    /// The learning rate used during the epoch.
    public var learningRate: Float
    /// Wall-clock seconds of the epoch (the only field that differs between identical runs).
    public var seconds: Double

    public init(
        epoch: Int, loss: Float, trainAccuracy: Float, testLoss: Float, testAccuracy: Float, learningRate: Float,
        seconds: Double
    ) {
        self.epoch = epoch
        self.loss = loss
        self.trainAccuracy = trainAccuracy
        self.testLoss = testLoss
        self.testAccuracy = testAccuracy
        self.learningRate = learningRate
        self.seconds = seconds
    }

    /// The record without its timing, for comparing runs bit for bit.
    public var withoutTiming: EpochRecord {
        var copy = self
        copy.seconds = 0
        return copy
    }
}
