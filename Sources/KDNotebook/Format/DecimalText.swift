import Foundation

/// Locale-free, deterministic number text: the same digits on every machine and run, a `.`
/// decimal point, `,` thousands separators when asked, and `-` only before a non-zero value.
///
/// Rounding: the value is multiplied by 10^digits in `Double` arithmetic and the product
/// rounded half away from zero, so 0.125 and 2.675 with two digits give "0.13" and "2.68"
/// (as a person rounds the literal), while 1.005, whose product is 100.49999999999999,
/// gives "1.00". Same input, same text, on every machine.
public enum DecimalText {
    /// `value` with exactly `digits` digits after the point (none and no point when 0).
    /// Non-finite values are "nan", "inf", "-inf".
    public static func fixed(_ value: Double, digits: Int, grouping: Bool = false) -> String {
        precondition(digits >= 0 && digits <= 17, "digits must be in 0...17, got \(digits)")
        if let special = nonFinite(value) { return special }
        let scale = power10(digits)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return large(value, digits: digits, grouping: grouping) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        var whole = String(units / divisor)
        if grouping { whole = group(whole) }
        let sign = value < 0 && units != 0 ? "-" : ""
        guard digits > 0 else { return sign + whole }
        let fraction = String(units % divisor)
        return sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// `value` as `m.mmm` × 10^e written `1.23e-4` (`digits` after the mantissa's point;
    /// the exponent has no `+` and no padding). Zero is "0" followed by the digits: "0.00e0".
    public static func scientific(_ value: Double, digits: Int) -> String {
        if let special = nonFinite(value) { return special }
        guard value != 0 else { return fixed(0, digits: digits) + "e0" }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value / power10(exponent)
        if abs(mantissa) >= 10 { mantissa /= 10; exponent += 1 }
        if abs(mantissa) < 1 { mantissa *= 10; exponent -= 1 }
        var text = fixed(mantissa, digits: digits)
        if text.hasPrefix("10") || text.hasPrefix("-10") {
            exponent += 1
            text = fixed(mantissa / 10, digits: digits)
        }
        return text + "e" + String(exponent)
    }

    /// Inserts `,` every three digits from the right: "1234567" → "1,234,567".
    public static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// Removes trailing zeros after the point, and the point if nothing is left: "12.50" → "12.5".
    public static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.last == "0" { t = t.dropLast() }
        if t.last == "." { t = t.dropLast() }
        return t == "-0" ? "0" : String(t)
    }

    /// 10^n for n in a small range, exactly where the double can hold it.
    static func power10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(n) { result *= 10 }
        return n >= 0 ? result : 1 / result
    }

    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    /// Beyond 2^53 the digits after the point are noise: the whole part is written exactly
    /// and the fraction as zeros; beyond UInt64, scientific notation.
    private static func large(_ value: Double, digits: Int, grouping: Bool) -> String {
        guard abs(value) < 1.8e19 else { return scientific(value, digits: max(digits, 2)) }
        var whole = String(UInt64(abs(value).rounded()))
        if grouping { whole = group(whole) }
        let sign = value < 0 ? "-" : ""
        return sign + whole + (digits > 0 ? "." + String(repeating: "0", count: digits) : "")
    }
}
