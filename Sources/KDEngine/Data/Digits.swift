import Foundation

/// The UCI "Optical Recognition of Handwritten Digits" data (Alpaydin & Kaynak 1998, CC BY 4.0):
/// 1,797 images of 8×8 pixel counts 0...16 and their digit, shipped as `Content/data/digits.csv`
/// (columns `p0…p63`, `label`).
public enum Digits {
    /// Image side in pixels.
    public static let side = 8
    /// The largest pixel count.
    public static let maximumPixel = 16.0
    /// Class names, index = digit.
    public static let classNames = (0...9).map(String.init)

    /// Loads the digits CSV: `inputs` `[n, 64]` with pixels scaled to 0...1 (count / 16),
    /// `labels` the digits. Throws a `DataError` naming the line and column of a malformed
    /// row, a pixel outside 0...16 or a label outside 0...9.
    public static func load(_ url: URL) throws -> Dataset {
        let table = try CSVTable.load(url)
        let pixels = side * side
        guard table.header.count == pixels + 1, table.header.last == "label" else {
            throw DataError(
                path: url.path, line: 1, column: 1,
                message: "expected a header of \(pixels) pixel columns and 'label', found \(table.header.count) columns"
            )
        }
        var scalars: [Float] = []
        scalars.reserveCapacity(table.rows.count * pixels)
        var labels: [Int] = []
        for (r, row) in table.rows.enumerated() {
            let line = table.lines[r]
            for (j, value) in row.prefix(pixels).enumerated() {
                guard (0...maximumPixel).contains(value) else {
                    throw DataError(
                        path: url.path, line: line, column: table.columns[r][j],
                        message: "pixel 'p\(j)' is \(plain(value)), outside 0...16")
                }
                scalars.append(Float(value / maximumPixel))
            }
            let label = row[pixels]
            guard label == label.rounded(), (0...9).contains(label) else {
                throw DataError(
                    path: url.path, line: line, column: table.columns[r][pixels],
                    message: "label '\(plain(label))' is not a digit 0...9")
            }
            labels.append(Int(label))
        }
        return Dataset(inputs: Tensor(shape: [labels.count, pixels], scalars: scalars), labels: labels, classCount: 10)
    }

    /// `3` for 3.0, `2.5` for 2.5: a number as it was most likely written.
    private static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
