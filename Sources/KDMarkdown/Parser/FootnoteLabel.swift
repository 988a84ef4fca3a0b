/// Reads footnote labels from the source: cmark-gfm resolves `[^label]` but keeps the label of a
/// definition to itself, so the bridge asks for the `[^label]:` on the definition's first line.
enum FootnoteLabel {
    /// The label of the first `[^label]` on each of `lines` (1-based, in any order: cmark
    /// orders definitions by first reference), or the definition's 1-based number where the
    /// line holds none.
    static func labels(onLines lines: [Int], in text: [UInt8]) -> [String] {
        var labels = lines.indices.map { String($0 + 1) }
        var line = 1
        var start = 0
        for index in lines.indices.sorted(by: { lines[$0] < lines[$1] }) {
            while line < lines[index], start < text.count {
                if text[start] == .newline { line += 1 }
                start += 1
            }
            if let label = label(onLineAt: start, in: text) { labels[index] = label }
        }
        return labels
    }

    static func label(onLineAt start: Int, in text: [UInt8]) -> String? {
        var p = start
        while p + 1 < text.count, text[p] != .newline {
            if text[p] == .leftBracket, text[p + 1] == .caret {
                var q = p + 2
                while q < text.count, text[q] != .rightBracket, text[q] != .newline { q += 1 }
                guard q < text.count, text[q] == .rightBracket, q > p + 2 else { return nil }
                return String(decoding: text[(p + 2)..<q], as: UTF8.self)
            }
            p += 1
        }
        return nil
    }
}
