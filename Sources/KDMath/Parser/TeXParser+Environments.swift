// `\begin{name} … \end{name}`: rows of cells separated by `&` and `\\`.
extension TeXParser {
    mutating func parseEnvironment(at start: Int) throws(TeXError) -> Atom {
        let (name, nameOffset) = try readEnvironmentName(after: "begin", at: start)
        guard let environment = CommandTable.environments[name] else {
            throw error("unknown environment '\(name)'", suggestion: Suggestion.environment(for: name), at: nameOffset)
        }
        let columns = environment.layout == .array ? try readColumnSpec(at: start) : []
        environmentDepth += 1
        defer { environmentDepth -= 1 }

        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        var lines: Set<Int> = []
        try readRules(into: &lines, row: 0)
        while true {
            let atoms = try parseAtoms(until: .cell(start, name))
            let afterOrdinary = environment.startsAfterOrdinary(column: cells.count)
            cells.append(.grouped(RowBuilder.nodes(atoms, afterOrdinary: afterOrdinary)))
            let separator = position
            if current == UInt8(ascii: "&") {
                position += 1
                if let max = environment.maxColumns, cells.count >= max {
                    throw error("more than \(max) column\(max == 1 ? "" : "s") in '\(name)'", at: separator)
                }
                continue
            }
            let command = try readCommandName()
            if command == "end" {
                let (endName, _) = try readEnvironmentName(after: "end", at: separator)
                guard endName == name else {
                    throw error(
                        "'\\end{\(endName)}' does not match '\\begin{\(name)}'", suggestion: "\\end{\(name)}",
                        at: separator)
                }
                // A `\\` before `\end` ends the last row; it does not start an empty one.
                if !(cells.count == 1 && cells[0] == .row([]) && !rows.isEmpty) { rows.append(cells) }
                return Atom(environment.build(rows: rows, columns: columns, lines: lines), .inner)
            }
            // `\\` or `\cr`, perhaps with extra space `[2pt]`, which MathML Core leaves to CSS.
            skipSpace()
            if current == UInt8(ascii: "[") { try skipBracketed() }
            rows.append(cells)
            cells = []
            try readRules(into: &lines, row: rows.count)
        }
    }

    /// `\hline` and `\hdashline` at the start of a row: a rule above row `row`.
    private mutating func readRules(into lines: inout Set<Int>, row: Int) throws(TeXError) {
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\\"), let name = peekCommandName(), name == "hline" || name == "hdashline"
            else {
                return
            }
            _ = try readCommandName()
            lines.insert(row)
        }
    }

    /// `[…]` after `\\`, skipped.
    private mutating func skipBracketed() throws(TeXError) {
        let open = position
        while let byte = current, byte != UInt8(ascii: "]") { position += 1 }
        guard !atEnd else { throw error("unmatched '['", at: open) }
        position += 1
    }

    /// The `{lcr|}` argument of `array`.
    private mutating func readColumnSpec(at start: Int) throws(TeXError) -> [Environment.Column] {
        skipSpace()
        guard current == UInt8(ascii: "{") else { throw error("missing column specification for 'array'", at: start) }
        let open = position
        position += 1
        var columns: [Environment.Column] = []
        var ruleBefore = false
        while true {
            skipSpace()
            guard let byte = current else { throw error("unmatched '{'", at: open) }
            position += 1
            switch byte {
            case UInt8(ascii: "}"):
                if ruleBefore, !columns.isEmpty { columns[columns.count - 1].ruleAfter = true }
                return columns
            case UInt8(ascii: "|"):
                ruleBefore = true
            case UInt8(ascii: "l"), UInt8(ascii: "c"), UInt8(ascii: "r"):
                columns.append(Environment.Column(align: byte, ruleBefore: ruleBefore && columns.isEmpty))
                if ruleBefore, columns.count > 1 { columns[columns.count - 2].ruleAfter = true }
                ruleBefore = false
            default:
                let end = min(position - 1 + Self.scalarLength(byte), source.count)
                let char = String(decoding: source[(position - 1)..<end], as: UTF8.self)
                throw error("unknown column type '\(char)' in 'array'", suggestion: "c", at: position - 1)
            }
        }
    }
}
