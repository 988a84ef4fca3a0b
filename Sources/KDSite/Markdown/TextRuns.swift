import KDMarkdown

extension Node {
    /// The same tree with adjacent `.text` children merged into one node (cmark splits text
    /// at characters such as `_` that could have started emphasis). The merged node keeps the
    /// first piece's range.
    func mergingAdjacentText() -> Node {
        var merged: [Node] = []
        for child in children.map({ $0.mergingAdjacentText() }) {
            if case .text(let next) = child.kind, let last = merged.last, case .text(let previous) = last.kind {
                merged[merged.count - 1] = Node(.text(previous + next), range: last.range ?? child.range)
            } else {
                merged.append(child)
            }
        }
        var copy = self
        copy.children = merged
        return copy
    }
}
