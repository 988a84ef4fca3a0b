/// Puts lifted math back into the tree cmark built from the masked text: a placeholder in a
/// text node becomes a `.math` node; one in a literal (code, raw HTML, a URL) becomes its
/// source bytes again, so those read exactly as authored. A paragraph holding nothing but one
/// display formula becomes that formula, as a block.
///
/// A placeholder names its formula by the digits it carries (see ``MathPlaceholder``); the
/// candidates are the formulas that start within the enclosing block's lines, in order, so the
/// few digits of a short `$x$` are enough.
struct MathRestorer {
    let lifted: LiftedText
    var used: [Bool]

    init(_ lifted: LiftedText) {
        self.lifted = lifted
        used = [Bool](repeating: false, count: lifted.spans.count)
    }

    /// Restores `node` and its descendants; `lines` are the lines of the nearest block.
    mutating func restore(_ node: inout Node, lines: ClosedRange<Int>) {
        var lines = lines
        // Inline ranges can be off in cmark; a block's lines are not.
        if let range = node.range, !node.kind.isInlineKind {
            lines = range.start.line...max(range.start.line, range.end.line)
        }
        restoreLiterals(in: &node.kind, lines: lines)
        if node.kind.holdsInlines || node.kind.isInlineContainer {
            node.children = restoreInlines(node.children, lines: lines)
        } else {
            for i in node.children.indices { restore(&node.children[i], lines: lines) }
        }
        if node.kind == .paragraph, let math = Self.loneDisplayMath(node.children) {
            node = math
        }
    }

    /// The display formula a paragraph consists of, if it holds nothing else but breaks.
    static func loneDisplayMath(_ children: [Node]) -> Node? {
        var found: Node?
        for child in children {
            switch child.kind {
            case .math(_, true) where found == nil:
                found = child
            case .softBreak, .lineBreak:
                continue
            case .text(let s) where s.utf8.allSatisfy({ $0.isMarkdownSpace }):
                continue
            default:
                return nil
            }
        }
        return found
    }

    // MARK: - Inlines

    /// `children` with every placeholder in their text turned into `.math`.
    mutating func restoreInlines(_ children: [Node], lines: ClosedRange<Int>) -> [Node] {
        var out: [Node] = []
        out.reserveCapacity(children.count)
        var i = 0
        while i < children.count {
            var child = children[i]
            i += 1
            guard case .text(let text) = child.kind, text.utf8.contains(where: MathPlaceholder.isBody) else {
                restore(&child, lines: lines)
                out.append(child)
                continue
            }
            var bytes = Array(text.utf8)
            var range = child.range
            while true {
                guard let (start, first, single) = Self.nextPlaceholder(in: bytes),
                    let index = candidate(first: bytes[start..<(start + first)], single: single, lines: lines)
                else {
                    Self.appendText(bytes, range: range, to: &out)
                    break
                }
                let span = lifted.spans[index]
                var rest: ArraySlice<UInt8> = bytes[(start + first)...]
                var restRange = range
                if !single {
                    // The formula goes on in the text nodes after each soft break.
                    guard let (after, lastRange) = consumeContinuation(of: span, in: children, from: &i) else {
                        Self.appendText(bytes, range: range, to: &out)
                        break
                    }
                    rest = after
                    restRange = lastRange
                }
                used[index] = true
                if start > 0 {
                    let before = range.map { SourceRange(start: $0.start, end: span.range.start) }
                    Self.appendText(Array(bytes[..<start]), range: before, to: &out)
                }
                out.append(Node(.math(tex: span.tex, display: span.display), range: span.range))
                range = restRange.map { SourceRange(start: span.range.end, end: max(span.range.end, $0.end)) }
                if rest.isEmpty { break }
                bytes = Array(rest)
            }
        }
        return out
    }

    /// Consumes `softBreak, text` pairs that carry the span's later fragments; returns what
    /// follows the last fragment in its text node, and that node's range.
    func consumeContinuation(of span: MathSpan, in children: [Node], from i: inout Int)
        -> (ArraySlice<UInt8>, SourceRange?)?
    {
        var j = i
        for k in 1..<span.fragments.count {
            guard j + 1 < children.count, children[j].kind == .softBreak,
                case .text(let text) = children[j + 1].kind
            else { return nil }
            let bytes = Array(text.utf8)
            let length = span.fragments[k].count
            let isLast = k == span.fragments.count - 1
            guard bytes.count >= length,
                bytes[..<(isLast ? length - 1 : length)].allSatisfy(MathPlaceholder.isBody),
                !isLast || bytes[length - 1] == .dollar,
                isLast || bytes.count == length
            else { return nil }
            j += 2
            if isLast {
                i = j
                return (bytes[length...], children[j - 1].range)
            }
        }
        return nil
    }

    static func appendText(_ bytes: [UInt8], range: SourceRange?, to out: inout [Node]) {
        let clean = bytes.filter { !MathPlaceholder.isBody($0) }
        guard !clean.isEmpty else { return }
        out.append(Node(.text(String(decoding: clean, as: UTF8.self)), range: range))
    }

    /// The first placeholder in `bytes`: where its `$` is, how long its first fragment is, and
    /// whether it is whole (`$…$`) rather than the first line of a longer formula.
    static func nextPlaceholder<C: RandomAccessCollection>(in bytes: C) -> (Int, Int, Bool)?
    where C.Element == UInt8, C.Index == Int {
        var p = bytes.startIndex
        while p + 1 < bytes.endIndex {
            guard bytes[p] == .dollar, MathPlaceholder.isBody(bytes[p + 1]) else {
                p += 1
                continue
            }
            var q = p + 1
            while q < bytes.endIndex, MathPlaceholder.isBody(bytes[q]) { q += 1 }
            if q < bytes.endIndex, bytes[q] == .dollar { return (p - bytes.startIndex, q + 1 - p, true) }
            if q == bytes.endIndex || bytes[q] == .newline { return (p - bytes.startIndex, q - p, false) }
            p = q
        }
        return nil
    }

    /// The unused span a placeholder's first fragment names, looked for among the spans that
    /// start within `lines`, then anywhere.
    func candidate(first: ArraySlice<UInt8>, single: Bool, lines: ClosedRange<Int>) -> Int? {
        let digits = MathPlaceholder.digitCount(firstFragmentLength: first.count, single: single)
        let code = MathPlaceholder.decode(first.dropFirst(), digits: digits)
        func matches(_ i: Int) -> Bool {
            let span = lifted.spans[i]
            return !used[i] && span.code == code && span.fragments[0].count == first.count
                && (span.fragments.count == 1) == single
        }
        var low = 0
        var high = lifted.spans.count
        while low < high {
            let mid = (low + high) / 2
            if lifted.spans[mid].range.start.line < lines.lowerBound { low = mid + 1 } else { high = mid }
        }
        var i = low
        while i < lifted.spans.count, lifted.spans[i].range.start.line <= lines.upperBound {
            if matches(i) { return i }
            i += 1
        }
        return lifted.spans.indices.first(where: matches)
    }
}
