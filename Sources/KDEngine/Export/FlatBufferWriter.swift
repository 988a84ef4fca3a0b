/// A small FlatBuffers serializer: enough of the format for the TensorFlow Lite schema
/// (tables, vectors of scalars and of tables, strings, unions as a type byte plus an offset).
///
/// Objects are described as a tree (`FlatBufferTable`, `FlatBufferObject`) and written front to
/// back: the root offset and the file identifier, then each table followed by the objects it
/// refers to, so every `uoffset` points forward as the format requires. Each table's vtable sits
/// just before it (a positive `soffset`). Scalars are aligned to their size from the start of the
/// buffer, vectors to their element size (or a forced alignment, e.g. 16 for `Buffer.data`).
/// Little-endian throughout.
struct FlatBufferTable {
    enum Field {
        case scalar(bytes: [UInt8])
        case object(FlatBufferObject)
    }

    private(set) var fields: [Int: Field] = [:]

    mutating func add<T: FixedWidthInteger>(_ slot: Int, _ value: T) {
        fields[slot] = .scalar(bytes: littleEndianBytes(value))
    }

    mutating func add(_ slot: Int, _ value: Float) {
        add(slot, value.bitPattern)
    }

    mutating func add(_ slot: Int, _ value: Bool) {
        add(slot, UInt8(value ? 1 : 0))
    }

    mutating func add(_ slot: Int, _ object: FlatBufferObject) {
        fields[slot] = .object(object)
    }
}

indirect enum FlatBufferObject {
    case table(FlatBufferTable)
    case string(String)
    /// Raw little-endian element bytes, the element size, and an optional forced alignment.
    case scalars(bytes: [UInt8], elementSize: Int, forceAlign: Int)
    case tables([FlatBufferTable])

    static func vector<T: FixedWidthInteger>(_ values: [T]) -> FlatBufferObject {
        .scalars(bytes: values.flatMap { littleEndianBytes($0) }, elementSize: MemoryLayout<T>.size, forceAlign: 0)
    }

    static func vector(_ values: [Float]) -> FlatBufferObject {
        vector(values.map(\.bitPattern))
    }
}

func littleEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}

/// Writes a tree of FlatBuffers objects into bytes.
struct FlatBufferWriter {
    private(set) var bytes: [UInt8] = []

    /// The whole buffer: root offset, 4-byte file identifier, then the root table.
    static func serialize(root: FlatBufferTable, identifier: String) -> [UInt8] {
        precondition(identifier.utf8.count == 4, "a file identifier has 4 bytes")
        var writer = FlatBufferWriter()
        writer.bytes = [0, 0, 0, 0] + Array(identifier.utf8)
        let rootPosition = writer.write(.table(root))
        writer.patch(uoffsetAt: 0, to: rootPosition)
        writer.pad(to: 16)
        return writer.bytes
    }

    private mutating func pad(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// Pads so that `bytes.count + prefix` is a multiple of `alignment`.
    private mutating func pad(to alignment: Int, after prefix: Int) {
        while (bytes.count + prefix) % alignment != 0 { bytes.append(0) }
    }

    private mutating func patch(uoffsetAt position: Int, to target: Int) {
        precondition(target > position, "flatbuffers offsets point forward")
        let value = littleEndianBytes(UInt32(target - position))
        bytes.replaceSubrange(position..<(position + 4), with: value)
    }

    /// Writes `object` at the current end and returns its position (for a table, the table start;
    /// for a vector or string, its length prefix).
    private mutating func write(_ object: FlatBufferObject) -> Int {
        switch object {
        case .table(let table):
            return write(table)
        case .string(let text):
            let utf8 = Array(text.utf8)
            pad(to: 4)
            let position = bytes.count
            bytes += littleEndianBytes(UInt32(utf8.count)) + utf8 + [0]
            return position
        case .scalars(let data, let elementSize, let forceAlign):
            precondition(data.count % elementSize == 0)
            pad(to: max(4, elementSize, forceAlign), after: 4)
            let position = bytes.count
            bytes += littleEndianBytes(UInt32(data.count / elementSize)) + data
            return position
        case .tables(let tables):
            pad(to: 4)
            let position = bytes.count
            bytes += littleEndianBytes(UInt32(tables.count))
            let slots = bytes.count
            bytes += [UInt8](repeating: 0, count: 4 * tables.count)
            for (index, table) in tables.enumerated() {
                let target = write(table)
                patch(uoffsetAt: slots + 4 * index, to: target)
            }
            return position
        }
    }

    private mutating func write(_ table: FlatBufferTable) -> Int {
        // Inline layout: the soffset, then fields largest first so that padding stays small.
        let slots = table.fields.keys.sorted()
        let ordered = slots.sorted {
            size(of: table.fields[$0]) > size(of: table.fields[$1])
                || (size(of: table.fields[$0]) == size(of: table.fields[$1]) && $0 < $1)
        }
        var fieldOffsets: [Int: Int] = [:]
        var inlineSize = 4
        for slot in ordered {
            let fieldSize = size(of: table.fields[slot])
            inlineSize = (inlineSize + fieldSize - 1) / fieldSize * fieldSize
            fieldOffsets[slot] = inlineSize
            inlineSize += fieldSize
        }
        let alignment = max(4, ordered.map { size(of: table.fields[$0]) }.max() ?? 4)

        // The vtable: its size, the table's inline size, one u16 offset per slot (0 = absent).
        let slotCount = (slots.last ?? -1) + 1
        var vtable = littleEndianBytes(UInt16(4 + 2 * slotCount)) + littleEndianBytes(UInt16(inlineSize))
        for slot in 0..<slotCount {
            vtable += littleEndianBytes(UInt16(fieldOffsets[slot] ?? 0))
        }
        pad(to: 2)
        pad(to: alignment, after: vtable.count)
        let vtablePosition = bytes.count
        bytes += vtable
        let tablePosition = bytes.count
        bytes += littleEndianBytes(Int32(tablePosition - vtablePosition))
        bytes += [UInt8](repeating: 0, count: inlineSize - 4)

        var children: [(fieldPosition: Int, object: FlatBufferObject)] = []
        for slot in ordered {
            let position = tablePosition + (fieldOffsets[slot] ?? 0)
            switch table.fields[slot] {
            case .scalar(let value):
                bytes.replaceSubrange(position..<(position + value.count), with: value)
            case .object(let object):
                children.append((position, object))
            case nil:
                break
            }
        }
        for child in children {
            let target = write(child.object)
            patch(uoffsetAt: child.fieldPosition, to: target)
        }
        return tablePosition
    }

    private func size(of field: FlatBufferTable.Field?) -> Int {
        switch field {
        case .scalar(let value): value.count
        case .object: 4
        case nil: 0
        }
    }
}
