/// What snippets call to show outputs. Each call becomes a record under the running block
/// (or, run by hand, a rendering on stdout; see `NotebookEnvironment`).

/// Shows a table under the block.
public func show(_ table: Table) {
    Notebook.shared.emit { _ in .table(table) }
}

/// Shows a chart (SVG) under the block.
public func show(_ chart: Chart) {
    Notebook.shared.emit { sequence in
        .figure(chart.render(id: Figure.identifier(sequence: sequence, content: chart.title)))
    }
}

/// Shows a probability distribution over `labels` as a bar chart (values in 0…1, e.g.
/// `softmax(logits, temperature: 4)` for one input).
public func show(distribution: [some Plottable], labels: [String], title: String = "Predicted distribution") {
    let probabilities = distribution.map(\.plotValue)
    Notebook.shared.emit { sequence in
        .figure(
            Distribution.figure(
                probabilities, labels: labels, title: title,
                id: Figure.identifier(sequence: sequence, content: title)))
    }
}

/// Shows one input image: `pixels` row-major (64 for the 8×8 digits), intensities from 0 to
/// `maximum`. When `maximum` is nil it is 1 if no pixel exceeds 1 (pixels scaled as
/// `Digits.load` scales them), else 16 (the UCI digits' raw counts), else the largest pixel.
/// `label` captions the image ("label 3").
public func show(digit pixels: [some Plottable], label: String? = nil, maximum: Double? = nil) {
    let image = pixels.map(\.plotValue)
    let title = label.map { "Digit image, \($0)" } ?? "Digit image"
    let top = maximum ?? DigitImage.automaticMaximum([image])
    Notebook.shared.emit { sequence in
        .figure(
            DigitImage.figure(
                [image], captions: [label], maximum: top, title: title,
                id: Figure.identifier(sequence: sequence, content: title)))
    }
}

/// Shows several input images side by side (ten a row), each with an optional caption
/// (e.g. "3 → 5" for a misclassified example). `maximum` as for `show(digit:)`.
public func show(
    digits images: [[some Plottable]], captions: [String]? = nil, maximum: Double? = nil,
    title: String = "Digit images"
) {
    if let captions {
        precondition(
            captions.count == images.count, "show(digits:): \(captions.count) captions for \(images.count) images")
    }
    let pixels = images.map { $0.map(\.plotValue) }
    let labels: [String?] = captions ?? Array(repeating: nil, count: images.count)
    let top = maximum ?? DigitImage.automaticMaximum(pixels)
    Notebook.shared.emit { sequence in
        .figure(
            DigitImage.figure(
                pixels, captions: labels, maximum: top, title: title,
                id: Figure.identifier(sequence: sequence, content: title)))
    }
}

/// Exports a value for this lesson's prose as `{{ kd.NAME }}` (and other pages' as
/// `{{ kd.SLUG.NAME }}`), written in `format` (`.plain` when nil: an `Int` as is).
/// `name` must be an identifier (letters, digits, `_`, not starting with a digit); the last
/// export of a name wins.
public func export(_ name: String, _ value: some NotebookValue, format: ValueFormat? = nil) {
    precondition(
        ExportName.isValid(name),
        "export: '\(name)' is not a valid name; use letters, digits and _, e.g. 'studentAccuracy'")
    let exported = ExportedValue(name: name, value: value.notebookScalar, format: format)
    Notebook.shared.emit { _ in .export(exported) }
}

/// Shows an interactive widget under the block.
public func widget(_ widget: Widget) {
    Notebook.shared.emit { _ in .widget(widget) }
}

/// Called by the generated lesson program before each block's code (not by authors):
/// flushes stdout and marks the boundary so later outputs land under block `index` (the
/// generator's number for the block), whose code starts on source line `line`.
public func _kdBeginBlock(_ index: Int, line: Int) {
    Notebook.shared.beginBlock(index, line: line)
}

/// Names usable as `{{ kd.NAME }}`.
public enum ExportName {
    /// ASCII letters, digits and `_`, not starting with a digit, not empty.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x5F
        }
    }
}
