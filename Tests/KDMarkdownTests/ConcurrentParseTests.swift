import Dispatch
import Synchronization
import Testing

@testable import KDMarkdown

/// cmark-gfm keeps the special characters of its inline extensions in a global table that
/// every parser edits; `Markdown.parse` must still be safe to call from any thread.
@Suite struct ConcurrentParseTests {
    /// Documents that need the strikethrough, autolink, table and tasklist extensions, of
    /// varied lengths so that parses overlap at every stage.
    static let texts: [String] = (0..<1200).map { i in
        String(repeating: "Paragraph \(i) with *emphasis* and $x_\(i)$.\n\n", count: i % 30)
            + "Some ~~struck~~ text and https://example.org/\(i) here.\n\n"
            + "| a | b |\n| --- | --- |\n| \(i) | ~~\(i)~~ |\n\n- [x] done \(i)\n"
    }

    @Test func parallelParsesGiveTheSameTreesAsSerialOnes() {
        let serial = Self.texts.map(Markdown.parse)
        let parallel = Mutex([Node?](repeating: nil, count: Self.texts.count))
        DispatchQueue.concurrentPerform(iterations: Self.texts.count) { index in
            let tree = Markdown.parse(Self.texts[index])
            parallel.withLock { $0[index] = tree }
        }
        let trees = parallel.withLock { $0 }
        let differing = trees.indices.filter { trees[$0] != serial[$0] }
        #expect(
            differing.isEmpty,
            "\(differing.count) of \(trees.count) documents parsed differently in parallel, first \(differing.first ?? -1)"
        )
        // The serial trees are right, not merely equal: every extension was applied.
        let html = serial.map { HTMLRenderer().render($0) }
        #expect(
            html.allSatisfy {
                $0.contains("<del>struck</del>") && $0.contains("href=\"https://example.org/") && $0.contains("<table>")
            })
    }
}
