/// Visits a tree without changing it: glossary scans, the table of contents, link checks.
///
/// Implement `visit(_:)`, switch on the node's kind, and call `descendInto(_:)` where the walk
/// should go on into the children; the default `visit` only descends.
///
///     struct HeadingCollector: MarkupWalker {
///         var headings: [String] = []
///         mutating func visit(_ node: Node) {
///             if case .heading = node.kind { headings.append(node.plainText) }
///             descendInto(node)
///         }
///     }
public protocol MarkupWalker {
    mutating func visit(_ node: Node)
}

public extension MarkupWalker {
    mutating func visit(_ node: Node) {
        descendInto(node)
    }

    /// Visits each child of `node`, in order.
    mutating func descendInto(_ node: Node) {
        for child in node.children { visit(child) }
    }
}
