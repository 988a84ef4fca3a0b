// Footnotes as GitHub renders them: numbered references, and a section at the end with one
// item per definition and a back-reference to each of its references.

/// Footnote numbers (the order of the definitions, which cmark-gfm sorted by first reference),
/// how many references each label has had so far, and the definitions held for the section.
struct FootnoteIndex {
    private var numbers: [String: Int] = [:]
    private(set) var referenceCounts: [String: Int] = [:]
    private(set) var held: [Node] = []

    init(_ root: Node) {
        collect(root)
    }

    private mutating func collect(_ node: Node) {
        if case .footnoteDefinition(let label) = node.kind, numbers[label] == nil {
            numbers[label] = numbers.count + 1
        }
        for child in node.children where !child.kind.isInlineKind { collect(child) }
    }

    /// The footnote's number; a label without a definition in this tree gets the next one.
    mutating func number(for label: String) -> Int {
        if let n = numbers[label] { return n }
        numbers[label] = numbers.count + 1
        return numbers.count
    }

    /// Counts one more reference to `label`; returns its 1-based ordinal.
    mutating func countReference(to label: String) -> Int {
        let k = referenceCounts[label, default: 0] + 1
        referenceCounts[label] = k
        return k
    }

    /// Keeps a definition for the section at the end.
    mutating func hold(_ definition: Node) {
        held.append(definition)
    }
}

extension HTMLWriter {
    mutating func footnoteReference(_ label: String) {
        let n = footnotes.number(for: label)
        let k = footnotes.countReference(to: label)
        out.append("<sup class=\"footnote-ref\"><a href=\"#fn-")
        out.appendEscapingHref(label)
        out.append("\" id=\"")
        out.appendEscapingHTML(Self.referenceID(label, k))
        out.append("\" data-footnote-ref>\(n)</a></sup>")
    }

    static func referenceID(_ label: String, _ k: Int) -> String {
        k == 1 ? "fnref-\(label)" : "fnref-\(label)-\(k)"
    }

    /// The `<section class="footnotes">` with every held definition, if any.
    mutating func footnotesSection() {
        guard !footnotes.held.isEmpty else { return }
        newline()
        out.append("<section class=\"footnotes\" data-footnotes>\n<ol>\n")
        var i = 0
        // Rendering a definition may hold more (a definition inside a definition's blocks).
        while i < footnotes.held.count {
            footnoteItem(footnotes.held[i])
            i += 1
        }
        out.append("</ol>\n</section>\n")
    }

    mutating func footnoteItem(_ definition: Node) {
        guard case .footnoteDefinition(let label) = definition.kind else { return }
        let n = footnotes.number(for: label)
        out.append("<li id=\"fn-")
        out.appendEscapingHTML(label)
        out.append("\">\n")
        let backrefs = backReferences(label, number: n)
        if let last = definition.children.last, last.kind == .paragraph {
            blocks(Array(definition.children.dropLast()), tight: false)
            paragraph(last, tight: false, suffix: backrefs)
        } else {
            blocks(definition.children, tight: false)
            out.append(contentsOf: backrefs)
        }
        newline()
        out.append("</li>\n")
    }

    /// ` <a … class="footnote-backref">↩</a>` for each reference made to `label`.
    func backReferences(_ label: String, number n: Int) -> [UInt8] {
        var html: [UInt8] = []
        let count = footnotes.referenceCounts[label, default: 0]
        guard count > 0 else { return html }
        for k in 1...count {
            let index = k == 1 ? "\(n)" : "\(n)-\(k)"
            html.append(" <a href=\"#")
            html.appendEscapingHref(Self.referenceID(label, k))
            html.append("\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"\(index)\"")
            html.append(" aria-label=\"Back to reference \(index)\">↩")
            if k > 1 { html.append("<sup class=\"footnote-ref\">\(k)</sup>") }
            html.append("</a>")
        }
        return html
    }
}
