/// One-dimensional k-means with k-means++ seeding (Arthur & Vassilvitskii 2007), deterministic
/// for a given generator: the first centroid is a uniformly drawn value, each next one a value
/// drawn with probability proportional to its squared distance from the nearest centroid so far;
/// then Lloyd iterations (assign to the nearest centroid, move each centroid to its cluster's
/// mean) until no assignment changes. Centroids are returned in increasing order.
public struct KMeans: Sendable, Equatable {
    public var centroids: [Float]
    /// For each value, the index of its centroid.
    public var assignments: [Int]
    /// Lloyd iterations run.
    public var iterations: Int

    /// Clusters `values` into at most `k` groups (fewer when there are fewer distinct values).
    public init(_ values: [Float], k: Int, generator: inout SeededGenerator, maxIterations: Int = 50) {
        precondition(k > 0, "k-means needs k > 0, got \(k)")
        precondition(!values.isEmpty, "k-means needs at least one value")
        var centroids = [values[generator.nextIndex(below: values.count)]]
        var nearest = values.map { ($0 - centroids[0]) * ($0 - centroids[0]) }
        while centroids.count < k {
            let total = nearest.reduce(0.0) { $0 + Double($1) }
            guard total > 0 else { break }  // every value already is a centroid
            var target = generator.nextUniform() * total
            var chosen = values.count - 1
            for (index, d) in nearest.enumerated() {
                target -= Double(d)
                if target < 0 && d > 0 { chosen = index; break }
            }
            let c = values[chosen]
            centroids.append(c)
            for index in values.indices {
                nearest[index] = min(nearest[index], (values[index] - c) * (values[index] - c))
            }
        }
        centroids.sort()

        var assignments = [Int](repeating: -1, count: values.count)
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            var changed = false
            for (index, v) in values.enumerated() {
                let best = Self.nearest(v, in: centroids)
                if best != assignments[index] { assignments[index] = best; changed = true }
            }
            if !changed { break }
            var sums = [Double](repeating: 0, count: centroids.count),
                counts = [Int](repeating: 0, count: centroids.count)
            for (index, v) in values.enumerated() {
                sums[assignments[index]] += Double(v)
                counts[assignments[index]] += 1
            }
            for c in centroids.indices where counts[c] > 0 { centroids[c] = Float(sums[c] / Double(counts[c])) }
        }
        self.centroids = centroids
        self.assignments = assignments
        self.iterations = iterations
    }

    /// The index of the centroid closest to `value` (the lower one on ties); `centroids` sorted.
    static func nearest(_ value: Float, in centroids: [Float]) -> Int {
        var best = 0
        for c in 1..<centroids.count where abs(centroids[c] - value) < abs(centroids[best] - value) { best = c }
        return best
    }
}
