/// A tree as text, one node per line, indented by depth: the kind, its data, and its range
/// (`line:column-line:column`, end exclusive). For tests and `kdsite debug`:
///
///     document 1:1-1:12
///       paragraph 1:1-1:12
///         text "Hi " 1:1-1:4
///         math "x_1" 1:4-1:9
public extension Node {
    var treeDump: String {
        var out = ""
        dump(into: &out, depth: 0)
        return out
    }

    private func dump(into out: inout String, depth: Int) {
        out += String(repeating: "  ", count: depth)
        out += kind.dumpDescription
        if let range { out += " \(range)" }
        out += "\n"
        for child in children { child.dump(into: &out, depth: depth + 1) }
    }
}

extension Node.Kind {
    /// The kind's name and data, strings quoted with `\n` escaped.
    var dumpDescription: String {
        func q(_ s: String) -> String {
            var out = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case "\n": out += "\\n"
                default: out.unicodeScalars.append(c)
                }
            }
            return out + "\""
        }
        switch self {
        case .document: return "document"
        case .paragraph: return "paragraph"
        case .heading(let level): return "heading level=\(level)"
        case .blockQuote: return "blockQuote"
        case .thematicBreak: return "thematicBreak"
        case .codeBlock(let info, let literal): return "codeBlock info=\(q(info)) \(q(literal))"
        case .htmlBlock(let html): return "htmlBlock \(q(html))"
        case .list(let ordered, let start, let tight):
            return "list ordered=\(ordered) start=\(start) tight=\(tight)"
        case .item(let checked): return checked.map { "item checked=\($0)" } ?? "item"
        case .table(let alignments): return "table alignments=" + alignments.map { "\($0)" }.joined(separator: ",")
        case .tableRow(let isHeader): return isHeader ? "tableRow header" : "tableRow"
        case .tableCell: return "tableCell"
        case .footnoteDefinition(let label): return "footnoteDefinition label=\(q(label))"
        case .math(let tex, let display): return "math\(display ? " display" : "") \(q(tex))"
        case .text(let s): return "text \(q(s))"
        case .softBreak: return "softBreak"
        case .lineBreak: return "lineBreak"
        case .code(let s): return "code \(q(s))"
        case .emphasis: return "emphasis"
        case .strong: return "strong"
        case .strikethrough: return "strikethrough"
        case .link(let destination, let title): return "link \(q(destination)) title=\(q(title))"
        case .image(let source, let title): return "image \(q(source)) title=\(q(title))"
        case .htmlInline(let html): return "htmlInline \(q(html))"
        case .footnoteReference(let label): return "footnoteReference label=\(q(label))"
        }
    }
}
