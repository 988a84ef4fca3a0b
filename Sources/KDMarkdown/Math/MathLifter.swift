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
    static func lift(_ text: [UInt8]) -> LiftedText {
        // Control bytes an author typed would read as placeholders (and have no place in
        // HTML): they become spaces before anything else looks at the text.
        var source = text
        if source.contains(where: MathPlaceholder.isBody) {
            for i in source.indices where MathPlaceholder.isBody(source[i]) { source[i] = .space }
        }
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
        for span in spans { MathPlaceholder.write(span, into: &masked) }
        return LiftedText(source: source, masked: masked, spans: spans)
    }

    /// The line grouping: the current run (lines cmark may join into inline content, with
    /// the lines that start a new block marked), an open fence, whether lines are table rows.
    struct State {
        let src: UnsafeBufferPointer<UInt8>
        var run: [LineShape] = []
        var startsBlock: [Bool] = []
        var blockQuoteDepth = 0
        var afterBarrier = false
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
            case .blank:
                flush()
            case .fence(let char, let length, _):
                flush()
                fence = (char, length, line.quoteDepth)
            case .heading:
                flush()
                scan([line], startsBlock: [true], tableRow: false)
            case .tableDelimiter where !inTable && !run.isEmpty && !line.hasListMarker:
                let header = run.removeLast()
                startsBlock.removeLast()
                flush()
                scan([header], startsBlock: [true], tableRow: true)
                inTable = true
            case .referenceDefinition where run.isEmpty:
                return  // a link reference definition: its URL and title are not prose
            case .barrier where run.isEmpty:
                return
            case .barrier:
                // A thematic break or setext underline ends the paragraph; display math may
                // still run across it (`$$ … --- … $$` is one formula).
                append(line, startsBlock: true)
                afterBarrier = true
            case .tableDelimiter, .referenceDefinition, .text:
                if inTable {
                    scan([line], startsBlock: [true], tableRow: true)
                    return
                }
                let starts = run.isEmpty || afterBarrier || line.hasListMarker || line.quoteDepth > blockQuoteDepth
                append(line, startsBlock: starts)
                afterBarrier = false
            }
        }

        mutating func append(_ line: LineShape, startsBlock starts: Bool) {
            if starts { blockQuoteDepth = line.quoteDepth }
            run.append(line)
            startsBlock.append(starts)
        }

        mutating func flush() {
            inTable = false
            afterBarrier = false
            guard !run.isEmpty else { return }
            scan(run, startsBlock: startsBlock, tableRow: false)
            run.removeAll(keepingCapacity: true)
            startsBlock.removeAll(keepingCapacity: true)
        }

        mutating func scan(_ lines: [LineShape], startsBlock: [Bool], tableRow: Bool) {
            // Most runs have no math: look for a starting byte before setting up a scanner.
            var any = false
            for line in lines where !any {
                for i in line.contentStart..<line.end where src[i] == .dollar || src[i] == .backslash {
                    any = true
                    break
                }
            }
            guard any else { return }
            let scanner = InlineMathScanner(src: src, lines: lines, startsBlock: startsBlock, isTableRow: tableRow)
            for found in scanner.scan() {
                spans.append(span(found, lines: lines, tableRow: tableRow))
            }
        }

        func span(_ f: InlineMathScanner.Found, lines: [LineShape], tableRow: Bool) -> MathSpan {
            var fragments: [Range<Int>] = []
            let quoteDepth = lines[f.startLine].quoteDepth
            for i in f.startLine...f.endLine {
                let from = i == f.startLine ? f.start : continuationStart(lines[i], quoteDepth: quoteDepth)
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

        /// Where a formula's text starts on a later line: after the indentation and the `>` of
        /// the block quotes the formula opened in. A list marker there is TeX, not a new item.
        func continuationStart(_ line: LineShape, quoteDepth: Int) -> Int {
            var p = LineShape.skipSpaces(src, from: line.start, to: line.end)
            for _ in 0..<quoteDepth where p < line.end && src[p] == .greaterThan {
                p = LineShape.skipSpaces(src, from: p + 1, to: line.end)
            }
            return p
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
