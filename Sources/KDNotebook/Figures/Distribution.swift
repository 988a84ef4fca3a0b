import Foundation

/// A probability distribution over labelled classes, drawn as a bar chart on a fixed 0…1
/// axis with each probability written on its bar (three decimals) and the most likely class
/// emphasised. The description names the most likely class and the entropy
/// H(p) = −Σ p_i ln p_i in nats.
enum Distribution {
    static func figure(_ probabilities: [Double], labels: [String], title: String, id: String) -> Figure {
        precondition(
            probabilities.count == labels.count,
            "show(distribution:): \(probabilities.count) probabilities for \(labels.count) labels")
        precondition(!probabilities.isEmpty, "show(distribution:): no probabilities")
        for (i, p) in probabilities.enumerated() {
            precondition(
                p.isFinite && p >= -1e-6 && p <= 1 + 1e-6,
                "show(distribution:): value \(p) for '\(labels[i])' is not a probability; pass softmax(logits), not logits"
            )
        }
        var chart = Chart.bar(
            title, categories: labels, values: probabilities, x: Axis("Class"),
            y: Axis("Probability", range: 0...1, format: .fixed(digits: 3)))
        let top = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
        chart.highlightedBar = top
        chart.height = 300
        let entropy = -probabilities.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
        let items = zip(labels, probabilities).map { "\($0) \(DecimalText.fixed($1, digits: 3))" }
        chart.summary =
            "Probability distribution over \(labels.count) classes; most likely \(labels[top]) "
            + "(\(DecimalText.fixed(probabilities[top], digits: 3))); entropy \(DecimalText.fixed(entropy, digits: 3)) nats. "
            + items.joined(separator: ", ") + "."
        var figure = chart.render(id: id)
        figure.kind = .distribution
        return figure
    }
}
