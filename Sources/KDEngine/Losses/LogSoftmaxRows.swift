import Foundation

/// Row-wise log-softmax in `Double`, the shared core of every softmax, loss and gradient.
///
/// For logits `z` of shape `[n, k]` and temperature `T`:
/// `logp[i, j] = z[i, j]/T − max_j(z[i]/T) − log Σ_j exp(z[i, j]/T − max_j(z[i]/T))`.
/// Subtracting the row maximum keeps every `exp` in [0, 1], so logits of ±1e4 are exact.
/// Losses are accumulated in `Double` and rounded to `Float` once, which keeps them within
/// a few ulps of a float64 reference even where terms cancel (a KL divergence near zero).
struct LogSoftmaxRows {
    let rows: Int
    let width: Int
    /// `[rows * width]`, row-major.
    var logProbabilities: [Double]

    init(_ logits: [Double], rows: Int, width: Int, temperature: Double) {
        precondition(temperature > 0, "temperature must be positive, got \(temperature)")
        precondition(logits.count == rows * width, "logits count \(logits.count) is not \(rows)×\(width)")
        self.rows = rows
        self.width = width
        var out = [Double](repeating: 0, count: rows * width)
        for i in 0..<rows {
            let base = i * width
            var peak = -Double.infinity
            for j in 0..<width { peak = max(peak, logits[base + j] / temperature) }
            var total = 0.0
            for j in 0..<width { total += exp(logits[base + j] / temperature - peak) }
            let logTotal = log(total)
            for j in 0..<width { out[base + j] = logits[base + j] / temperature - peak - logTotal }
        }
        logProbabilities = out
    }

    init(_ logits: Tensor, temperature: Float) {
        let (rows, width) = LogSoftmaxRows.rowsAndWidth(logits)
        self.init(logits.scalars.map(Double.init), rows: rows, width: width, temperature: Double(temperature))
    }

    /// `[n, k]` for a rank-2 tensor, `[1, k]` for a rank-1 one (one distribution).
    static func rowsAndWidth(_ logits: Tensor) -> (Int, Int) {
        precondition(
            logits.rank == 1 || logits.rank == 2, "expected logits of shape [n, k] or [k], got \(logits.shape)")
        return logits.rank == 2 ? (logits.shape[0], logits.shape[1]) : (1, logits.shape[0])
    }

    var probabilities: [Double] { logProbabilities.map { exp($0) } }
}

/// Checks that `labels` has one class index in `0..<classes` per row.
func checkLabels(_ labels: [Int], rows: Int, classes: Int) {
    precondition(labels.count == rows, "expected \(rows) labels (one per row of logits), got \(labels.count)")
    for (i, y) in labels.enumerated() {
        precondition(y >= 0 && y < classes, "label \(y) at row \(i) is outside 0..<\(classes)")
    }
}
