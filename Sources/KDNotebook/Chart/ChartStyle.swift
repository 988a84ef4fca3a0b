/// The look shared by every figure: named colours (paints) with light-theme fallbacks, font
/// sizes, and a text-width estimate for layout (no font metrics exist at build time).
///
/// Figures carry no `style` attribute, so a page served with a strict Content-Security-Policy
/// (`style-src 'self'`) draws them whole. Each painted element gets a class per paint
/// (`kd-fill-s1`, `kd-stroke-grid`, `kd-stop-heat`, …) and the fallback colour as an SVG
/// presentation attribute (`fill="#2563eb"`). The theme's stylesheet maps the classes to its
/// CSS custom properties (`.kd-fill-s1 { fill: var(--kd-series-1) }`); a class rule beats a
/// presentation attribute, so pages follow the theme (and dark mode) while a standalone .svg
/// file uses the fallbacks. docs/notebook.md lists the classes, properties and a dark palette.
enum ChartStyle {
    /// Series colours, colour-blind aware, in order; `--kd-series-1` … `--kd-series-8`.
    static let seriesFallbacks = [
        "#2563eb", "#ea580c", "#059669", "#9333ea", "#dc2626", "#0891b2", "#ca8a04", "#db2777",
    ]
    /// Dash patterns for line series after the first, so lines differ without colour.
    static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 4", "1 4"]

    static let text = Paint("text", "#1f2937")
    static let muted = Paint("muted", "#6b7280")
    static let grid = Paint("grid", "#e5e7eb")
    static let axis = Paint("axis", "#9ca3af")
    static let background = Paint("bg", "#ffffff")
    static let heat = Paint("heat", "#2563eb")
    static let heatNegative = Paint("heat-negative", "#dc2626")
    static let heatText = Paint("heat-text", "#ffffff")
    static let ink = Paint("ink", "#111827")
    /// The fallback font stack; the theme sets `--kd-chart-font` on `svg.kd-figure`.
    static let font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    static let titleSize = 15.0
    static let labelSize = 13.0
    static let tickSize = 12.0
    /// The largest size a stylesheet may show tick text at (the theme's phone rule: 14):
    /// legend entries, drawn as tick text, are spaced for it so that they never run into
    /// each other when enlarged.
    static let tickRoom = 14.0
    static let valueSize = 11.0

    /// The kinds of text a figure draws, each at its size and with a class naming the kind
    /// (`kd-text-title`, `kd-text-label`, `kd-text-tick`, `kd-text-value`), so a stylesheet
    /// can resize one kind whatever the sizes here are (the theme enlarges titles, ticks and
    /// values on phones).
    enum TextKind: String {
        /// The figure's title.
        case title
        /// Axis titles.
        case label
        /// Tick labels and legend entries.
        case tick
        /// Values on bars and in heatmap cells, image captions.
        case value

        /// The size in px (SVG user units).
        var size: Double {
            switch self {
            case .title: ChartStyle.titleSize
            case .label: ChartStyle.labelSize
            case .tick: ChartStyle.tickSize
            case .value: ChartStyle.valueSize
            }
        }

        var className: String { "kd-text-" + rawValue }
    }

    /// The colour of series `index` (0-based), cycling after eight: paint `s1` … `s8`.
    static func series(_ index: Int) -> Paint {
        let i = index % seriesFallbacks.count
        return Paint("s\(i + 1)", seriesFallbacks[i])
    }

    /// A theme colour: its class suffix (`kd-fill-NAME`, `kd-stroke-NAME`, `kd-stop-NAME`) and
    /// the colour a figure falls back to outside a themed page.
    struct Paint: Equatable {
        let name: String
        let fallback: String

        init(_ name: String, _ fallback: String) {
            self.name = name
            self.fallback = fallback
        }
    }

    /// Attributes that paint an element: one `class` naming each paint's role
    /// (`kd-fill-s1 kd-stroke-bg`) and the fallbacks as presentation attributes. `fill: nil`
    /// with a stroke writes `fill="none"`.
    static func paint(fill: Paint? = nil, stroke: Paint? = nil) -> [(String, String)] {
        var classes: [String] = []
        var attributes: [(String, String)] = []
        if let fill {
            classes.append("kd-fill-" + fill.name)
            attributes.append(("fill", fill.fallback))
        } else if stroke != nil {
            attributes.append(("fill", "none"))
        }
        if let stroke {
            classes.append("kd-stroke-" + stroke.name)
            attributes.append(("stroke", stroke.fallback))
        }
        return [("class", classes.joined(separator: " "))] + attributes
    }

    /// Attributes of a gradient stop in `paint` at `opacity`.
    static func stop(_ paint: Paint, opacity: Double) -> [(String, String)] {
        [("class", "kd-stop-" + paint.name), ("stop-color", paint.fallback), ("stop-opacity", svgNumber(opacity))]
    }

    /// Attributes of text of `kind` in `colour`, optionally bold-ish (`weight`): the paint's
    /// class and the kind's (`kd-fill-text kd-text-title`), then `font-size`. Text drawn
    /// smaller than its kind (`size`: heatmap values shrunk to fit their cells) gets no kind
    /// class, since a stylesheet resizing the kind would undo the fit.
    static func font(_ kind: TextKind, size: Double? = nil, colour: Paint, weight: String? = nil) -> [(String, String)]
    {
        let size = size ?? kind.size
        var attributes = paint(fill: colour)  // its `class` first
        if size == kind.size { attributes[0].1 += " " + kind.className }
        attributes.append(("font-size", svgNumber(size)))
        if let weight { attributes.append(("font-weight", weight)) }
        return attributes
    }

    /// An estimate of the width of `text` at `size`, erring wide: per-character advances in em
    /// close to DejaVu Sans (the widest of the usual UI fonts, and Chromium's on Linux),
    /// grouped coarsely (narrow, punctuation, digits, capitals, wide, other).
    static func textWidth(_ text: String, size: Double) -> Double {
        var em = 0.0
        for c in text.unicodeScalars {
            switch c {
            case "i", "j", "l", "I", "!", "|", ".", ",", ":", ";", "'": em += 0.3
            case " ": em += 0.32
            case "f", "t", "r", "(", ")", "[", "]", "-", "/": em += 0.42
            case "0"..."9", "$", "+", "=", "<", ">", "#", "_", "?": em += 0.64
            case "m", "w", "M", "W", "%", "@": em += 0.95
            case "A"..."Z": em += 0.72
            default: em += c.value < 0x80 ? 0.6 : 0.66
            }
        }
        return em * size
    }
}
