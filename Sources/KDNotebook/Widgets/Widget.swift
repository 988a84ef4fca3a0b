/// An interactive element a snippet asks the page to show; the page's script brings it to
/// life. The record carries the data; `html()` gives markup that works before the script
/// runs (and without it).
public enum Widget: Sendable, Hashable {
    /// A slider over the softmax temperature of a real model's logits.
    case temperatureSlider(TemperatureSlider)

    /// A temperature slider over `logits` (one per label): the probabilities
    /// softmax(z / T) as bars, T from `range`, starting at `temperature`.
    public static func temperatureSlider(
        logits: [some Plottable], labels: [String], temperature: Float = 1,
        range: ClosedRange<Float> = 0.5...20
    ) -> Widget {
        .temperatureSlider(
            TemperatureSlider(
                logits: logits.map { Float($0.plotValue) }, labels: labels,
                temperature: temperature, range: range))
    }

    /// The widget's markup (see each case's type).
    public func html(id: String) -> String {
        switch self {
        case .temperatureSlider(let slider): slider.html(id: id)
        }
    }
}

extension Widget: Codable {
    private enum CodingKeys: String, CodingKey { case type, temperatureSlider }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "temperatureSlider":
            self = .temperatureSlider(try c.decode(TemperatureSlider.self, forKey: .temperatureSlider))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown widget '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .temperatureSlider(let slider):
            try c.encode("temperatureSlider", forKey: .type)
            try c.encode(slider, forKey: .temperatureSlider)
        }
    }
}
