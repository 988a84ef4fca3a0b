/// A LaTeX environment (`pmatrix`, `cases`, `aligned`, …) and how its cells become an
/// `<mtable>`. MathML Core has no `columnalign`, `rowlines` or `columnlines`, so alignment,
/// spacing and rules are classes on `<mtable>` and `<mtd>` that `MathML.stylesheet` styles.
struct Environment: Sendable {
    enum Layout: Sendable {
        /// Centred cells (`matrix` and its fenced forms).
        case matrix
        /// Left-aligned cells, the second column a quad away (`cases`).
        case cases
        /// Pairs of right- and left-aligned columns meeting at the `&` (`aligned`, `align*`).
        case aligned
        /// One centred column (`gathered`, `equation`).
        case gathered
        /// Columns as the `{lcr|}` argument says (`array`).
        case array
    }

    var layout: Layout
    var open: String?
    var close: String?
    /// Cells in display style (`aligned`, `dcases`) rather than text style (`matrix`).
    var display = false
    var small = false
    /// At most this many cells per row (`cases` has two), `nil` for any number.
    var maxColumns: Int?

    static let table: [String: Environment] = {
        var t: [String: Environment] = [
            "matrix": Environment(layout: .matrix),
            "pmatrix": Environment(layout: .matrix, open: "(", close: ")"),
            "bmatrix": Environment(layout: .matrix, open: "[", close: "]"),
            "Bmatrix": Environment(layout: .matrix, open: "{", close: "}"),
            "vmatrix": Environment(layout: .matrix, open: "|", close: "|"),
            "Vmatrix": Environment(layout: .matrix, open: "‖", close: "‖"),
            "smallmatrix": Environment(layout: .matrix, small: true),
            "cases": Environment(layout: .cases, open: "{", maxColumns: 2),
            "dcases": Environment(layout: .cases, open: "{", display: true, maxColumns: 2),
            "rcases": Environment(layout: .cases, close: "}", maxColumns: 2),
            "array": Environment(layout: .array),
        ]
        for name in ["aligned", "align", "align*", "split"] {
            t[name] = Environment(layout: .aligned, display: true)
        }
        for name in ["gathered", "gather", "gather*", "equation", "equation*", "multline", "multline*"] {
            t[name] = Environment(layout: .gathered, display: true, maxColumns: 1)
        }
        return t
    }()

    /// A column of an `array`: its alignment and the rules beside it.
    struct Column: Sendable, Equatable {
        var align: UInt8 = UInt8(ascii: "c")
        var ruleBefore = false
        var ruleAfter = false
    }

    /// The table for `rows` of cells. `lines` holds the rows with a rule above them (the row
    /// count for a rule below the last).
    func build(rows: [[MathNode]], columns: [Column], lines: Set<Int>) -> MathNode {
        var attributes: [MathNode.Attribute] = []
        if display { attributes.append(.attr("displaystyle", "true")) }
        if small { attributes.append(.attr("scriptlevel", "1")) }
        if let tableClass { attributes.append(.attr("class", tableClass)) }
        var tableRows: [MathNode] = []
        tableRows.reserveCapacity(rows.count)
        for (r, row) in rows.enumerated() {
            var cells: [MathNode] = []
            cells.reserveCapacity(row.count)
            for (c, cell) in row.enumerated() {
                var classes = cellClasses(column: c, columns: columns)
                if lines.contains(r) { classes.append("kd-rule-t") }
                if r == rows.count - 1 && lines.contains(rows.count) { classes.append("kd-rule-b") }
                let content = cell.tag == .mrow && cell.attributes.isEmpty ? cell.children : [cell]
                let cellAttributes: [MathNode.Attribute] =
                    classes.isEmpty ? [] : [.attr("class", classes.joined(separator: " "))]
                cells.append(MathNode(.mtd, cellAttributes, children: content))
            }
            tableRows.append(MathNode(.mtr, children: cells))
        }
        let table = MathNode(.mtable, attributes, children: tableRows)
        guard open != nil || close != nil else { return table }
        var children: [MathNode] = []
        if let open { children.append(TeXParser.fence(open, form: "prefix")) }
        children.append(table)
        if let close { children.append(TeXParser.fence(close, form: "postfix")) }
        return .row(children)
    }

    /// Whether cells of `column` start after an implicit `{}`, as amsmath's aligned columns do,
    /// so `&= x` and `&+ y` keep the space of a relation and a binary operator.
    func startsAfterOrdinary(column: Int) -> Bool {
        layout == .aligned && column % 2 == 1
    }

    /// The class of the whole table, on which the stylesheet hangs its cell spacing:
    /// `aligned` pairs meet without space and sit 2em apart, `cases` puts 1em before the
    /// condition, `smallmatrix` packs its cells.
    private var tableClass: String? {
        switch layout {
        case .matrix: small ? "kd-smallmatrix" : nil
        case .cases: "kd-cases"
        case .aligned: "kd-aligned"
        case .gathered, .array: nil
        }
    }

    /// The classes of a cell in column `c`: its alignment (`kd-col-l`, `kd-col-r`; centred
    /// by default) and, in an `array`, the rules beside it (`kd-rule-l`, `kd-rule-r`).
    private func cellClasses(column c: Int, columns: [Column]) -> [String] {
        switch layout {
        case .matrix, .gathered:
            return []
        case .cases:
            return ["kd-col-l"]
        case .aligned:
            // Right | left, right | left, …
            return [c % 2 == 0 ? "kd-col-r" : "kd-col-l"]
        case .array:
            guard c < columns.count else { return [] }
            let column = columns[c]
            var classes: [String] = []
            if column.align == UInt8(ascii: "l") { classes.append("kd-col-l") }
            if column.align == UInt8(ascii: "r") { classes.append("kd-col-r") }
            if column.ruleBefore { classes.append("kd-rule-l") }
            if column.ruleAfter { classes.append("kd-rule-r") }
            return classes
        }
    }
}
