import Foundation

/// A snippet program's run, split per block: its printed text and structured outputs in the
/// order the program produced them. Built from the program's stdout (with `OutputMarker`s)
/// and its records stream by `Transcript(stdout:records:)`.
///
/// Robust to a run cut short: a record whose marker never reached stdout (a trap, an output
/// cap) is appended to its block; `lastBlock` (from the records stream, which is written
/// unbuffered) names the block that was running when the program stopped.
public struct Transcript: Sendable, Hashable {
    /// One block's outputs.
    public struct Block: Sendable, Hashable {
        public var index: Int
        /// The block's first source line, as given to `_kdBeginBlock`.
        public var line: Int
        public var items: [Item]
    }

    /// Printed text (consecutive prints merged) or a structured record (never `.blockStart`).
    public enum Item: Sendable, Hashable {
        case text(String)
        case record(NotebookRecord)
    }

    /// Output before the first block marker (normally empty).
    public var preamble: [Item]
    /// The blocks that started, in order.
    public var blocks: [Block]
    /// The block running when the program stopped: the last one started.
    public var lastBlock: BlockStart?
    /// Every exported value, by name (a later export of a name replaces an earlier one).
    public var exports: [String: ExportedValue]

    /// Splits a run's stdout and records stream. Throws `RecordStreamError` for a malformed
    /// records stream (never for stdout, which is free text).
    public init(stdout: Data, records: Data) throws {
        let decoded = try NotebookRecord.decodeLines(records)
        var bySequence: [Int: NotebookRecord] = [:]
        for record in decoded { bySequence[record.sequence] = record }
        preamble = []
        blocks = []
        exports = [:]
        lastBlock = nil
        var placed = Set<Int>()

        var textStart = stdout.startIndex
        var i = stdout.startIndex
        while i < stdout.endIndex {
            guard stdout[i] == OutputMarker.lead, let end = stdout[i...].firstIndex(of: 0x0A) else {
                i += 1
                continue
            }
            let line = String(decoding: stdout[(i + 1)..<end], as: UTF8.self)
            guard line.hasPrefix("kd:"), let marker = OutputMarker(body: line.dropFirst(3)) else {
                i += 1
                continue
            }
            appendText(stdout[textStart..<i])
            switch marker {
            case .block(let index, let line):
                blocks.append(Block(index: index, line: line, items: []))
            case .record(let sequence):
                if let record = bySequence[sequence], !placed.contains(sequence) {
                    append(.record(record))
                    placed.insert(sequence)
                }
            }
            i = end + 1
            textStart = i
        }
        appendText(stdout[textStart..<stdout.endIndex])

        for record in decoded {
            switch record.payload {
            case .blockStart(let start):
                lastBlock = start
                if !blocks.contains(where: { $0.index == start.index }) {
                    blocks.append(Block(index: start.index, line: start.line, items: []))
                }
            case .export(let value):
                exports[value.name] = value
                fallthrough
            default:
                if !placed.contains(record.sequence) {
                    placed.insert(record.sequence)
                    if let b = blocks.lastIndex(where: { $0.index == record.block }) {
                        blocks[b].items.append(.record(record))
                    } else {
                        preamble.append(.record(record))
                    }
                }
            }
        }
    }

    /// The outputs of block `index`, or nil if it never started.
    public func block(_ index: Int) -> Block? {
        blocks.first { $0.index == index }
    }

    private mutating func appendText(_ bytes: Data) {
        guard !bytes.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        if blocks.isEmpty {
            if case .text(let previous)? = preamble.last {
                preamble[preamble.count - 1] = .text(previous + text)
            } else {
                preamble.append(.text(text))
            }
        } else if case .text(let previous)? = blocks[blocks.count - 1].items.last {
            blocks[blocks.count - 1].items[blocks[blocks.count - 1].items.count - 1] = .text(previous + text)
        } else {
            blocks[blocks.count - 1].items.append(.text(text))
        }
    }

    private mutating func append(_ item: Item) {
        if blocks.isEmpty { preamble.append(item) } else { blocks[blocks.count - 1].items.append(item) }
    }
}
