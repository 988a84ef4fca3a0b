import Foundation

/// One structured output of a snippet program: a JSON object on one line of the records
/// stream (see docs/notebook.md, "Output protocol").
///
/// ```json
/// {"v":1,"seq":4,"block":2,"kind":"export","export":{"name":"acc","value":{"type":"double","value":0.9812},"text":"98.1%","format":{…}}}
/// ```
///
/// - `v`: the schema version (`NotebookRecord.schemaVersion`); a reader refuses newer ones.
/// - `seq`: 0, 1, 2… in the order the program emitted records.
/// - `block`: the index of the block that was running (absent before the first block).
/// - `kind` and a member of that name: the payload.
public struct NotebookRecord: Sendable, Hashable {
    /// The version of this schema; bumped on any incompatible change.
    public static let schemaVersion = 1

    public var version: Int
    public var sequence: Int
    public var block: Int?
    public var payload: Payload

    public init(sequence: Int, block: Int?, payload: Payload, version: Int = NotebookRecord.schemaVersion) {
        self.version = version
        self.sequence = sequence
        self.block = block
        self.payload = payload
    }

    /// What a record carries.
    public enum Payload: Sendable, Hashable {
        /// A block started (`_kdBeginBlock`): its index and its first line in the source.
        case blockStart(BlockStart)
        case table(Table)
        /// A chart, distribution, or digit image as SVG.
        case figure(Figure)
        case export(ExportedValue)
        case widget(Widget)

        /// The `kind` string of the JSON form.
        public var kind: String {
            switch self {
            case .blockStart: "blockStart"
            case .table: "table"
            case .figure: "figure"
            case .export: "export"
            case .widget: "widget"
            }
        }
    }
}

/// The start of a block: the generator's number for it and the 1-based line of the source
/// (the Markdown file) where its code begins.
public struct BlockStart: Codable, Sendable, Hashable {
    public var index: Int
    public var line: Int

    public init(index: Int, line: Int) {
        self.index = index
        self.line = line
    }
}

/// A value a snippet exported for the prose (`{{ kd.name }}`): the value as given, and its
/// text in the requested format (the text is what pages show).
public struct ExportedValue: Codable, Sendable, Hashable {
    public var name: String
    public var value: NotebookScalar
    public var text: String
    /// The format asked for; nil when none was (the value is written `.plain`).
    public var format: ValueFormat?

    public init(name: String, value: NotebookScalar, format: ValueFormat?) {
        self.name = name
        self.value = value
        self.format = format
        self.text = (format ?? .plain).text(value)
    }
}

extension NotebookRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case version = "v", sequence = "seq", block, kind
        case blockStart, table, figure, export, widget
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        guard version <= Self.schemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c,
                debugDescription:
                    "record schema version \(version) is newer than this reader's (\(Self.schemaVersion)); rebuild kdsite"
            )
        }
        sequence = try c.decode(Int.self, forKey: .sequence)
        block = try c.decodeIfPresent(Int.self, forKey: .block)
        switch try c.decode(String.self, forKey: .kind) {
        case "blockStart": payload = .blockStart(try c.decode(BlockStart.self, forKey: .blockStart))
        case "table": payload = .table(try c.decode(Table.self, forKey: .table))
        case "figure": payload = .figure(try c.decode(Figure.self, forKey: .figure))
        case "export": payload = .export(try c.decode(ExportedValue.self, forKey: .export))
        case "widget": payload = .widget(try c.decode(Widget.self, forKey: .widget))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown record kind '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(sequence, forKey: .sequence)
        try c.encodeIfPresent(block, forKey: .block)
        try c.encode(payload.kind, forKey: .kind)
        switch payload {
        case .blockStart(let v): try c.encode(v, forKey: .blockStart)
        case .table(let v): try c.encode(v, forKey: .table)
        case .figure(let v): try c.encode(v, forKey: .figure)
        case .export(let v): try c.encode(v, forKey: .export)
        case .widget(let v): try c.encode(v, forKey: .widget)
        }
    }
}

extension NotebookRecord {
    /// The record as one line of JSON, ending in `\n` (keys sorted, so output is stable;
    /// NaN and infinities as the strings "nan", "inf", "-inf").
    public func jsonLine() throws -> Data {
        var data = try Self.encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Decodes a records stream: one JSON record per line; blank lines are skipped. A final
    /// line without its `\n` that does not decode is taken as cut short by a crash and
    /// dropped; any other bad line throws `RecordStreamError` with its line number.
    public static func decodeLines(_ data: Data) throws -> [NotebookRecord] {
        var records: [NotebookRecord] = []
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            do {
                records.append(try decoder.decode(NotebookRecord.self, from: Data(line)))
            } catch {
                let isUnterminatedLast = i == lines.count - 1
                if isUnterminatedLast { break }
                throw RecordStreamError(line: i + 1, message: "\(error)")
            }
        }
        return records
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }()

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }()
}

/// A records stream that could not be read.
public struct RecordStreamError: Error, CustomStringConvertible, Sendable {
    /// The 1-based line of the stream.
    public var line: Int
    public var message: String
    public var description: String { "records line \(line): \(message)" }
}
