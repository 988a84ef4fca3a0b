import Foundation

/// Outputs rendered for a person reading a terminal, when a program runs outside the site
/// build (by hand, or `kdsite run`): tables as aligned text, exports as `kd.name = text`,
/// figures saved as `figure-N-title.svg` in the output directory (announced with their
/// description), widgets as their data.
struct ConsoleRenderer {
    let directory: String
    private var figures = 0

    init(directory: String) {
        self.directory = directory
    }

    mutating func render(_ payload: NotebookRecord.Payload) -> String {
        switch payload {
        case .blockStart:
            return ""
        case .table(let table):
            return table.text()
        case .export(let value):
            return "kd.\(value.name) = \(value.text)\n"
        case .figure(let figure):
            figures += 1
            let name = "figure-\(figures)" + (Self.slug(figure.title).map { "-" + $0 } ?? "") + ".svg"
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try Data(figure.svg.utf8).write(to: url)
                return "[figure] \(figure.title) -> \(url.path)\n  \(figure.summary)\n"
            } catch {
                return
                    "[figure] \(figure.title): cannot save \(url.path): \(error.localizedDescription)\n  \(figure.summary)\n"
            }
        case .widget(.temperatureSlider(let slider)):
            let p = slider.probabilities(at: Double(slider.temperature))
            let items = zip(slider.labels, p).map { "\($0) \(DecimalText.fixed($1, digits: 4))" }
            return "[temperature slider] T = \(DecimalText.fixed(Double(slider.temperature), digits: 1)) "
                + "(\(slider.minimum)…\(slider.maximum)): " + items.joined(separator: ", ") + "\n"
        }
    }

    /// A file-name slug: lowercase ASCII letters and digits, words joined by `-`, at most 40
    /// characters; nil when nothing is left.
    static func slug(_ title: String) -> String? {
        var out = ""
        var pendingDash = false
        for c in title.lowercased().unicodeScalars {
            if c.isASCII && (CharacterSet.alphanumerics.contains(c)) {
                if pendingDash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(c)
                pendingDash = false
            } else {
                pendingDash = true
            }
            if out.count >= 40 { break }
        }
        return out.isEmpty ? nil : out
    }
}
