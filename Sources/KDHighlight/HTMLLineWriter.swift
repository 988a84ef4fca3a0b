/// Turns source bytes and their tokens into one HTML string per source line.
///
/// Every byte of text is escaped (`&`, `<`, `>`). A token that spans lines is closed at the
/// end of each line and reopened on the next, so each line's HTML stands alone and a range of
/// lines can be wrapped or hidden without breaking the markup. No empty span is written. A
/// `\r` before a line break is dropped; a final line break ends the last line rather than
/// starting an empty one.
struct HTMLLineWriter {
    private let bytes: [UInt8]
    private var lines: [String] = []
    private var line: [UInt8] = []
    /// The class of the token being written, opened lazily at its first byte on a line.
    private var currentClass: [UInt8]?
    private var spanOpen = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        line.reserveCapacity(256)
    }

    static func lines(_ bytes: [UInt8], tokens: [Token]) -> [String] {
        var writer = HTMLLineWriter(bytes)
        var position = 0
        let classes = Dictionary(uniqueKeysWithValues: TokenKind.allCases.map { ($0, Array($0.cssClass.utf8)) })
        for token in tokens where token.range.lowerBound >= position {
            writer.write(position..<token.range.lowerBound, cssClass: nil)
            writer.write(token.range, cssClass: classes[token.kind])
            position = token.range.upperBound
        }
        writer.write(position..<bytes.count, cssClass: nil)
        if !writer.line.isEmpty || (bytes.last != nil && bytes.last != .newline) {
            writer.endLine()
        }
        return writer.lines
    }

    private mutating func write(_ range: Range<Int>, cssClass: [UInt8]?) {
        currentClass = cssClass
        var i = range.lowerBound
        while i < range.upperBound {
            // Copy the run up to the next byte that needs care in one go.
            var j = i
            while j < range.upperBound {
                let b = bytes[j]
                if b == .newline || b == .carriageReturn || b == .ampersand || b == .lessThan || b == .greaterThan {
                    break
                }
                j += 1
            }
            if j > i {
                openSpanIfNeeded()
                line.append(contentsOf: bytes[i..<j])
            }
            guard j < range.upperBound else { break }
            switch bytes[j] {
            case .newline:
                endLine()
            case .carriageReturn where j + 1 < bytes.count && bytes[j + 1] == .newline:
                break
            case .ampersand:
                openSpanIfNeeded()
                line.append(contentsOf: "&amp;".utf8)
            case .lessThan:
                openSpanIfNeeded()
                line.append(contentsOf: "&lt;".utf8)
            case .greaterThan:
                openSpanIfNeeded()
                line.append(contentsOf: "&gt;".utf8)
            default:
                openSpanIfNeeded()
                line.append(bytes[j])
            }
            i = j + 1
        }
        closeSpan()
    }

    private mutating func openSpanIfNeeded() {
        if let cssClass = currentClass, !spanOpen {
            line.append(contentsOf: "<span class=\"".utf8)
            line.append(contentsOf: cssClass)
            line.append(contentsOf: "\">".utf8)
            spanOpen = true
        }
    }

    private mutating func closeSpan() {
        if spanOpen {
            line.append(contentsOf: "</span>".utf8)
            spanOpen = false
        }
    }

    private mutating func endLine() {
        closeSpan()
        lines.append(String(decoding: line, as: UTF8.self))
        line.removeAll(keepingCapacity: true)
    }
}
