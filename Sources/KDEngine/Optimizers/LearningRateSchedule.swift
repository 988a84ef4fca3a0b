import Foundation

/// The learning rate as a function of the epoch (0-based) of a run of `epochs` epochs,
/// relative to the optimiser's base rate `η₀`.
public enum LearningRateSchedule: Sendable, Hashable, Codable {
    /// `η₀` throughout.
    case constant
    /// `η₀ · factor^⌊epoch/every⌋`.
    case step(every: Int, factor: Float)
    /// `η₀ · factor^epoch`.
    case exponential(factor: Float)
    /// Cosine annealing from `η₀` to `minimum`: `min + (η₀ − min)(1 + cos(π·epoch/epochs))/2`.
    case cosine(minimum: Float)
    /// Linear warm-up over `epochs` epochs from `η₀/epochs`, then `η₀`.
    case warmup(epochs: Int)

    /// The rate for `epoch` (0-based) of `epochs`, from the base rate.
    public func rate(base: Float, epoch: Int, of epochs: Int) -> Float {
        switch self {
        case .constant:
            return base
        case let .step(every, factor):
            return base * Float(pow(Double(factor), Double(epoch / max(every, 1))))
        case let .exponential(factor):
            return base * Float(pow(Double(factor), Double(epoch)))
        case let .cosine(minimum):
            let progress = Double(epoch) / Double(max(epochs, 1))
            return minimum + (base - minimum) * Float((1 + cos(Double.pi * progress)) / 2)
        case let .warmup(warm):
            return epoch < warm ? base * Float(epoch + 1) / Float(warm) : base
        }
    }
}
