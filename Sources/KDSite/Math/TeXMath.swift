import KDMarkdown
import KDMath

/// KDMath behind the render seam: TeX → MathML Core at build time, no JavaScript.
/// `RenderPlugins(math: TeXMath())`.
public struct TeXMath: MathRendering {
    public init() {}

    public func render(tex: String, display: Bool) throws -> String {
        try MathML.render(tex, display: display)
    }
}

extension TeXError {
    /// Where this error points in the page body: the formula's source `tex` is found in the
    /// body from the start of its span (delimiters and any trimmed whitespace skipped), and the
    /// error's byte offset is counted from there. When the source was not kept verbatim (a
    /// formula inside a block quote), the span's start is the best position there is.
    func position(inSpan span: SourceRange, tex: String, body: String) -> SourceLocation {
        let bytes = Array(body.utf8)
        guard let spanStart = Self.offset(of: span.start, in: bytes),
              let texStart = Self.firstIndex(of: Array(tex.utf8), in: bytes, from: spanStart)
        else { return span.start }
        var location = span.start
        for byte in bytes[spanStart..<min(texStart + offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                location.line += 1
                location.column = 1
            } else {
                location.column += 1
            }
        }
        return location
    }

    /// The byte offset of a 1-based line and byte column.
    private static func offset(of location: SourceLocation, in bytes: [UInt8]) -> Int? {
        var line = 1
        var index = 0
        while line < location.line {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            index = newline + 1
            line += 1
        }
        let offset = index + location.column - 1
        return offset <= bytes.count ? offset : nil
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= bytes.count - start else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}
