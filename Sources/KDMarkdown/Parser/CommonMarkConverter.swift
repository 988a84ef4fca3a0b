import CCmarkGFM
import Synchronization

/// The one place C is visible: parses with cmark-gfm and copies its tree into ``Node`` values.
///
/// GFM's table, strikethrough, autolink and tasklist extensions are attached, footnotes are on,
/// and every node keeps its source position (`CMARK_OPT_SOURCEPOS`). Everything cmark allocates
/// is freed before `convert` returns; no C type leaves this file.
///
/// Safe to call from any thread: cmark-gfm's table of inline special characters is one global
/// that every parse edits (`cmark_manage_extensions_special_characters` adds the extensions'
/// characters — `~` for strikethrough, `:`, `w`, `@` for autolinks — when a parse starts its
/// inlines and removes them when it ends), so a parse that ends while another runs makes the
/// other lose `~~…~~` and autolinks. The parser's life (feeding and finishing included: a table
/// row is parsed for inlines while it is fed) holds `cmark`; copying the finished tree into
/// Swift values, and what surrounds a parse (math lifting and restoring, every caller's passes
/// and rendering), runs in parallel.
enum CommonMarkConverter {
    /// Registers cmark-gfm's core extensions once per process (thread-safe: a `static let`).
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Held for the whole life of a cmark parser (see above).
    private static let cmark = Mutex(())

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Parses UTF-8 Markdown `text` into a `.document`.
    static func convert(_ text: [UInt8]) -> Node {
        guard let document = cmark.withLock({ _ in unsafeParse(text) }) else { return Node(.document) }
        defer { cmark_node_free(document) }
        let labels = footnoteLabels(document, text: text)
        return walk(document, footnoteLabels: labels)
    }

    /// cmark's tree of `text`, to free with `cmark_node_free`; the caller holds `cmark`. Only
    /// the parser touches the global table: once it is freed, the tree is the caller's alone.
    private static func unsafeParse(_ text: [UInt8]) -> OpaquePointer? {
        _ = registered
        let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES)
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        return cmark_parser_finish(parser)
    }

    /// The labels of the footnote definitions cmark moved to the end of the document, in order
    /// (a reference's literal is its definition's 1-based number there). cmark keeps a
    /// definition's label to itself, so it is read from the definition's first line.
    private static func footnoteLabels(_ document: OpaquePointer, text: [UInt8]) -> [String] {
        var lines: [Int] = []
        var node = cmark_node_last_child(document)
        while let current = node, cmark_node_get_type(current) == CMARK_NODE_FOOTNOTE_DEFINITION {
            lines.append(Int(cmark_node_get_start_line(current)))
            node = cmark_node_previous(current)
        }
        return FootnoteLabel.labels(onLines: lines.reversed(), in: text)
    }

    private static func walk(_ document: OpaquePointer, footnoteLabels: [String]) -> Node {
        guard let iterator = cmark_iter_new(document) else { return Node(.document) }
        defer { cmark_iter_free(iterator) }
        var stack: [Node] = []
        var root = Node(.document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let c = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                let node = Node(kind(of: c, footnoteLabels: footnoteLabels), range: range(of: c))
                if isLeaf(c) {
                    stack[stack.count - 1].children.append(node)
                } else {
                    stack.append(node)
                }
            } else if event == CMARK_EVENT_EXIT, let node = stack.popLast() {
                if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
            }
        }
        return root
    }

    /// The node types cmark's iterator enters but never exits.
    private static func isLeaf(_ c: OpaquePointer) -> Bool {
        switch cmark_node_get_type(c) {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
            CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func range(of c: OpaquePointer) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(c))
        let startColumn = Int(cmark_node_get_start_column(c))
        guard startLine > 0, startColumn > 0 else { return nil }
        return SourceRange(
            start: SourceLocation(line: startLine, column: startColumn),
            end: SourceLocation(line: Int(cmark_node_get_end_line(c)), column: Int(cmark_node_get_end_column(c)) + 1)
        )
    }

    /// The GFM extension node types, by the names cmark gives them.
    private enum ExtensionType: String {
        case table, tableHeader = "table_header", tableRow = "table_row", tableCell = "table_cell"
        case strikethrough, tasklist
    }

    private static func kind(of c: OpaquePointer, footnoteLabels: [String]) -> Node.Kind {
        switch cmark_node_get_type(c) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(c) == CMARK_ORDERED_LIST
            return .list(
                ordered: ordered, start: ordered ? Int(cmark_node_get_list_start(c)) : 1,
                tight: cmark_node_get_list_tight(c) != 0)
        case CMARK_NODE_ITEM:
            let isTask = extensionType(c) == .tasklist
            return .item(checked: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(c) : nil)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(c)), literal: literal(c))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal(c))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(c)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            return .footnoteDefinition(label: label(at: footnoteIndex(of: c), in: footnoteLabels))
        case CMARK_NODE_TEXT: return .text(literal(c))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(c))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal(c))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(c)), title: string(cmark_node_get_title(c)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(c)), title: string(cmark_node_get_title(c)))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return .footnoteReference(label: label(at: (Int(literal(c)) ?? 0) - 1, in: footnoteLabels))
        default:
            return extensionKind(c)
        }
    }

    private static func extensionKind(_ c: OpaquePointer) -> Node.Kind {
        switch extensionType(c) {
        case .table:
            let columns = Int(cmark_gfm_extensions_get_table_columns(c))
            let raw = cmark_gfm_extensions_get_table_alignments(c)
            let alignments = (0..<columns).map { i -> TableAlignment in
                switch raw?[i] {
                case UInt8(ascii: "l"): return .left
                case UInt8(ascii: "c"): return .center
                case UInt8(ascii: "r"): return .right
                default: return .none
                }
            }
            return .table(alignments: alignments)
        case .tableHeader: return .tableRow(isHeader: true)
        case .tableRow: return .tableRow(isHeader: false)
        case .tableCell: return .tableCell
        case .strikethrough: return .strikethrough
        case .tasklist, nil:
            // An extension this bridge does not attach: keep its content in a paragraph.
            return .paragraph
        }
    }

    private static func extensionType(_ c: OpaquePointer) -> ExtensionType? {
        guard let name = cmark_node_get_type_string(c) else { return nil }
        return ExtensionType(rawValue: String(cString: name))
    }

    /// The 0-based position of a footnote definition among the definitions at the document's end.
    private static func footnoteIndex(of c: OpaquePointer) -> Int {
        var index = 0
        var node = cmark_node_previous(c)
        while let previous = node, cmark_node_get_type(previous) == CMARK_NODE_FOOTNOTE_DEFINITION {
            index += 1
            node = cmark_node_previous(previous)
        }
        return index
    }

    private static func label(at index: Int, in labels: [String]) -> String {
        labels.indices.contains(index) ? labels[index] : String(index + 1)
    }

    private static func literal(_ c: OpaquePointer) -> String { string(cmark_node_get_literal(c)) }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
