/// Cross-entropy with hard labels, batch mean — PyTorch's `F.cross_entropy(z, y)`:
/// `L = −(1/n) Σ_i log σ(z_i)[y_i]`.
///
/// Shapes: `logits` `[n, k]`, `labels` `n` class indices in `0..<k`.
public func crossEntropy(logits: Tensor, labels: [Int]) -> Float {
    Float(CrossEntropyCore(logits: logits.scalars.map(Double.init), labels: labels, shape: logits.shape).value)
}

/// `∂L/∂z` of `crossEntropy(logits:labels:)`: `(σ(z_i) − onehot(y_i)) / n`, shape `[n, k]`.
public func crossEntropyGradient(logits: Tensor, labels: [Int]) -> Tensor {
    let core = CrossEntropyCore(logits: logits.scalars.map(Double.init), labels: labels, shape: logits.shape)
    return Tensor(shape: logits.shape, scalars: core.gradient.map(Float.init))
}

/// Cross-entropy in `Double`: value and gradient from one log-softmax.
struct CrossEntropyCore {
    let value: Double
    let gradient: [Double]

    init(logits: [Double], labels: [Int], shape: [Int]) {
        precondition(shape.count == 2, "crossEntropy expects logits of shape [n, k], got \(shape)")
        let (n, k) = (shape[0], shape[1])
        checkLabels(labels, rows: n, classes: k)
        let core = LogSoftmaxRows(logits, rows: n, width: k, temperature: 1)
        var total = 0.0
        var grad = core.probabilities
        for i in 0..<n {
            total -= core.logProbabilities[i * k + labels[i]]
            grad[i * k + labels[i]] -= 1
        }
        let scale = n == 0 ? 0 : 1 / Double(n)
        value = total * scale
        gradient = grad.map { $0 * scale }
    }
}
