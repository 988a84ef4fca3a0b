import KDMarkdown

/// A Markdown body parsed by KDMarkdown, with the way back from the parser's positions
/// (relative to the body) to the content file.
public struct ParsedPage: Sendable {
    public var source: MarkdownSource
    public var document: Node

    public init(_ source: MarkdownSource) {
        self.source = source
        self.document = MarkdownParser.parse(source.text)
    }

    public var file: SourceFile { source.file }

    /// The file location of a parser position.
    public func location(_ position: SourceLocation) -> FileLocation {
        source.location(line: position.line, column: position.column)
    }

    /// The file location where `node` starts, or the body's first line for a node a pass made.
    public func location(of node: Node) -> FileLocation {
        node.range.map { location($0.start) } ?? source.location(line: 1, column: 1)
    }
}

extension Node {
    /// Calls `body` on this node and every descendant, in document order.
    func forEachDescendant(_ body: (Node) -> Void) {
        body(self)
        for child in children { child.forEachDescendant(body) }
    }

    /// Every fenced code block of the document whose info string reads as `FenceInfo`.
    var codeBlocks: [(node: Node, info: String, literal: String)] {
        var blocks: [(Node, String, String)] = []
        forEachDescendant { node in
            if case .codeBlock(let info, let literal) = node.kind { blocks.append((node, info, literal)) }
        }
        return blocks
    }
}
