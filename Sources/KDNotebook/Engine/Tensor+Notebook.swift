import KDEngine

// Overloads that take KDEngine tensors, so lessons pass model outputs and dataset rows as
// they are. Shapes are checked with `precondition` (a snippet's mistake traps at its line).

/// Shows a probability distribution: `distribution` holds one row of probabilities, shape
/// `[n]` or `[1, n]` (e.g. `softmax(teacher(x), temperature: 4)` for one input).
public func show(distribution: Tensor, labels: [String], title: String = "Predicted distribution") {
    show(distribution: oneRow(distribution, "show(distribution:)"), labels: labels, title: title)
}

/// Shows one input image: any shape holding a square number of pixels (`[64]`, `[1, 64]`,
/// `[8, 8]`, `[1, 8, 8, 1]`), row-major.
public func show(digit pixels: Tensor, label: String? = nil, maximum: Double? = nil) {
    show(digit: pixels.scalars, label: label, maximum: maximum)
}

/// Shows several input images: the first axis counts images (`[k, 64]` as `Dataset.inputs`,
/// or `[k, 8, 8]`).
public func show(
    digits images: Tensor, captions: [String]? = nil, maximum: Double? = nil, title: String = "Digit images"
) {
    precondition(images.rank >= 2, "show(digits:): expected images along the first axis, got shape \(images.shape)")
    let count = images.shape[0]
    let size = count == 0 ? 0 : images.scalarCount / count
    let rows = (0..<count).map { Array(images.scalars[($0 * size)..<(($0 + 1) * size)]) }
    show(digits: rows, captions: captions, maximum: maximum, title: title)
}

extension Widget {
    /// A temperature slider over one row of logits, shape `[n]` or `[1, n]`.
    public static func temperatureSlider(
        logits: Tensor, labels: [String], temperature: Float = 1,
        range: ClosedRange<Float> = 0.5...20
    ) -> Widget {
        temperatureSlider(
            logits: oneRow(logits, "temperatureSlider(logits:)"), labels: labels, temperature: temperature, range: range
        )
    }
}

extension Chart {
    /// A heatmap of a rank-2 tensor, `values[row, column]`.
    public static func heatmap(
        _ title: String, rows: [String], columns: [String], values: Tensor, x: Axis = Axis(),
        y: Axis = Axis(), format: ValueFormat? = nil, showsValues: Bool = true
    ) -> Chart {
        precondition(
            values.shape == [rows.count, columns.count],
            "heatmap '\(title)': values of shape \(values.shape) for \(rows.count) rows and \(columns.count) columns")
        let grid = (0..<rows.count).map { r in Array(values.scalars[(r * columns.count)..<((r + 1) * columns.count)]) }
        return heatmap(
            title, rows: rows, columns: columns, values: grid, x: x, y: y, format: format, showsValues: showsValues)
    }
}

/// The scalars of a tensor that holds one row: shape `[n]` or `[1, n]`.
private func oneRow(_ tensor: Tensor, _ caller: String) -> [Float] {
    precondition(
        tensor.rank == 1 || (tensor.rank == 2 && tensor.shape[0] == 1),
        "\(caller): expected one row of shape [n] or [1, n], got shape \(tensor.shape); select a row first")
    return tensor.scalars
}
