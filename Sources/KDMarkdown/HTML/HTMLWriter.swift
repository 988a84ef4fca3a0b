/// One rendering: the output bytes and what must stay consistent across the page (heading ids,
/// footnote numbers). Blocks here; inlines, tables and footnotes in their own files.
struct HTMLWriter {
    let hooks: HTMLRenderer
    var out: [UInt8] = []
    var usedIDs: Set<String> = []
    /// The last suffix given to each repeated id, so the next repeat starts from there.
    var lastSuffix: [String: Int] = [:]
    var footnotes: FootnoteIndex

    init(hooks: HTMLRenderer, root: Node) {
        self.hooks = hooks
        footnotes = FootnoteIndex(root)
        out.reserveCapacity(4096)
    }

    /// A line break unless the output is empty or already ends with one (cmark's `cr()`).
    mutating func newline() {
        if let last = out.last, last != .newline { out.append(.newline) }
    }

    /// Renders a root: an inline as an inline (inline math included), anything else as a block.
    mutating func render(_ node: Node) {
        var isInline = node.kind.isInlineKind
        if case .math(_, let display) = node.kind { isInline = !display }
        if isInline {
            inline(node)
        } else {
            block(node, tight: false)
        }
    }

    mutating func blocks(_ nodes: [Node], tight: Bool) {
        for node in nodes { block(node, tight: tight) }
    }

    mutating func block(_ node: Node, tight: Bool) {
        switch node.kind {
        case .document:
            blocks(node.children, tight: false)
        case .paragraph:
            paragraph(node, tight: tight)
        case .heading(let level):
            heading(node, level: level)
        case .blockQuote:
            newline()
            out.append("<blockquote>\n")
            blocks(node.children, tight: false)
            newline()
            out.append("</blockquote>\n")
        case .thematicBreak:
            newline()
            out.append("<hr />\n")
        case .codeBlock(let info, let literal):
            newline()
            if let html = hooks.codeBlock?(info, literal, node.range) {
                out.append(html)
            } else {
                defaultCodeBlock(info: info, literal: literal)
            }
            newline()
        case .htmlBlock(let html):
            newline()
            out.append(html)
            newline()
        case .list(let ordered, let start, let tight):
            list(node, ordered: ordered, start: start, tight: tight)
        case .item:
            item(node, tight: tight)
        case .table(let alignments):
            table(node, alignments: alignments)
        case .tableRow, .tableCell:
            // Only meaningful inside a table; render what they hold.
            for child in node.children { render(child) }
        case .footnoteDefinition:
            footnotes.hold(node)
        case .math(let tex, let display):
            newline()
            mathBlock(tex: tex, display: display, range: node.range)
            newline()
        default:
            inline(node)
        }
    }

    mutating func paragraph(_ node: Node, tight: Bool, prefix: [UInt8] = [], suffix: [UInt8] = []) {
        if !tight {
            newline()
            out.append("<p>")
        }
        out.append(contentsOf: prefix)
        inlines(node.children)
        out.append(contentsOf: suffix)
        if !tight { out.append("</p>\n") }
    }

    mutating func heading(_ node: Node, level: Int) {
        newline()
        let text = node.plainText
        let id = hooks.headingID?(level, text) ?? slugify(text).nonEmpty(or: "section")
        out.append("<h\(level)")
        if !id.isEmpty {
            out.append(" id=\"")
            out.appendEscapingHTML(uniqueID(id))
            out.append(.doubleQuote)
        }
        out.append(">")
        inlines(node.children)
        out.append("</h\(level)>\n")
    }

    /// `id`, or `id-1`, `id-2`, … if it was used before in this rendering.
    mutating func uniqueID(_ id: String) -> String {
        var candidate = id
        var n = lastSuffix[id, default: 0]
        while usedIDs.contains(candidate) {
            n += 1
            candidate = "\(id)-\(n)"
        }
        lastSuffix[id] = n
        usedIDs.insert(candidate)
        return candidate
    }

    mutating func defaultCodeBlock(info: String, literal: String) {
        out.append("<pre><code")
        let language = info.prefix { $0 != " " && $0 != "\t" }
        if !language.isEmpty {
            out.append(" class=\"language-")
            out.appendEscapingHTML(String(language))
            out.append(.doubleQuote)
        }
        out.append(">")
        out.appendEscapingHTML(literal)
        out.append("</code></pre>\n")
    }

    mutating func mathBlock(tex: String, display: Bool, range: SourceRange?) {
        if let html = hooks.math?(tex, display, range) {
            out.append(html)
            return
        }
        out.append(display ? "<div class=\"math-display\">" : "<p>")
        out.append("<code class=\"math\">")
        out.appendEscapingHTML(tex)
        out.append(display ? "</code></div>\n" : "</code></p>\n")
    }

    mutating func list(_ node: Node, ordered: Bool, start: Int, tight: Bool) {
        newline()
        out.append(ordered ? "<ol" : "<ul")
        if ordered, start != 1 { out.append(" start=\"\(start)\"") }
        if node.children.contains(where: { if case .item(.some) = $0.kind { true } else { false } }) {
            out.append(" class=\"contains-task-list\"")
        }
        out.append(">\n")
        blocks(node.children, tight: tight)
        newline()
        out.append(ordered ? "</ol>\n" : "</ul>\n")
    }

    mutating func item(_ node: Node, tight: Bool) {
        newline()
        guard case .item(let checked?) = node.kind else {
            out.append("<li>")
            blocks(node.children, tight: tight)
            out.append("</li>\n")
            return
        }
        out.append("<li class=\"task-list-item\">")
        var checkbox: [UInt8] = []
        checkbox.append("<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"\"")
        checkbox.append(checked ? " checked=\"\" /> " : " /> ")
        // The checkbox goes inside the first paragraph, so it sits on the text's line.
        if let first = node.children.first, first.kind == .paragraph {
            paragraph(first, tight: tight, prefix: checkbox)
            blocks(Array(node.children.dropFirst()), tight: tight)
        } else {
            out.append(contentsOf: checkbox)
            blocks(node.children, tight: tight)
        }
        out.append("</li>\n")
    }

    /// Appends the footnotes section, if any footnote was defined.
    mutating func finish() {
        footnotesSection()
    }
}

extension String {
    func nonEmpty(or fallback: String) -> String { isEmpty ? fallback : self }
}
