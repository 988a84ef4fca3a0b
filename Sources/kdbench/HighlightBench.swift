import Foundation
import KDHighlight

/// Highlighting speed: every Swift source of this package concatenated (a large, real file),
/// highlighted to per-line HTML.
func highlightSuite(_ report: inout BenchReport) throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    var source = ""
    let files =
        FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
        .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path } ?? []
    for file in files { source += try String(contentsOf: file, encoding: .utf8) + "\n" }
    let bytes = Double(source.utf8.count)
    var lines = 0
    let seconds = measure { lines = Highlighter.highlight(source, language: "swift").count }
    report.record("highlight", "swift source size", bytes / 1024, "KB", note: "\(files.count) files, \(lines) lines")
    report.record("highlight", "swift to per-line HTML", seconds * 1000, "ms")
    report.record("highlight", "swift throughput", bytes / seconds / 1e6, "MB/s")
}
