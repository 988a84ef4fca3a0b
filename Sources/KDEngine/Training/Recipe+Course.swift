/// The recipes the course's lessons use, measured on the digits' stratified 80/20 split
/// (seed 0): see docs and the tests in `RecipeTests` for the figures.
extension Recipe {
    /// The teacher: MLP 64-256-256-10 with dropout 0.2, SGD (lr 0.05, momentum 0.9, weight
    /// decay 5e-4), cosine schedule, batch 32, 30 epochs. 85,002 parameters.
    public static func teacher(seed: UInt64 = 0) -> Recipe {
        Recipe(
            name: "teacher",
            architecture: [
                .dense(inputs: 64, outputs: 256, seed: 1), .relu, .dropout(rate: 0.2, seed: 7),
                .dense(inputs: 256, outputs: 256, seed: 2), .relu, .dropout(rate: 0.2, seed: 8),
                .dense(inputs: 256, outputs: 10, seed: 3),
            ],
            optimizer: .sgd(learningRate: 0.05, momentum: 0.9, weightDecay: 5e-4),
            epochs: 30, schedule: .cosine(minimum: 0), seed: seed)
    }

    /// The tiny student, 64-24-10 (1,810 parameters), on hard labels: Adam (lr 0.01), cosine
    /// schedule, batch 32, 30 epochs. `seed` sets both the initial weights and the batch order.
    public static func student(seed: UInt64 = 0) -> Recipe {
        Recipe(
            name: "student",
            architecture: [
                .dense(inputs: 64, outputs: 24, seed: 10 + seed), .relu,
                .dense(inputs: 24, outputs: 10, seed: 20 + seed),
            ],
            optimizer: .adam(learningRate: 0.01, weightDecay: 0),
            epochs: 30, schedule: .cosine(minimum: 0), seed: seed)
    }

    /// The same student, same initial weights and schedule, distilled from a teacher with
    /// `distillationLoss` at temperature `T` and weight `alpha` on the hard labels.
    public static func distilledStudent(temperature: Float = 2, alpha: Float = 0.5, seed: UInt64 = 0) -> Recipe {
        var recipe = student(seed: seed)
        recipe.name = "distilled-student"
        recipe.distillation = Distillation(temperature: temperature, alpha: alpha)
        return recipe
    }
}
