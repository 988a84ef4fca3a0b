import Foundation

/// The softmax of each row, softened by `temperature`:
/// `σ(z/T)_j = exp(z_j/T) / Σ_k exp(z_k/T)`.
///
/// Shapes: `[n, k] → [n, k]` (each row sums to 1), or `[k] → [k]`. Stable for any finite
/// logits (the row maximum is subtracted first). Higher `T` flattens the distribution;
/// `T → 0` approaches one-hot on the largest logit.
/// - Precondition: `temperature > 0`.
public func softmax(_ logits: Tensor, temperature: Float = 1) -> Tensor {
    let core = LogSoftmaxRows(logits, temperature: temperature)
    return Tensor(shape: logits.shape, scalars: core.logProbabilities.map { Float(exp($0)) })
}

/// The logarithm of `softmax(logits, temperature:)`, computed without forming the softmax,
/// so it stays finite where probabilities underflow: `log σ(z/T)_j = z_j/T − logΣexp(z/T)`.
/// Shapes: `[n, k] → [n, k]` or `[k] → [k]`.
public func logSoftmax(_ logits: Tensor, temperature: Float = 1) -> Tensor {
    let core = LogSoftmaxRows(logits, temperature: temperature)
    return Tensor(shape: logits.shape, scalars: core.logProbabilities.map(Float.init))
}

/// The Shannon entropy, in nats, of each row of a probability tensor: `H(p) = −Σ_j p_j log p_j`
/// (with `0·log 0 = 0`).
///
/// Shapes: `[n, k] → [n]`, or `[k] → []` (one scalar). The maximum, `log k`, is reached by
/// the uniform distribution.
public func entropy(_ probabilities: Tensor) -> Tensor {
    let (rows, width) = LogSoftmaxRows.rowsAndWidth(probabilities)
    var out = [Float](repeating: 0, count: rows)
    for i in 0..<rows {
        var h = 0.0
        for j in 0..<width {
            let p = Double(probabilities.scalars[i * width + j])
            if p > 0 { h -= p * log(p) }
        }
        out[i] = Float(h)
    }
    return Tensor(shape: Array(probabilities.shape.dropLast()), scalars: out)
}
