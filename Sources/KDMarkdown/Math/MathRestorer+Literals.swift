// Placeholders that cmark put into a literal rather than a text node — a code block or raw
// HTML around a formula the lifter could not tell apart, a URL — become their source bytes.

extension MathRestorer {
    mutating func restoreLiterals(in kind: inout Node.Kind, lines: ClosedRange<Int>) {
        switch kind {
        case .codeBlock(let info, let literal):
            kind = .codeBlock(info: restoring(info, lines: lines), literal: restoring(literal, lines: lines))
        case .htmlBlock(let html):
            kind = .htmlBlock(restoring(html, lines: lines))
        case .code(let code):
            kind = .code(restoring(code, lines: lines))
        case .htmlInline(let html):
            kind = .htmlInline(restoring(html, lines: lines))
        case .link(let destination, let title):
            kind = .link(destination: restoring(destination, lines: lines), title: restoring(title, lines: lines))
        case .image(let source, let title):
            kind = .image(source: restoring(source, lines: lines), title: restoring(title, lines: lines))
        default:
            break
        }
    }

    /// `literal` with each placeholder replaced by the source bytes it stands for.
    mutating func restoring(_ literal: String, lines: ClosedRange<Int>) -> String {
        guard literal.utf8.contains(where: MathPlaceholder.isBody) else { return literal }
        let bytes = Array(literal.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var p = 0
        while let (offset, first, single) = Self.nextPlaceholder(in: bytes[p...]) {
            let start = p + offset
            out.append(contentsOf: bytes[p..<start])
            guard let index = candidate(first: bytes[start..<(start + first)], single: single, lines: lines) else {
                out.append(contentsOf: bytes[start..<(start + first)])
                p = start + first
                continue
            }
            used[index] = true
            let span = lifted.spans[index]
            out.append(contentsOf: lifted.source[span.fragments[0]])
            p = start + first
            // Later fragments: whatever cmark kept between lines, then the fragment's bytes.
            for fragment in span.fragments.dropFirst() {
                while p < bytes.count, !MathPlaceholder.isBody(bytes[p]), bytes[p] != .dollar {
                    out.append(bytes[p])
                    p += 1
                }
                guard p + fragment.count <= bytes.count else { break }
                out.append(contentsOf: lifted.source[fragment])
                p += fragment.count
            }
        }
        out.append(contentsOf: bytes[p...])
        return String(decoding: out.filter { !MathPlaceholder.isBody($0) }, as: UTF8.self)
    }
}

extension Node.Kind {
    /// Paragraphs, headings and table cells: the blocks whose children are inlines.
    var holdsInlines: Bool {
        switch self {
        case .paragraph, .heading, .tableCell: return true
        default: return false
        }
    }

    /// Inlines that hold inlines: emphasis, links and the like.
    var isInlineContainer: Bool {
        switch self {
        case .emphasis, .strong, .strikethrough, .link, .image: return true
        default: return false
        }
    }
}
