import Foundation

/// TF-MOT's `PolynomialDecay` pruning schedule: the target sparsity rises from `initial` to
/// `final` between `beginStep` and `endStep` as
/// `s(t) = (s_i − s_f)·(1 − p)^power + s_f`, `p = clamp((t − beginStep)/(endStep − beginStep), 0, 1)`,
/// and masks are recomputed only on steps `t ∈ [beginStep, endStep]` with
/// `(t − beginStep) mod frequency = 0`. Computed in Float32, as TF-MOT does.
public struct PolynomialDecay: Sendable, Equatable {
    public var initialSparsity: Float
    public var finalSparsity: Float
    public var beginStep: Int
    public var endStep: Int
    public var power: Float
    public var frequency: Int

    public init(
        initialSparsity: Float, finalSparsity: Float, beginStep: Int, endStep: Int, power: Float = 3,
        frequency: Int = 100
    ) {
        precondition(
            (0..<1).contains(initialSparsity) && (0..<1).contains(finalSparsity),
            "sparsities lie in 0..<1, got \(initialSparsity) and \(finalSparsity)")
        precondition(
            beginStep >= 0 && endStep > beginStep,
            "PolynomialDecay needs 0 ≤ beginStep < endStep, got \(beginStep) and \(endStep)")
        precondition(frequency > 0, "frequency must be positive, got \(frequency)")
        self.initialSparsity = initialSparsity
        self.finalSparsity = finalSparsity
        self.beginStep = beginStep
        self.endStep = endStep
        self.power = power
        self.frequency = frequency
    }

    /// Whether masks are updated at `step`, and the target sparsity there.
    public func callAsFunction(_ step: Int) -> (prune: Bool, sparsity: Float) {
        let p = min(1, max(0, Float(step - beginStep) / Float(endStep - beginStep)))
        let sparsity = (initialSparsity - finalSparsity) * powf(1 - p, power) + finalSparsity
        let prune = step >= beginStep && step <= endStep && (step - beginStep) % frequency == 0
        return (prune, sparsity)
    }
}

/// TF-MOT's magnitude mask (`pruning_impl._update_mask`): keep
/// `k = max(roundHalfEven(n · (1 − sparsity)), 1)` weights — those with `|w|` at least the k-th
/// largest magnitude (ties kept), plus the k-th itself.
public func magnitudeMask(_ weights: [Float], sparsity: Float) -> [Bool] {
    guard !weights.isEmpty else { return [] }
    let n = weights.count
    let k = max(Int((Float(n) * (1 - sparsity)).rounded(.toNearestOrEven)), 1)
    // The k-th largest magnitude, stable order (top_k keeps the lower index first on ties).
    let order = weights.indices.sorted {
        abs(weights[$0]) != abs(weights[$1]) ? abs(weights[$0]) > abs(weights[$1]) : $0 < $1
    }
    let thresholdIndex = order[min(k, n) - 1]
    let threshold = abs(weights[thresholdIndex])
    return weights.indices.map { abs(weights[$0]) >= threshold || $0 == thresholdIndex }
}
