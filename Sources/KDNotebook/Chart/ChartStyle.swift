/// The look shared by every figure: CSS custom properties with light-theme fallbacks, font
/// sizes, and a text-width estimate for layout (no font metrics exist at build time).
///
/// Every colour is written `var(--name, fallback)` in a `style` attribute, so a page (or a
/// `[data-theme=dark]` rule) restyles charts by setting the properties; a standalone .svg
/// file uses the fallbacks. docs/notebook.md lists the names and a dark palette.
enum ChartStyle {
    /// Series colours, colour-blind aware, in order; `--kd-series-1` … `--kd-series-8`.
    static let seriesFallbacks = ["#2563eb", "#ea580c", "#059669", "#9333ea", "#dc2626", "#0891b2", "#ca8a04", "#db2777"]
    /// Dash patterns for line series after the first, so lines differ without colour.
    static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 4", "1 4"]

    static let text = "var(--kd-chart-text, #1f2937)"
    static let muted = "var(--kd-chart-muted, #6b7280)"
    static let grid = "var(--kd-chart-grid, #e5e7eb)"
    static let axis = "var(--kd-chart-axis, #9ca3af)"
    static let background = "var(--kd-chart-bg, #ffffff)"
    static let heat = "var(--kd-chart-heat, #2563eb)"
    static let heatNegative = "var(--kd-chart-heat-negative, #dc2626)"
    static let heatText = "var(--kd-chart-heat-text, #ffffff)"
    static let ink = "var(--kd-digit-ink, #111827)"
    static let font = "var(--kd-chart-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif)"

    static let titleSize = 15.0
    static let labelSize = 13.0
    static let tickSize = 12.0
    static let valueSize = 11.0

    /// The colour of series `index` (0-based), cycling after eight.
    static func series(_ index: Int) -> String {
        let i = index % seriesFallbacks.count
        return "var(--kd-series-\(i + 1), \(seriesFallbacks[i]))"
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
