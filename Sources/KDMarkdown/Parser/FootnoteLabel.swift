/// Reads footnote labels from the source: cmark-gfm resolves `[^label]` but keeps the label of a
/// definition to itself, so the bridge asks for the `[^label]:` on the definition's first line.
enum FootnoteLabel {
    /// The label of the first `[^label]` on each of `lines` (1-based, ascending), or the
    /// definition's 1-based number where the line holds none.
    static func labels(onLines lines: [Int], in text: [UInt8]) -> [String] {
        var labels: [String] = []
        labels.reserveCapacity(lines.count)
        var line = 1
        var start = 0
        for (index, wanted) in lines.enumerated() {
            while line < wanted, start < text.count {
                if text[start] == .newline { line += 1 }
                start += 1
            }
            labels.append(label(onLineAt: start, in: text) ?? String(index + 1))
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
