/// Labelled samples: `inputs` `[n, features…]` and one class label per row.
public struct Dataset: Sendable, Equatable {
    /// `[n, …]`: one sample per row (for the digits, `[n, 64]` with pixels in 0...1).
    public var inputs: Tensor
    /// Class indices in `0..<classCount`, one per sample.
    public var labels: [Int]
    /// Number of classes.
    public var classCount: Int

    /// - Precondition: one label per row, each in `0..<classCount`.
    public init(inputs: Tensor, labels: [Int], classCount: Int? = nil) {
        precondition(
            inputs.rank >= 1 && inputs.shape[0] == labels.count,
            "dataset has \(inputs.rank >= 1 ? inputs.shape[0] : 0) samples but \(labels.count) labels")
        let classes = classCount ?? ((labels.max() ?? -1) + 1)
        precondition(labels.allSatisfy { (0..<classes).contains($0) }, "labels must lie in 0..<\(classes)")
        self.inputs = inputs
        self.labels = labels
        self.classCount = classes
    }

    /// Number of samples.
    public var count: Int { labels.count }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        Dataset(inputs: inputs.rows(indices), labels: indices.map { labels[$0] }, classCount: classCount)
    }

    /// How many samples each class has.
    public var classCounts: [Int] {
        labels.reduce(into: [Int](repeating: 0, count: classCount)) { $0[$1] += 1 }
    }

    /// A stratified split: each class contributes `round(testFraction · its count)` samples
    /// to `test`, drawn by a generator seeded with `seed`; the rest form `train`. Both keep
    /// the original order of their samples.
    /// - Precondition: `testFraction` in `0...1`.
    public func split(testFraction: Double, seed: UInt64) -> (train: Dataset, test: Dataset) {
        precondition((0...1).contains(testFraction), "testFraction must be in 0...1, got \(testFraction)")
        var generator = SeededGenerator(seed: seed, stream: 2)
        var isTest = [Bool](repeating: false, count: count)
        for c in 0..<classCount {
            var members = labels.indices.filter { labels[$0] == c }
            generator.shuffle(&members)
            let take = Int((Double(members.count) * testFraction).rounded())
            for i in members.prefix(take) { isTest[i] = true }
        }
        let test = labels.indices.filter { isTest[$0] }
        let train = labels.indices.filter { !isTest[$0] }
        return (subset(train), subset(test))
    }

    /// A fingerprint of the samples and labels (SHA-256, hex), for cache keys.
    public var fingerprint: String {
        var hasher = SHA256()
        hasher.update(shape: inputs.shape)
        inputs.scalars.withUnsafeBytes { hasher.update($0) }
        labels.map(Int64.init).withUnsafeBytes { hasher.update($0) }
        return hasher.finalize().hexString
    }
}
