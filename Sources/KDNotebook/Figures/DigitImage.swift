/// Small grayscale input images (the 8×8 UCI digits, intensities 0…16) drawn as squares.
///
/// A pixel of intensity v is a square of the ink colour (`--kd-digit-ink`) at opacity
/// v / maximum over the page background, so images follow the theme: dark ink on light pages,
/// light ink on dark ones. Zero pixels are not drawn.
enum DigitImage {
    static let cell = 10.0
    static let gap = 14.0
    static let captionHeight = 18.0

    /// 1 when no pixel exceeds 1, else 16 when none exceeds 16, else the largest pixel.
    static func automaticMaximum(_ images: [[Double]]) -> Double {
        let top = images.lazy.flatMap { $0 }.filter(\.isFinite).max() ?? 1
        return top <= 1 ? 1 : top <= 16 ? 16 : top
    }

    /// One image, or a sheet of several (up to ten a row), each optionally captioned.
    static func figure(_ images: [[Double]], captions: [String?], maximum: Double, title: String, id: String) -> Figure
    {
        precondition(!images.isEmpty, "show(digits:): no images")
        precondition(maximum > 0, "show(digit:): maximum must be positive, got \(maximum)")
        let count = images[0].count
        let side = Int(Double(count).squareRoot().rounded())
        precondition(side * side == count && side > 0, "show(digit:): \(count) pixels is not a square image (8×8 = 64)")
        for image in images {
            precondition(image.count == count, "show(digits:): images of \(image.count) and \(count) pixels")
        }
        let hasCaptions = captions.contains { $0 != nil }
        let columns = min(images.count, 10)
        let rows = (images.count + columns - 1) / columns
        let tile = Double(side) * cell
        let tileHeight = tile + (hasCaptions ? captionHeight : 0)
        let width = Double(columns) * tile + Double(columns + 1) * gap
        let height = Double(rows) * tileHeight + Double(rows + 1) * gap - (hasCaptions ? 4 : 0)
        let summary =
            images.count == 1
            ? describe(images[0], side: side, caption: captions.first ?? nil, maximum: maximum)
            : "\(images.count) images of \(side) by \(side) pixels: "
                + images.indices.map { i in
                    captions[i].map { "image \(i + 1), \($0)" } ?? "image \(i + 1)"
                }.joined(separator: "; ") + "."

        var svg = SVGWriter()
        Figure.openRoot(
            &svg, id: id, kind: images.count == 1 ? "digit" : "digits", width: width, height: height,
            title: title, summary: summary, maxWidth: width * 1.5)
        for (i, image) in images.enumerated() {
            let x0 = gap + Double(i % columns) * (tile + gap)
            let y0 = gap + Double(i / columns) * (tileHeight + gap)
            svg.open("g", [("aria-hidden", "true")])
            svg.element(
                "rect",
                [
                    ("x", svgNumber(x0 - 0.5)), ("y", svgNumber(y0 - 0.5)), ("width", svgNumber(tile + 1)),
                    ("height", svgNumber(tile + 1)),
                ]
                    + ChartStyle.paint(fill: ChartStyle.background, stroke: ChartStyle.grid))
            svg.open("g", ChartStyle.paint(fill: ChartStyle.ink))
            for (p, value) in image.enumerated() where value.isFinite && value > 0 {
                let opacity = min(value / maximum, 1)
                svg.element(
                    "rect",
                    [
                        ("x", svgNumber(x0 + Double(p % side) * cell)), ("y", svgNumber(y0 + Double(p / side) * cell)),
                        ("width", svgNumber(cell)), ("height", svgNumber(cell)), ("fill-opacity", svgNumber(opacity)),
                    ])
            }
            svg.close()
            if let caption = captions[i] {
                svg.element(
                    "text",
                    [
                        ("x", svgNumber(x0 + tile / 2)), ("y", svgNumber(y0 + tile + 14)), ("text-anchor", "middle"),
                    ] + ChartStyle.font(.value, colour: ChartStyle.text), text: caption)
            }
            svg.close()
        }
        svg.close()
        return Figure(kind: images.count == 1 ? .digit : .digits, title: title, summary: summary, svg: svg.finish())
    }

    /// "An 8 by 8 grayscale image of a handwritten digit, label 3: 28 of 64 pixels carry ink,
    /// in rows 1–8 and columns 2–7; 12 at full intensity."
    static func describe(_ pixels: [Double], side: Int, caption: String?, maximum: Double) -> String {
        let inked = pixels.indices.filter { pixels[$0] > 0 }
        var text = "An \(side) by \(side) grayscale image of a handwritten digit"
        if let caption { text += ", \(caption)" }
        guard let top = inked.map({ $0 / side }).min(), let bottom = inked.map({ $0 / side }).max(),
            let left = inked.map({ $0 % side }).min(), let right = inked.map({ $0 % side }).max()
        else {
            return text + "; it is blank."
        }
        let full = pixels.filter { $0 >= maximum }.count
        text += ": \(inked.count) of \(pixels.count) pixels carry ink, in rows \(top + 1)–\(bottom + 1)"
        text += " and columns \(left + 1)–\(right + 1); \(full) at full intensity."
        return text
    }
}
