import Foundation

/// The data of the temperature slider: a model's logits for one input, the class labels,
/// and the slider's range and starting temperature.
///
/// The probabilities at temperature T are softmax(z / T)_i = exp((z_i − max z) / T) / Σ_j
/// exp((z_j − max z) / T), computed in `Double`.
public struct TemperatureSlider: Codable, Sendable, Hashable {
    public var logits: [Float]
    public var labels: [String]
    public var temperature: Float
    public var minimum: Float
    public var maximum: Float
    /// The slider's step.
    public var step: Float

    public init(
        logits: [Float], labels: [String], temperature: Float = 1, range: ClosedRange<Float> = 0.5...20,
        step: Float = 0.1
    ) {
        precondition(!logits.isEmpty, "temperature slider: no logits")
        precondition(
            logits.count == labels.count, "temperature slider: \(logits.count) logits for \(labels.count) labels")
        precondition(logits.allSatisfy(\.isFinite), "temperature slider: logits must be finite")
        precondition(range.lowerBound > 0, "temperature slider: temperatures must be positive, got \(range)")
        precondition(range.contains(temperature), "temperature slider: T = \(temperature) is outside \(range)")
        self.logits = logits
        self.labels = labels
        self.temperature = temperature
        self.minimum = range.lowerBound
        self.maximum = range.upperBound
        self.step = step
    }

    /// softmax(logits / T).
    public func probabilities(at t: Double) -> [Double] {
        precondition(t > 0, "temperature must be positive, got \(t)")
        let z = logits.map(Double.init)
        let m = z.max() ?? 0
        let e = z.map { exp(($0 - m) / t) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// Markup following the page contract: a root with `data-logits`, `data-labels` (JSON
    /// arrays) and `data-temperature`; an `input[type=range][data-widget=temperature]`; and per
    /// class a bar whose `[data-prob=INDEX]` holds the probability with 4 decimals, computed
    /// here for the starting temperature. Each bar is a one-unit SVG stretched to its track
    /// whose `rect` is `p` wide (`width` attribute, 0…1), so the bars need no `style`
    /// attribute (a strict Content-Security-Policy allows them) and no script.
    public func html(id: String) -> String {
        let probabilities = probabilities(at: Double(temperature))
        let logitsJSON = "[" + logits.map { $0.description }.joined(separator: ",") + "]"
        let labelsJSON = (try? String(decoding: JSONEncoder().encode(labels), as: UTF8.self)) ?? "[]"
        let t = DecimalText.fixed(Double(temperature), digits: 1)
        var out =
            "<div class=\"kd-widget kd-temperature\" id=\"\(HTMLText.escape(id))\" data-logits=\"\(HTMLText.escape(logitsJSON))\""
        out += " data-labels=\"\(HTMLText.escape(labelsJSON))\" data-temperature=\"\(t)\">"
        // A label may hold one form control, so the output sits beside it, not inside.
        out += "<div class=\"kd-temperature-control\"><label for=\"\(HTMLText.escape(id))-t\">Temperature</label>"
        out += " <output for=\"\(HTMLText.escape(id))-t\">T = \(t)</output>"
        out += "<input id=\"\(HTMLText.escape(id))-t\" type=\"range\" data-widget=\"temperature\""
        out +=
            " min=\"\(Self.number(minimum))\" max=\"\(Self.number(maximum))\" step=\"\(Self.number(step))\" value=\"\(Self.number(temperature))\"></div>"
        out += "<ol class=\"kd-temperature-bars\">"
        for (i, (label, p)) in zip(labels, probabilities).enumerated() {
            let text = DecimalText.fixed(p, digits: 4)
            out += "<li><span class=\"kd-label\">\(HTMLText.escape(label))</span>"
            out +=
                "<svg class=\"kd-bar\" viewBox=\"0 0 1 1\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
            out +=
                "<rect class=\"kd-fill-s1\" fill=\"\(ChartStyle.series(0).fallback)\" width=\"\(text)\" height=\"1\"></rect></svg>"
            out += "<span class=\"kd-prob\" data-prob=\"\(i)\">\(text)</span></li>"
        }
        return out + "</ol></div>"
    }

    private static func number(_ value: Float) -> String {
        DecimalText.trimmed(DecimalText.fixed(Double(value), digits: 3))
    }
}
