/// An optimiser's settings as data, so a recipe can be hashed and stored.
public enum OptimizerSpec: Sendable, Hashable, Codable {
    case sgd(learningRate: Float, momentum: Float, weightDecay: Float)
    case adam(learningRate: Float, weightDecay: Float)

    /// A fresh optimiser with these settings.
    public func make() -> any Optimizer {
        switch self {
        case let .sgd(lr, momentum, wd): SGD(learningRate: lr, momentum: momentum, weightDecay: wd)
        case let .adam(lr, wd): Adam(learningRate: lr, weightDecay: wd)
        }
    }
}
