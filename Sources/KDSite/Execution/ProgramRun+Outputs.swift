import Foundation
import KDMarkdown
import KDNotebook

extension ProgramRun {
    /// The run as the page shows it: each block's outputs in order (text, tables, figures,
    /// widgets as HTML; for a `fails` block, what it showed before its error, then the error)
    /// closed by a provenance line, and the exported values' texts. The same run gives the
    /// same bytes whether this build made it or took it from the cache. Throws
    /// `RecordStreamError` when the records cannot be read.
    func outputs(for program: SnippetProgram) throws -> (outputs: SnippetOutputs, snapshot: PageSnapshot) {
        let transcript = try Transcript(stdout: stdout, records: records)
        var result = SnippetOutputs()
        var snapshot = PageSnapshot()
        let widgetPrefix = "kd-" + program.pageID.replacingOccurrences(of: "/", with: "-")
        for block in transcript.blocks {
            let items = Self.render(block, widgetPrefix: widgetPrefix, snapshot: &snapshot)
            if !items.isEmpty { result.blocks[block.index, default: []] += items }
        }
        for (number, failed) in failures {
            var ignored = PageSnapshot()
            let before =
                try Transcript(stdout: failed.stdout, records: failed.records).block(number)
                .map { Self.render($0, widgetPrefix: widgetPrefix + "-fails", snapshot: &ignored) } ?? []
            result.blocks[number] = before + [.failure(failed.message)]
        }
        for number in Array(result.blocks.keys) {
            result.blocks[number]?.append(.html(provenanceHTML()))
        }
        result.values = transcript.exports.mapValues(\.text)
        for (name, value) in transcript.exports where snapshot.values[name] == nil {
            snapshot.values[name] = PageSnapshot.ValueSnapshot(text: value.text, block: nil)
        }
        return (result, snapshot)
    }

    /// One block's items as outputs; its tables and exports are noted in `snapshot`.
    private static func render(_ block: Transcript.Block, widgetPrefix: String, snapshot: inout PageSnapshot)
        -> [SnippetOutput]
    {
        var items: [SnippetOutput] = []
        var tableIndex = 0
        for item in block.items {
            switch item {
            case .text(let text):
                items.append(.text(text))
            case .record(let record):
                switch record.payload {
                case .table(let table):
                    items.append(.html(table.html()))
                    tableIndex += 1
                    snapshot.tables["block \(block.index) table \(tableIndex)"] = PageSnapshot.TableSnapshot(
                        table, block: block.index)
                case .figure(let figure):
                    items.append(.html(figure.svg))
                case .widget(let widget):
                    items.append(.html(widget.html(id: "\(widgetPrefix)-w\(record.sequence)")))
                case .export(let value):
                    snapshot.values[value.name] = PageSnapshot.ValueSnapshot(text: value.text, block: block.index)
                case .blockStart:
                    continue
                }
            }
        }
        return items
    }

    /// The discreet line under a block's outputs: which engine computed them, how long the
    /// page's program ran, and when — all stored with the run, so a cached rebuild shows the
    /// same line. Whether this build ran it or reused it goes to the progress output and
    /// `.kdcache/last-build.json`, never into the page.
    func provenanceHTML() -> String {
        let seconds = String(format: runSeconds < 10 ? "%.2f" : "%.1f", runSeconds)
        let ran = escapeHTML(ranAt), engine = escapeHTML(engine)
        let day = ran.prefix(10)
        let time = ran.count >= 16 ? " " + ran.dropFirst(11).prefix(5) + " UTC" : ""
        let title =
            "Computed by KDEngine \(engine) when the site was built on \(day)\(time); the page's program ran in \(seconds) s"
        return "<figcaption class=\"kd-provenance\" data-engine=\"\(engine)\" data-ran=\"\(ran)\" title=\"\(title)\">"
            + "KDEngine \(engine.prefix(8)) · \(seconds) s · \(day)</figcaption>"
    }
}
