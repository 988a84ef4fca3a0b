/// One node of a parsed Markdown document: a value, with its children and where it came from.
///
/// The tree mirrors cmark-gfm's: a `.document` holds blocks; paragraphs, headings and table
/// cells hold inlines. Math is lifted out before cmark sees the text (see ``Markdown``), so it
/// appears as `.math` inlines, or as a block when a display formula is a paragraph on its own.
public struct Node: Hashable, Sendable {
    public var kind: Kind
    public var children: [Node]
    /// Where the node came from. `nil` for nodes a pass synthesised, for soft and hard line
    /// breaks (cmark does not locate them), and for the empty cells GFM adds to short table rows.
    public var range: SourceRange?

    public init(_ kind: Kind, children: [Node] = [], range: SourceRange? = nil) {
        self.kind = kind
        self.children = children
        self.range = range
    }

    /// What a node is, with the data that belongs to that kind.
    public enum Kind: Hashable, Sendable {
        // MARK: Blocks

        case document
        case paragraph
        /// `level` is 1…6.
        case heading(level: Int)
        case blockQuote
        case thematicBreak
        /// A fenced or indented code block. `info` is the whole info string after the fence
        /// (`"swift step=3 of=a.swift"`), `""` for an indented block. `literal` is the code,
        /// ending with a newline. For a fenced block the range starts at the opening fence,
        /// so the code's first line is `range.start.line + 1`; an indented block (always
        /// `info == ""`) starts on its first code line.
        case codeBlock(info: String, literal: String)
        /// Raw HTML, passed to the output as authored.
        case htmlBlock(String)
        /// `start` is the first number of an ordered list (1 for a bullet list); a tight list
        /// renders its paragraphs without `<p>`.
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `checked` is `nil` unless the item is a task (`- [ ]`, `- [x]`).
        case item(checked: Bool?)
        /// A GFM table; one alignment per column. Its children are rows.
        case table(alignments: [TableAlignment])
        /// The first row of a table is the header row.
        case tableRow(isHeader: Bool)
        case tableCell
        /// A footnote's text. cmark-gfm moves the definitions that are referenced to the end of
        /// the document, in the order of their first reference, and drops the others.
        case footnoteDefinition(label: String)
        /// TeX lifted out of the text before cmark parsed it: `$…$` and `\(…\)` are inline,
        /// `$$…$$` and `\[…\]` are `display`. `tex` is the formula without its delimiters, trimmed.
        case math(tex: String, display: Bool)

        // MARK: Inlines

        case text(String)
        case softBreak
        case lineBreak
        /// An inline code span's content.
        case code(String)
        case emphasis
        case strong
        case strikethrough
        /// A link; its children are the link text. `title` is `""` when absent.
        case link(destination: String, title: String)
        /// An image; its children are the alt text. `title` is `""` when absent.
        case image(source: String, title: String)
        /// Raw inline HTML, passed to the output as authored.
        case htmlInline(String)
        /// `[^label]`, resolved: only references to a defined footnote become this node.
        case footnoteReference(label: String)
    }
}

/// How a table column's cells are aligned (`:--`, `:-:`, `--:` in the delimiter row).
public enum TableAlignment: Hashable, Sendable {
    case none, left, center, right
}
