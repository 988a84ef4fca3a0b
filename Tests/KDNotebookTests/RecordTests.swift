import Foundation
import Testing

@testable import KDNotebook

@Suite("Records")
struct RecordTests {
    static let payloads: [NotebookRecord.Payload] = {
        var table = Table(
            "Sizes",
            columns: [
                .text("Model"), .number("Size", format: .bytes), .number("Accuracy", format: .percent(digits: 1)),
            ])
        table.row("Teacher", 340_008, 0.9806)
        table.row("Student \"int8\"", 1_450, Float.nan)
        return [
            .blockStart(BlockStart(index: 2, line: 41)),
            .table(table),
            .figure(Chart.bar("Size", categories: ["a", "b"], values: [1, 2]).render(id: "t")),
            .export(ExportedValue(name: "acc", value: .double(0.98125), format: .percent(digits: 1))),
            .export(ExportedValue(name: "n", value: .int(1797), format: nil)),
            .export(ExportedValue(name: "f", value: .float(0.981), format: nil)),
            .export(ExportedValue(name: "s", value: .string("int8 ✓"), format: nil)),
            .export(ExportedValue(name: "bad", value: .double(-.infinity), format: .fixed(digits: 1))),
            .widget(.temperatureSlider(logits: [Float(2.5), -1, 0.25], labels: ["0", "1", "2"], temperature: 2)),
        ]
    }()

    @Test(arguments: payloads)
    func roundTripsThroughOneJSONLine(payload: NotebookRecord.Payload) throws {
        let record = NotebookRecord(sequence: 7, block: 3, payload: payload)
        let line = try record.jsonLine()
        #expect(line.last == 0x0A)
        #expect(!line.dropLast().contains(0x0A))
        let decoded = try NotebookRecord.decodeLines(line)
        #expect(decoded.count == 1)
        // NaN is never equal to itself: compare the re-encoded bytes instead.
        #expect(try decoded[0].jsonLine() == line)
    }

    @Test func theEnvelopeHasTheDocumentedKeys() throws {
        let record = NotebookRecord(
            sequence: 4, block: 2, payload: .export(ExportedValue(name: "acc", value: .double(0.5), format: nil)))
        let object = try #require(try JSONSerialization.jsonObject(with: record.jsonLine()) as? [String: Any])
        #expect(Set(object.keys) == ["v", "seq", "block", "kind", "export"])
        #expect(object["v"] as? Int == NotebookRecord.schemaVersion)
        #expect(object["kind"] as? String == "export")
        let export = try #require(object["export"] as? [String: Any])
        #expect(export["text"] as? String == "0.5")
        #expect((export["value"] as? [String: Any])?["type"] as? String == "double")
    }

    @Test func aRecordBeforeTheFirstBlockHasNoBlock() throws {
        let record = NotebookRecord(sequence: 0, block: nil, payload: .blockStart(BlockStart(index: 0, line: 1)))
        let text = String(decoding: try record.jsonLine(), as: UTF8.self)
        #expect(!text.contains("\"block\":"))
        #expect(try NotebookRecord.decodeLines(Data(text.utf8))[0].block == nil)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let line = #"{"v":99,"seq":0,"kind":"blockStart","blockStart":{"index":0,"line":1}}"# + "\n"
        #expect(throws: RecordStreamError.self) { try NotebookRecord.decodeLines(Data(line.utf8)) }
        do {
            _ = try NotebookRecord.decodeLines(Data(line.utf8))
        } catch let error as RecordStreamError {
            #expect(error.line == 1)
            #expect(error.message.contains("newer than this reader"))
        }
    }

    @Test func anUnknownKindIsAnErrorWithItsLine() throws {
        let good = String(
            decoding: try NotebookRecord(sequence: 0, block: 0, payload: .blockStart(BlockStart(index: 0, line: 3)))
                .jsonLine(), as: UTF8.self)
        let stream = good + #"{"v":1,"seq":1,"kind":"hologram"}"# + "\n"
        #expect { try NotebookRecord.decodeLines(Data(stream.utf8)) } throws: { error in
            (error as? RecordStreamError)?.line == 2
        }
    }

    @Test func aTruncatedLastLineIsDropped() throws {
        let good = try NotebookRecord(sequence: 0, block: 0, payload: .blockStart(BlockStart(index: 0, line: 3)))
            .jsonLine()
        let cut = good + Data(#"{"v":1,"seq":1,"kind":"ta"#.utf8)
        #expect(try NotebookRecord.decodeLines(cut).count == 1)
    }
}
