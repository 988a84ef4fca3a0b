import KDMarkdown

/// Gives every heading of a page a unique anchor (`slugify` of its text; `-2`, `-3` … for
/// repeats), in document order. The table of contents and the renderer's heading hook each
/// run one, so both name the same anchors.
final class HeadingIDs {
    /// Ids the page templates use themselves.
    static let reserved: Set<String> = ["main", "toc-title", "lessons", "map-title"]
    private var used = HeadingIDs.reserved

    func next(for text: String) -> String {
        let base = slugify(text).isEmpty ? "section" : slugify(text)
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }
}

/// One entry of a lesson's table of contents.
public struct TOCEntry: Hashable, Sendable {
    public var level: Int
    public var text: String
    public var id: String
    /// The heading's inline content with links unwrapped (a link cannot sit in the TOC's link),
    /// for rendering math and code in the entry.
    public var content: [Node]
}

enum TableOfContents {
    /// Headings of levels 2 and 3, with the anchors the renderer gives them.
    static func entries(of document: Node) -> [TOCEntry] {
        let ids = HeadingIDs()
        var entries: [TOCEntry] = []
        document.forEachDescendant { node in
            guard case .heading(let level) = node.kind else { return }
            let id = ids.next(for: node.plainText)
            if level == 2 || level == 3 {
                entries.append(
                    TOCEntry(
                        level: level, text: node.plainText, id: id, content: node.children.flatMap(unwrappingLinks)))
            }
        }
        return entries
    }

    /// `node` with every link replaced by its text.
    private static func unwrappingLinks(_ node: Node) -> [Node] {
        if case .link = node.kind { return node.children.flatMap(unwrappingLinks) }
        var copy = node
        copy.children = node.children.flatMap(unwrappingLinks)
        return [copy]
    }
}
