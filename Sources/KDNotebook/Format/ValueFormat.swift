/// How a number is written in prose (`{{ kd.name }}`), tables and chart labels.
///
/// | format | value | text |
/// | --- | --- | --- |
/// | `.plain` (default) | `1797`, `0.981 as Float`, `"int8"` | `1797`, `0.981`, `int8` (Swift's shortest form) |
/// | `.fixed(digits: 2)` | `3.14159` | `3.14` |
/// | `.fixed(digits: 1, grouping: true)` | `12345.6` | `12,345.6` |
/// | `.percent(digits: 1)` | `0.9812` (a fraction) | `98.1%` |
/// | `.integer` | `1234567.4` | `1,234,567` (rounded, `,` every three digits) |
/// | `.bytes` / `.bytes(digits: 2)` | `3277` | `3.2 KB` / `3.20 KB` |
/// | `.scientific(digits: 2)` | `0.000123` | `1.23e-4` |
///
/// `.bytes`: below 1,024 the count of bytes as an integer (`512 B`); from there the largest
/// unit of KB, MB, GB, TB (1 KB = 1,024 B, as microcontroller datasheets count flash and
/// RAM) under which the value is at least 1, with `digits` digits (one by default); a value
/// that rounds up to 1,024 of a unit moves to the next unit (`1.0 MB`, not `1024.0 KB`).
///
/// Rounding is half away from zero; no locale is involved (see `DecimalText`). A `String`
/// is written as is whatever the format.
public struct ValueFormat: Codable, Sendable, Hashable {
    /// The kind of format.
    public enum Style: String, Codable, Sendable {
        case plain, fixed, percent, integer, bytes, scientific
    }

    public var style: Style
    /// Digits after the decimal point (fixed, percent, bytes, scientific); 0 otherwise.
    public var digits: Int
    /// Whether the whole part gets `,` separators (always for `.integer`).
    public var grouping: Bool

    public init(style: Style, digits: Int = 0, grouping: Bool = false) {
        precondition(digits >= 0 && digits <= 12, "a format's digits must be in 0...12, got \(digits)")
        self.style = style
        self.digits = digits
        self.grouping = grouping || style == .integer
    }

    /// Swift's own shortest text for the value (`Int` as is, `0.1` for 0.1).
    public static let plain = ValueFormat(style: .plain)
    /// The value rounded to an integer with thousands separators: `1,234,567`.
    public static let integer = ValueFormat(style: .integer)
    /// A byte count in B, KB, MB, GB with one digit: `3.2 KB`.
    public static let bytes = ValueFormat(style: .bytes, digits: 1)

    /// `digits` digits after the point: `.fixed(digits: 2)` writes 3.14159 as `3.14`.
    public static func fixed(digits: Int, grouping: Bool = false) -> ValueFormat {
        ValueFormat(style: .fixed, digits: digits, grouping: grouping)
    }

    /// A fraction as a percentage: `.percent(digits: 1)` writes 0.9812 as `98.1%`.
    public static func percent(digits: Int) -> ValueFormat {
        ValueFormat(style: .percent, digits: digits)
    }

    /// A byte count with `digits` digits in its unit: `.bytes(digits: 2)` writes 3277 as `3.20 KB`.
    public static func bytes(digits: Int) -> ValueFormat {
        ValueFormat(style: .bytes, digits: digits)
    }

    /// Scientific notation: `.scientific(digits: 2)` writes 0.000123 as `1.23e-4`.
    public static func scientific(digits: Int) -> ValueFormat {
        ValueFormat(style: .scientific, digits: digits)
    }

    /// The same style with other digits (axis ticks choose their own).
    func with(digits: Int) -> ValueFormat {
        ValueFormat(style: style, digits: digits, grouping: grouping)
    }
}

extension ValueFormat {
    /// The text of `value` in this format.
    public func text(_ value: NotebookScalar) -> String {
        switch (style, value) {
        case (_, .string(let s)): s
        case (_, .bool(let b)): b ? "true" : "false"
        case (.plain, .int(let i)): String(i)
        case (.plain, .float(let f)): f.description
        case (.plain, .double(let d)): d.description
        default: text(value.doubleValue ?? .nan)
        }
    }

    /// The text of a number in this format (`.plain` uses `Double.description`).
    public func text(_ value: Double) -> String {
        switch style {
        case .plain: value.description
        case .fixed: DecimalText.fixed(value, digits: digits, grouping: grouping)
        case .percent: DecimalText.fixed(value * 100, digits: digits, grouping: grouping) + "%"
        case .integer: DecimalText.fixed(value, digits: 0, grouping: true)
        case .scientific: DecimalText.scientific(value, digits: digits)
        case .bytes: Self.bytesText(value, digits: digits, grouping: grouping)
        }
    }

    private static func bytesText(_ value: Double, digits: Int, grouping: Bool) -> String {
        guard value.isFinite else { return DecimalText.fixed(value, digits: 0) }
        if abs(value) < 1024 {
            return DecimalText.fixed(value, digits: 0, grouping: grouping) + " B"
        }
        let units = ["KB", "MB", "GB", "TB"]
        var scaled = value / 1024
        var unit = 0
        while unit < units.count - 1 {
            let rounded = Double(DecimalText.fixed(abs(scaled), digits: digits)) ?? abs(scaled)
            if rounded < 1024 { break }
            scaled /= 1024
            unit += 1
        }
        return DecimalText.fixed(scaled, digits: digits, grouping: grouping) + " " + units[unit]
    }
}
