/// Lifts math out of Markdown before cmark parses it, so `_` and `*` inside a formula are never
/// emphasis.
///
/// One pass over the lines groups them into runs that cmark will parse as one inline content
/// (paragraph lines, a heading, a table row), skipping fenced code; the
/// ``InlineMathScanner`` finds the formulas in each run; each formula is overwritten in a copy
/// of the text by a placeholder of exactly the same bytes on every line (see
/// ``MathPlaceholder``), so every source position cmark reports is still a source position.
/// The ``MathRestorer`` turns placeholders back into `.math` nodes after parsing.
enum MathLifter {
    static func lift(_ source: [UInt8]) -> LiftedText {
        var masked = source
        var spans: [MathSpan] = []
        source.withUnsafeBufferPointer { src in
            var state = State(src: src)
            var start = 0
            var number = 1
            while start < src.count {
                let line = LineShape(number: number, at: start, in: src)
                state.take(line)
                start = line.next
                number += 1
            }
            state.flush()
            spans = state.spans
        }
        // Control bytes an author typed would read as placeholders (and have no place in
        // HTML): they become spaces.
        for i in masked.indices where MathPlaceholder.isBody(masked[i]) { masked[i] = .space }
        for span in spans { MathPlaceholder.write(span, into: &masked) }
        return LiftedText(source: source, masked: masked, spans: spans)
    }

    /// The line grouping: the current run, an open fence, whether the lines are table rows.
    struct State {
        let src: UnsafeBufferPointer<UInt8>
        var run: [LineShape] = []
        var fence: (char: UInt8, length: Int, quoteDepth: Int)?
        var inTable = false
        var spans: [MathSpan] = []

        init(src: UnsafeBufferPointer<UInt8>) { self.src = src }

        mutating func take(_ line: LineShape) {
            if let open = fence {
                if line.quoteDepth >= open.quoteDepth {
                    if case .fence(open.char, let length, false) = line.kind, length >= open.length {
                        fence = nil
                    }
                    return
                }
                fence = nil  // the fence's block quote ended, and the fence with it
            }
            switch line.kind {
            case .blank, .barrier:
                flush()
                inTable = false
            case .fence(let char, let length, _):
                flush()
                inTable = false
                fence = (char, length, line.quoteDepth)
            case .heading:
                flush()
                inTable = false
                scan([line], tableRow: false)
            case .tableDelimiter where !inTable && !run.isEmpty && !line.hasListMarker:
                let header = run.removeLast()
                flush()
                scan([header], tableRow: true)
                inTable = true
            case .referenceDefinition where run.isEmpty:
                return  // a link reference definition: its URL and title are not prose
            case .tableDelimiter, .referenceDefinition, .text:
                if inTable {
                    scan([line], tableRow: true)
                    return
                }
                if let first = run.first, line.hasListMarker || line.quoteDepth > first.quoteDepth {
                    flush()
                }
                run.append(line)
            }
        }

        mutating func flush() {
            guard !run.isEmpty else { return }
            scan(run, tableRow: false)
            run.removeAll(keepingCapacity: true)
        }

        mutating func scan(_ lines: [LineShape], tableRow: Bool) {
            // Most runs have no math: look for a starting byte before setting up a scanner.
            var any = false
            for line in lines where !any {
                for i in line.contentStart..<line.end where src[i] == .dollar || src[i] == .backslash {
                    any = true
                    break
                }
            }
            guard any else { return }
            var scanner = InlineMathScanner(src: src, lines: lines, isTableRow: tableRow)
            for found in scanner.scan() {
                spans.append(span(found, lines: lines, tableRow: tableRow))
            }
        }

        func span(_ f: InlineMathScanner.Found, lines: [LineShape], tableRow: Bool) -> MathSpan {
            var fragments: [Range<Int>] = []
            for i in f.startLine...f.endLine {
                let from = i == f.startLine ? f.start : lines[i].contentStart
                let to = i == f.endLine ? f.end : lines[i].end
                fragments.append(from..<to)
            }
            var body: [UInt8] = []
            for (i, fragment) in fragments.enumerated() {
                if i > 0 { body.append(.newline) }
                body.append(contentsOf: src[fragment])
            }
            let length = f.delimiter.openLength
            var tex = body[length..<(body.count - length)]
            while let first = tex.first, first.isMarkdownSpace { tex.removeFirst() }
            while let last = tex.last, last.isMarkdownSpace { tex.removeLast() }
            var texBytes = Array(tex)
            if tableRow { texBytes = Self.unescapingPipes(texBytes) }

            let startLine = lines[f.startLine]
            let endLine = lines[f.endLine]
            let range = SourceRange(
                start: SourceLocation(line: startLine.number, column: f.start - startLine.start + 1),
                end: SourceLocation(line: endLine.number, column: f.end - endLine.start + 1)
            )
            let digits = MathPlaceholder.digitCount(
                firstFragmentLength: fragments[0].count, single: fragments.count == 1)
            return MathSpan(
                tex: String(decoding: texBytes, as: UTF8.self),
                display: f.delimiter.display,
                range: range,
                fragments: fragments,
                code: MathPlaceholder.code(index: spans.count, digits: digits)
            )
        }

        /// GFM tables unescape `\|` in cells before anything else.
        static func unescapingPipes(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == .backslash, i + 1 < bytes.count, bytes[i + 1] == .pipe {
                    i += 1
                }
                out.append(bytes[i])
                i += 1
            }
            return out
        }
    }
}
