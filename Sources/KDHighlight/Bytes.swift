/// ASCII names and byte classes used by the lexers.
extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let backtick = UInt8(ascii: "`")
    static let hash = UInt8(ascii: "#")
    static let dollar = UInt8(ascii: "$")
    static let at = UInt8(ascii: "@")
    static let slash = UInt8(ascii: "/")
    static let backslash = UInt8(ascii: "\\")
    static let star = UInt8(ascii: "*")
    static let dot = UInt8(ascii: ".")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let underscore = UInt8(ascii: "_")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let ampersand = UInt8(ascii: "&")
    static let zero = UInt8(ascii: "0")
    static let e = UInt8(ascii: "e")
    static let E = UInt8(ascii: "E")
    static let p = UInt8(ascii: "p")
    static let P = UInt8(ascii: "P")
    static let u = UInt8(ascii: "u")

    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isHexDigit: Bool { isDigit || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66) }
    var isASCIILetter: Bool { self | 0x20 >= 0x61 && self | 0x20 <= 0x7A }
    var isUppercase: Bool { self >= 0x41 && self <= 0x5A }
    var isIdentifierStart: Bool { isASCIILetter || self == .underscore || self >= 0x80 }
    var isIdentifierContinue: Bool { isIdentifierStart || isDigit }
    var isSpaceOrTab: Bool { self == .space || self == .tab }

    /// The radix a letter after `0` selects (`x` 16, `o` 8, `b` 2), or nil.
    var radixLetter: Int? {
        switch self | 0x20 {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    func isDigit(radix: Int) -> Bool {
        switch radix {
        case 16: isHexDigit
        case 8: self >= 0x30 && self <= 0x37
        case 2: self == 0x30 || self == 0x31
        default: isDigit
        }
    }
}
