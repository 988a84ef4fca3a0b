import Foundation

/// One formula of `Fixtures/corpus.tex`.
struct CorpusEntry: CustomStringConvertible, Sendable {
    var tex: String
    var display: Bool
    var line: Int

    var description: String { "corpus.tex:\(line) \(display ? "display" : "inline"): \(tex)" }
}

enum Corpus {
    /// The formulas of `Fixtures/corpus.tex`, in order.
    static let entries: [CorpusEntry] = {
        guard let url = Bundle.module.url(forResource: "corpus", withExtension: "tex", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var entries: [CorpusEntry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("inline: ") {
                entries.append(CorpusEntry(tex: String(line.dropFirst(8)), display: false, line: index + 1))
            } else if line.hasPrefix("display: ") {
                entries.append(CorpusEntry(tex: String(line.dropFirst(9)), display: true, line: index + 1))
            } else if line.hasPrefix(" "), !entries.isEmpty {
                entries[entries.count - 1].tex += "\n" + line
            }
        }
        return entries
    }()
}
