// GFM tables: the header row in <thead>, the others in <tbody>, alignment per column.

extension HTMLWriter {
    mutating func table(_ node: Node, alignments: [TableAlignment]) {
        newline()
        out.append("<table>\n")
        var inBody = false
        for row in node.children {
            let isHeader: Bool
            if case .tableRow(let header) = row.kind { isHeader = header } else { isHeader = false }
            if isHeader {
                out.append("<thead>\n")
            } else if !inBody {
                out.append("<tbody>\n")
                inBody = true
            }
            tableRow(row, alignments: alignments, header: isHeader)
            if isHeader { out.append("</thead>\n") }
        }
        if inBody { out.append("</tbody>\n") }
        out.append("</table>\n")
    }

    mutating func tableRow(_ row: Node, alignments: [TableAlignment], header: Bool) {
        out.append("<tr>\n")
        for (column, cell) in row.children.enumerated() {
            out.append(header ? "<th" : "<td")
            switch column < alignments.count ? alignments[column] : .none {
            case .none: break
            case .left: out.append(" class=\"align-left\"")
            case .center: out.append(" class=\"align-center\"")
            case .right: out.append(" class=\"align-right\"")
            }
            out.append(">")
            inlines(cell.children)
            out.append(header ? "</th>\n" : "</td>\n")
        }
        out.append("</tr>\n")
    }
}
