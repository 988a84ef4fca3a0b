/// A LaTeX environment (`pmatrix`, `cases`, `aligned`, …) and how its cells become an
/// `<mtable>`. MathML Core has no `columnalign`, so alignment and rules are CSS on `<mtd>`.
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
        var tableRows: [MathNode] = []
        tableRows.reserveCapacity(rows.count)
        for (r, row) in rows.enumerated() {
            var cells: [MathNode] = []
            cells.reserveCapacity(row.count)
            for (c, cell) in row.enumerated() {
                var css = cellStyle(column: c, of: row.count, columns: columns)
                if lines.contains(r) { css += "border-top:0.06em solid;" }
                if r == rows.count - 1 && lines.contains(rows.count) { css += "border-bottom:0.06em solid;" }
                let content = cell.tag == .mrow && cell.attributes.isEmpty ? cell.children : [cell]
                cells.append(MathNode(.mtd, css.isEmpty ? [] : [.attr("style", String(css.dropLast()))], children: content))
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

    // Chromium aligns table cells of MathML only with the -webkit- values; other browsers
    // drop those and keep the standard one before.
    static let left = "text-align:left;text-align:-webkit-left;"
    static let right = "text-align:right;text-align:-webkit-right;"

    private func cellStyle(column c: Int, of count: Int, columns: [Column]) -> String {
        switch layout {
        case .matrix:
            return small ? "padding:0.1em 0.2em;" : ""
        case .gathered:
            return ""
        case .cases:
            return c == 0 ? Self.left : Self.left + "padding-left:1em;"
        case .aligned:
            // Right | left, right | left, …: the pair meets without space; pairs are 2em apart.
            if c % 2 == 0 { return Self.right + "padding-right:0;" + (c == 0 ? "padding-left:0;" : "padding-left:1em;") }
            return Self.left + "padding-left:0;" + (c == count - 1 ? "padding-right:0;" : "padding-right:1em;")
        case .array:
            guard c < columns.count else { return "" }
            let column = columns[c]
            var css = column.align == UInt8(ascii: "l") ? Self.left : column.align == UInt8(ascii: "r") ? Self.right : ""
            if column.ruleBefore { css += "border-left:0.06em solid;" }
            if column.ruleAfter { css += "border-right:0.06em solid;" }
            return css
        }
    }
}
