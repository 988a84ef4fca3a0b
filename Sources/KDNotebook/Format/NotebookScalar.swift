/// A value a snippet exports or puts in a table cell, as it was given: its exact type is
/// kept so `.plain` writes an `Int` as `1797` and a `Float` as `0.981` (not 0.98100000619…).
///
/// JSON form: `{"type": "int", "value": 1797}`, with `type` one of `int`, `float`,
/// `double`, `string`, `bool`; non-finite numbers are the strings `"nan"`, `"inf"`, `"-inf"`.
public enum NotebookScalar: Sendable, Hashable {
    case int(Int)
    case float(Float)
    case double(Double)
    case string(String)
    case bool(Bool)

    /// The value as a number, or nil for strings and booleans.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .float(let f): Double(f)
        case .double(let d): d
        case .string, .bool: nil
        }
    }
}

extension NotebookScalar: Codable {
    private enum CodingKeys: String, CodingKey { case type, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "int": self = .int(try c.decode(Int.self, forKey: .value))
        case "float": self = .float(try c.decode(Float.self, forKey: .value))
        case "double": self = .double(try c.decode(Double.self, forKey: .value))
        case "string": self = .string(try c.decode(String.self, forKey: .value))
        case "bool": self = .bool(try c.decode(Bool.self, forKey: .value))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "unknown scalar type '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .int(let i): try c.encode("int", forKey: .type); try c.encode(i, forKey: .value)
        case .float(let f): try c.encode("float", forKey: .type); try c.encode(f, forKey: .value)
        case .double(let d): try c.encode("double", forKey: .type); try c.encode(d, forKey: .value)
        case .string(let s): try c.encode("string", forKey: .type); try c.encode(s, forKey: .value)
        case .bool(let b): try c.encode("bool", forKey: .type); try c.encode(b, forKey: .value)
        }
    }
}

/// A type whose values snippets can export and put in tables: the integers, `Float`,
/// `Double`, `String`, `Substring` and `Bool`.
public protocol NotebookValue {
    var notebookScalar: NotebookScalar { get }
}

extension Int: NotebookValue { public var notebookScalar: NotebookScalar { .int(self) } }
extension Int8: NotebookValue { public var notebookScalar: NotebookScalar { .int(Int(self)) } }
extension Int16: NotebookValue { public var notebookScalar: NotebookScalar { .int(Int(self)) } }
extension Int32: NotebookValue { public var notebookScalar: NotebookScalar { .int(Int(self)) } }
extension Int64: NotebookValue { public var notebookScalar: NotebookScalar { .int(Int(self)) } }
extension UInt8: NotebookValue { public var notebookScalar: NotebookScalar { .int(Int(self)) } }
extension UInt16: NotebookValue { public var notebookScalar: NotebookScalar { .int(Int(self)) } }
extension UInt32: NotebookValue { public var notebookScalar: NotebookScalar { .int(Int(self)) } }
extension UInt: NotebookValue { public var notebookScalar: NotebookScalar { .int(Int(clamping: self)) } }
extension Float: NotebookValue { public var notebookScalar: NotebookScalar { .float(self) } }
extension Double: NotebookValue { public var notebookScalar: NotebookScalar { .double(self) } }
extension String: NotebookValue { public var notebookScalar: NotebookScalar { .string(self) } }
extension Substring: NotebookValue { public var notebookScalar: NotebookScalar { .string(String(self)) } }
extension Bool: NotebookValue { public var notebookScalar: NotebookScalar { .bool(self) } }
