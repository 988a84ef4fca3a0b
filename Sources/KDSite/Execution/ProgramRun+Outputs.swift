import Foundation
import KDNotebook

extension ProgramRun {
    /// The run as the page shows it: each block's outputs in order (text, tables, figures,
    /// widgets as HTML; for a `fails` block, what it showed before its error, then the error)
    /// closed by a provenance line, and the exported values' texts. Throws
    /// `RecordStreamError` when the records cannot be read.
    func outputs(for program: SnippetProgram, cached: Bool) throws -> (outputs: SnippetOutputs, snapshot: PageSnapshot) {
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
            let before = try Transcript(stdout: failed.stdout, records: failed.records).block(number)
                .map { Self.render($0, widgetPrefix: widgetPrefix + "-fails", snapshot: &ignored) } ?? []
            result.blocks[number] = before + [.failure(failed.message)]
        }
        for number in Array(result.blocks.keys) {
            result.blocks[number]?.append(.html(provenanceHTML(cached: cached)))
        }
        result.values = transcript.exports.mapValues(\.text)
        for (name, value) in transcript.exports where snapshot.values[name] == nil {
            snapshot.values[name] = PageSnapshot.ValueSnapshot(text: value.text, block: nil)
        }
        return (result, snapshot)
    }

    /// One block's items as outputs; its tables and exports are noted in `snapshot`.
    private static func render(_ block: Transcript.Block, widgetPrefix: String, snapshot: inout PageSnapshot) -> [SnippetOutput] {
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
                    snapshot.tables["block \(block.index) table \(tableIndex)"] = PageSnapshot.TableSnapshot(table, block: block.index)
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
    /// page's program ran, and whether this build ran it or took it from the cache.
    func provenanceHTML(cached: Bool) -> String {
        let seconds = String(format: runSeconds < 10 ? "%.2f" : "%.1f", runSeconds)
        let title = "Computed when the site was built, by KDEngine \(engine); the page's program ran in \(seconds) s; "
            + (cached ? "this build reused the cached run" : "this build ran it")
        return "<figcaption class=\"kd-provenance\" data-engine=\"\(engine)\" data-cached=\"\(cached)\" title=\"\(title)\">"
            + "KDEngine \(engine.prefix(8)) · \(seconds) s · \(cached ? "cached" : "fresh")</figcaption>"
    }
}
