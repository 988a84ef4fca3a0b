// Inline nodes: text, code, emphasis, links, images, raw HTML, math, footnote references.

extension HTMLWriter {
    mutating func inlines(_ nodes: [Node]) {
        for node in nodes { inline(node) }
    }

    mutating func inline(_ node: Node) {
        switch node.kind {
        case .text(let s):
            out.appendEscapingHTML(s)
        case .softBreak:
            out.append(.newline)
        case .lineBreak:
            out.append("<br />\n")
        case .code(let s):
            out.append("<code>")
            out.appendEscapingHTML(s)
            out.append("</code>")
        case .emphasis:
            wrap(node, "<em>", "</em>")
        case .strong:
            wrap(node, "<strong>", "</strong>")
        case .strikethrough:
            wrap(node, "<del>", "</del>")
        case .htmlInline(let html):
            out.append(html)
        case .link(let destination, let title):
            link(node, destination: destination, title: title)
        case .image(let source, let title):
            out.append("<img src=\"")
            out.appendEscapingHref(source)
            out.append("\" alt=\"")
            out.appendEscapingHTML(node.plainText)
            out.append(.doubleQuote)
            titleAttribute(title)
            out.append(" />")
        case .math(let tex, let display):
            if let html = hooks.math?(tex, display, node.range) {
                out.append(html)
            } else {
                out.append(display ? "<span class=\"math-display\"><code class=\"math\">" : "<code class=\"math\">")
                out.appendEscapingHTML(tex)
                out.append(display ? "</code></span>" : "</code>")
            }
        case .footnoteReference(let label):
            footnoteReference(label)
        default:
            // A block where an inline belongs (a rewriter put it there): render it as a block.
            block(node, tight: false)
        }
    }

    mutating func wrap(_ node: Node, _ open: StaticString, _ close: StaticString) {
        out.append(open)
        inlines(node.children)
        out.append(close)
    }

    mutating func titleAttribute(_ title: String) {
        guard !title.isEmpty else { return }
        out.append(" title=\"")
        out.appendEscapingHTML(title)
        out.append(.doubleQuote)
    }

    mutating func link(_ node: Node, destination: String, title: String) {
        guard let hook = hooks.link else {
            openLink(destination: destination, title: title)
            inlines(node.children)
            out.append("</a>")
            return
        }
        let start = out.count
        inlines(node.children)
        let content = String(decoding: out[start...], as: UTF8.self)
        if let html = hook(destination, title, content) {
            out.removeSubrange(start...)
            out.append(html)
        } else {
            let contentBytes = Array(out[start...])
            out.removeSubrange(start...)
            openLink(destination: destination, title: title)
            out.append(contentsOf: contentBytes)
            out.append("</a>")
        }
    }

    mutating func openLink(destination: String, title: String) {
        out.append("<a href=\"")
        out.appendEscapingHref(destination)
        out.append(.doubleQuote)
        titleAttribute(title)
        out.append(">")
    }
}

extension Node.Kind {
    /// Whether the kind is an inline (text-level) node; `.math` counts as inline here, blocks
    /// decide for themselves when it stands alone.
    var isInlineKind: Bool {
        switch self {
        case .text, .softBreak, .lineBreak, .code, .emphasis, .strong, .strikethrough, .link, .image,
            .htmlInline, .footnoteReference:
            return true
        default:
            return false
        }
    }
}
