/// One `static const` array of the exported weights header.
public struct CArray: Sendable, Equatable {
    public enum Element: String, Sendable {
        case int8 = "int8_t", int32 = "int32_t", float = "float", double = "double"

        public var size: Int {
            switch self {
            case .int8: 1
            case .int32, .float: 4
            case .double: 8
            }
        }
    }

    public var name: String
    public var element: Element
    /// The initializers, already formatted as C literals.
    public var literals: [String]

    /// The bytes the array occupies in flash.
    public var byteCount: Int { element.size * literals.count }

    init(_ name: String, int8 values: [Int8]) {
        self.name = name
        element = .int8
        literals = values.map { String($0) }
    }

    init(_ name: String, int32 values: [Int32]) {
        self.name = name
        element = .int32
        literals = values.map(CLiteral.int32)
    }

    init(_ name: String, float values: [Float]) {
        self.name = name
        element = .float
        literals = values.map(CLiteral.float)
    }

    init(_ name: String, double values: [Double]) {
        self.name = name
        element = .double
        literals = values.map(CLiteral.double)
    }

    /// `static const KD_ALIGN16 int8_t name[n] = { … };`, 16 values a line.
    var declaration: String {
        var text = "static const KD_ALIGN16 \(element.rawValue) \(name)[\(literals.count)] = {\n"
        var index = 0
        while index < literals.count {
            let line = literals[index..<min(index + 16, literals.count)].joined(separator: ", ")
            index += 16
            text += "    " + line + (index < literals.count ? ",\n" : "\n")
        }
        return text + "};\n"
    }
}

/// C99 literals that denote exactly the value they come from.
enum CLiteral {
    /// `INT32_MIN` has no literal of type int32_t; every other value is written in decimal.
    static func int32(_ value: Int32) -> String {
        value == Int32.min ? "INT32_MIN" : String(value)
    }

    /// A hexadecimal floating constant (C99 6.4.4.2): exact, unlike decimal, whose conversion
    /// the standard leaves to the implementation. E.g. 0.1f → `0x1.99999ap-4f`.
    static func float(_ value: Float) -> String {
        precondition(value.isFinite, "cannot write a non-finite float")
        if value == 0 { return value.sign == .minus ? "-0.0f" : "0.0f" }
        let sign = value.sign == .minus ? "-" : ""
        if value.isSubnormal {
            let digits = hex(UInt64(value.significandBitPattern) << 1, digits: 6)
            return "\(sign)0x0.\(digits)p-126f"
        }
        let digits = hex(UInt64(value.significandBitPattern) << 1, digits: 6)
        return "\(sign)0x1.\(digits)p\(value.exponent)f"
    }

    static func double(_ value: Double) -> String {
        precondition(value.isFinite, "cannot write a non-finite double")
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let sign = value.sign == .minus ? "-" : ""
        let digits = hex(value.significandBitPattern, digits: 13)
        if value.isSubnormal { return "\(sign)0x0.\(digits)p-1022" }
        return "\(sign)0x1.\(digits)p\(value.exponent)"
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
