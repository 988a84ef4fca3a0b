extension Table {
    /// The table as aligned plain text, for terminals (`kdsite run`) and logs: the title,
    /// the header, a rule of `-`, then the rows; columns two spaces apart, numbers right-aligned.
    ///
    ///     Teacher and student
    ///     Model    Parameters  Accuracy
    ///     -------  ----------  --------
    ///     Teacher      85,002     98.1%
    public func text() -> String {
        let headers = columns.map(\.header)
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.text.count) }
        }
        let trailing = columns.indices.map(isTrailing)
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, text in
                let pad = String(repeating: " ", count: widths[i] - text.count)
                return trailing[i] ? pad + text : text + pad
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
        var lines: [String] = []
        if let title { lines.append(title) }
        lines.append(line(headers))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map { line($0.map(\.text)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as HTML: `<table class="kd-table">` with a `<caption>` (the title), a
    /// `<thead>` of `<th scope="col">`, and cells; right-aligned columns carry `class="kd-num"`
    /// on their `th` and `td`. All text is escaped.
    public func html() -> String {
        var out = "<table class=\"kd-table\">"
        if let title { out += "<caption>\(HTMLText.escape(title))</caption>" }
        let trailing = columns.indices.map(isTrailing)
        func cls(_ i: Int) -> String {
            trailing[i] ? " class=\"kd-num\"" : columns[i].alignment == .center ? " class=\"kd-center\"" : ""
        }
        out += "<thead><tr>"
        for (i, column) in columns.enumerated() {
            out += "<th scope=\"col\"\(cls(i))>\(HTMLText.escape(column.header))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() { out += "<td\(cls(i))>\(HTMLText.escape(cell.text))</td>" }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
