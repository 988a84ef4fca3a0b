import KDMarkdown
import Synchronization

/// `Markdown.parse`, one call at a time in the process.
///
/// cmark-gfm keeps its table of inline special characters in a global that every parse edits
/// (adding the characters of the strikethrough and autolink extensions, then removing them),
/// so two parses at once can miss `~~…~~` and autolinks. Parsing is a small part of a build;
/// everything around it still runs on all cores.
enum MarkdownParser {
    private static let lock = Mutex(())

    static func parse(_ text: String) -> Node {
        lock.withLock { _ in Markdown.parse(text) }
    }
}
