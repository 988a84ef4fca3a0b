import Foundation

/// Kullback–Leibler divergence of the softened student from a target distribution, batch
/// mean — PyTorch's `F.kl_div(F.log_softmax(z/T, 1), p, reduction='batchmean')`:
/// `KL = (1/n) Σ_i Σ_j p_ij (log p_ij − log σ(z_i/T)_j)`, with `0·log 0 = 0`.
///
/// Divided by the batch size `n`, not by the element count `n·k`. Shapes: `target` and
/// `logits` `[n, k]`; each row of `target` is a distribution (e.g. `softmax(teacherLogits,
/// temperature: T)`). The `T²` factor of distillation is not included here.
public func klDivergence(target: Tensor, logits: Tensor, temperature: Float = 1) -> Float {
    Float(
        KLDivergenceCore(
            target: target.scalars.map(Double.init), logits: logits.scalars.map(Double.init),
            shape: logits.shape, targetShape: target.shape, temperature: Double(temperature)
        ).value)
}

/// `∂KL/∂z` of `klDivergence(target:logits:temperature:)`:
/// `(σ(z_i/T)·Σ_j p_ij − p_i) / (T·n)`, shape `[n, k]` (`(q − p)/(T·n)` for rows of `p` summing to 1).
public func klDivergenceGradient(target: Tensor, logits: Tensor, temperature: Float = 1) -> Tensor {
    let core = KLDivergenceCore(
        target: target.scalars.map(Double.init), logits: logits.scalars.map(Double.init),
        shape: logits.shape, targetShape: target.shape, temperature: Double(temperature))
    return Tensor(shape: logits.shape, scalars: core.gradient.map(Float.init))
}

/// KL divergence in `Double`: value and gradient with respect to the student's logits.
struct KLDivergenceCore {
    let value: Double
    let gradient: [Double]

    init(target: [Double], logits: [Double], shape: [Int], targetShape: [Int], temperature: Double) {
        precondition(shape.count == 2, "klDivergence expects logits of shape [n, k], got \(shape)")
        precondition(targetShape == shape, "klDivergence target shape \(targetShape) does not match logits \(shape)")
        let (n, k) = (shape[0], shape[1])
        let student = LogSoftmaxRows(logits, rows: n, width: k, temperature: temperature)
        var total = 0.0
        var grad = [Double](repeating: 0, count: n * k)
        for i in 0..<n {
            var mass = 0.0
            for j in 0..<k {
                let p = target[i * k + j]
                precondition(p >= 0, "klDivergence target has a negative probability \(p) at [\(i), \(j)]")
                mass += p
                if p > 0 { total += p * (Foundation.log(p) - student.logProbabilities[i * k + j]) }
            }
            for j in 0..<k {
                grad[i * k + j] = Foundation.exp(student.logProbabilities[i * k + j]) * mass - target[i * k + j]
            }
        }
        let scale = n == 0 ? 0 : 1 / Double(n)
        value = total * scale
        gradient = grad.map { $0 * scale / temperature }
    }
}
