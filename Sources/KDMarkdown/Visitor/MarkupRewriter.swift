/// Rewrites a tree: glossary links, inline values, snippet outputs.
///
/// Implement `rewrite(_:)`: return a new node to replace the one given, `nil` to remove it. The
/// default rebuilds the node from its rewritten children; call `rewriteChildren(of:)` to keep
/// that behaviour for the nodes a rewriter does not handle.
///
///     struct ShoutRewriter: MarkupRewriter {
///         mutating func rewrite(_ node: Node) -> Node? {
///             if case .text(let s) = node.kind { return Node(.text(s.uppercased()), range: node.range) }
///             return rewriteChildren(of: node)
///         }
///     }
///     var shout = ShoutRewriter()
///     let loud = shout.rewritten(document)
public protocol MarkupRewriter {
    mutating func rewrite(_ node: Node) -> Node?
}

public extension MarkupRewriter {
    mutating func rewrite(_ node: Node) -> Node? {
        rewriteChildren(of: node)
    }

    /// `node` with each child rewritten; children rewritten to `nil` are removed.
    mutating func rewriteChildren(of node: Node) -> Node {
        guard !node.children.isEmpty else { return node }
        var result = node
        result.children = []
        result.children.reserveCapacity(node.children.count)
        for child in node.children {
            if let rewritten = rewrite(child) { result.children.append(rewritten) }
        }
        return result
    }

    /// The whole tree rewritten from `root`; a root rewritten to `nil` leaves an empty document.
    mutating func rewritten(_ root: Node) -> Node {
        rewrite(root) ?? Node(.document)
    }
}
