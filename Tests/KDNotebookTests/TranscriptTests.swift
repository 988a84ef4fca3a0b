import Foundation
import Testing

@testable import KDNotebook

/// Runs a `Notebook` in records mode in-process: records go through a real pipe, stdout text
/// into a buffer, and the pair is parsed back as the site generator would.
final class RecordingNotebook: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private let pipe = Pipe()
    private(set) lazy var notebook = Notebook(
        mode: .records(pipe.fileHandleForWriting.fileDescriptor),
        writeText: { [unowned self] in self.print($0, terminator: "") },
        flushText: {})

    /// What the program would print with `print`.
    func print(_ s: String, terminator: String = "\n") {
        lock.lock()
        text += s + terminator
        lock.unlock()
    }

    func transcript() throws -> Transcript {
        try pipe.fileHandleForWriting.close()
        let records = pipe.fileHandleForReading.readDataToEndOfFile()
        return try Transcript(stdout: Data(text.utf8), records: records)
    }

    var stdout: String { text }
}

@Suite("Transcript")
struct TranscriptTests {
    @Test func outputsLandUnderTheirBlocksInOrder() throws {
        let run = RecordingNotebook()
        run.print("before any block")
        run.notebook.beginBlock(0, line: 12)
        run.print("hello")
        run.notebook.emit { _ in .export(ExportedValue(name: "acc", value: .double(0.5), format: .percent(digits: 0))) }
        run.print("partial", terminator: "")
        run.notebook.emit { _ in .table(Table(columns: ["a"])) }
        run.print(" line")
        run.notebook.beginBlock(1, line: 20)
        run.notebook.beginBlock(2, line: 31)
        run.print("last")
        let t = try run.transcript()

        #expect(t.preamble == [.text("before any block\n")])
        #expect(t.blocks.map(\.index) == [0, 1, 2])
        #expect(t.blocks.map(\.line) == [12, 20, 31])
        let first = t.blocks[0].items
        #expect(first.count == 5)
        #expect(first[0] == .text("hello\n"))
        guard case .record(let export) = first[1], case .export(let value) = export.payload else {
            Issue.record("expected an export, got \(first[1])")
            return
        }
        #expect(value.text == "50%")
        #expect(export.block == 0)
        #expect(first[2] == .text("partial"))
        #expect(first[4] == .text(" line\n"))
        #expect(t.blocks[1].items.isEmpty)
        #expect(t.blocks[2].items == [.text("last\n")])
        #expect(t.lastBlock == BlockStart(index: 2, line: 31))
        #expect(t.exports["acc"]?.text == "50%")
    }

    @Test func markersStartWithAControlCharacter() throws {
        let run = RecordingNotebook()
        run.notebook.beginBlock(0, line: 5)
        #expect(run.stdout == "\u{1}kd:block 0 5\n")
    }

    @Test func printedTextCannotFakeAMarker() throws {
        let run = RecordingNotebook()
        run.notebook.beginBlock(0, line: 5)
        run.print("kd:block 9 9")
        run.print("\u{1}kd:nonsense 1")
        let t = try run.transcript()
        #expect(t.blocks.map(\.index) == [0])
        #expect(t.blocks[0].items == [.text("kd:block 9 9\n\u{1}kd:nonsense 1\n")])
    }

    @Test func aRecordWhoseMarkerWasLostStillLandsInItsBlock() throws {
        let record = try NotebookRecord(sequence: 1, block: 0, payload: .table(Table(columns: ["x"]))).jsonLine()
        let start = try NotebookRecord(sequence: 0, block: 0, payload: .blockStart(BlockStart(index: 0, line: 3)))
            .jsonLine()
        // stdout cut before the record's marker (a trap, or the output cap)
        let t = try Transcript(stdout: Data("\u{1}kd:block 0 3\nsome text".utf8), records: start + record)
        #expect(t.blocks.count == 1)
        #expect(t.blocks[0].items.count == 2)
        #expect(t.blocks[0].items[0] == .text("some text"))
        #expect(t.lastBlock?.index == 0)
    }

    @Test func aBlockKnownOnlyFromRecordsIsKept() throws {
        let start = try NotebookRecord(sequence: 0, block: 3, payload: .blockStart(BlockStart(index: 3, line: 70)))
            .jsonLine()
        let t = try Transcript(stdout: Data(), records: start)
        #expect(t.blocks.map(\.index) == [3])
        #expect(t.lastBlock == BlockStart(index: 3, line: 70))
    }

    @Test func sequencesNumberEveryRecord() throws {
        let run = RecordingNotebook()
        run.notebook.beginBlock(0, line: 1)
        for i in 0..<3 { run.notebook.emit { _ in .export(ExportedValue(name: "v\(i)", value: .int(i), format: nil)) } }
        let records = try run.transcript().blocks[0].items.compactMap { item -> NotebookRecord? in
            if case .record(let r) = item { return r } else { return nil }
        }
        #expect(records.map(\.sequence) == [1, 2, 3])
    }
}
