/// The knowledge-distillation loss of Hinton et al. (2015), batch mean:
/// `L = α·CE(y, σ(z_s)) + (1−α)·T²·KL(σ(z_t/T) ‖ σ(z_s/T))`.
///
/// α weights the hard-label term (as torchdistill's KDLoss does); the `T²` factor keeps the
/// soft term's gradients on the same scale as `T` changes. This is the number PyTorch gives
/// for `alpha*F.cross_entropy(zs,y) + (1-alpha)*T*T*F.kl_div(F.log_softmax(zs/T,1),
/// F.softmax(zt/T,1), reduction='batchmean')`.
/// Shapes: `studentLogits` and `teacherLogits` `[n, k]`, `labels` `n` indices in `0..<k`.
/// - Precondition: `temperature > 0`, `alpha` in `0...1`.
public func distillationLoss(
    studentLogits: Tensor, teacherLogits: Tensor, labels: [Int], temperature: Float, alpha: Float
) -> Float {
    Float(DistillationCore(studentLogits, teacherLogits, labels, temperature, alpha).value)
}

/// `∂L/∂z_s` of `distillationLoss`: `α·(σ(z_s) − onehot(y))/n + (1−α)·T·(σ(z_s/T) − σ(z_t/T))/n`,
/// shape `[n, k]`. The teacher receives no gradient.
public func distillationLossGradient(
    studentLogits: Tensor, teacherLogits: Tensor, labels: [Int], temperature: Float, alpha: Float
) -> Tensor {
    let core = DistillationCore(studentLogits, teacherLogits, labels, temperature, alpha)
    return Tensor(shape: studentLogits.shape, scalars: core.gradient.map(Float.init))
}

/// Value and gradient in one pass (what training calls each step).
public func distillationLossWithGradient(
    studentLogits: Tensor, teacherLogits: Tensor, labels: [Int], temperature: Float, alpha: Float
) -> (loss: Float, gradient: Tensor) {
    let core = DistillationCore(studentLogits, teacherLogits, labels, temperature, alpha)
    return (Float(core.value), Tensor(shape: studentLogits.shape, scalars: core.gradient.map(Float.init)))
}

/// Value and gradient of `crossEntropy(logits:labels:)` in one pass.
public func crossEntropyWithGradient(logits: Tensor, labels: [Int]) -> (loss: Float, gradient: Tensor) {
    let core = CrossEntropyCore(logits: logits.scalars.map(Double.init), labels: labels, shape: logits.shape)
    return (Float(core.value), Tensor(shape: logits.shape, scalars: core.gradient.map(Float.init)))
}

/// The distillation loss in `Double`.
struct DistillationCore {
    let value: Double
    let gradient: [Double]

    init(_ student: Tensor, _ teacher: Tensor, _ labels: [Int], _ temperature: Float, _ alpha: Float) {
        precondition(
            student.shape == teacher.shape,
            "student logits \(student.shape) and teacher logits \(teacher.shape) differ in shape")
        self.init(
            student: student.scalars.map(Double.init), teacher: teacher.scalars.map(Double.init), labels: labels,
            shape: student.shape, temperature: Double(temperature), alpha: Double(alpha))
    }

    init(student: [Double], teacher: [Double], labels: [Int], shape: [Int], temperature: Double, alpha: Double) {
        precondition(shape.count == 2, "distillationLoss expects logits of shape [n, k], got \(shape)")
        precondition((0...1).contains(alpha), "alpha must be in 0...1, got \(alpha)")
        let (n, k) = (shape[0], shape[1])
        let target = LogSoftmaxRows(teacher, rows: n, width: k, temperature: temperature).probabilities
        let hard = CrossEntropyCore(logits: student, labels: labels, shape: shape)
        let soft = KLDivergenceCore(
            target: target, logits: student, shape: shape, targetShape: shape, temperature: temperature)
        let t2 = temperature * temperature
        value = alpha * hard.value + (1 - alpha) * t2 * soft.value
        gradient = zip(hard.gradient, soft.gradient).map { alpha * $0 + (1 - alpha) * t2 * $1 }
    }
}
