import Foundation

/// A saved model: architecture, weights, training history and free-form metadata.
///
/// File format (little-endian), version 1:
///
///     "KDCK"  magic, 4 bytes
///     u32     format version (1)
///     u32     header length H
///     H bytes header, JSON: {"layers": [LayerSpec], "shapes": [[Int]], "history": [EpochRecord],
///             "metadata": {String: String}}
///     f32…    every tensor's scalars, in order, row-major
///     u32     CRC-32 of every byte before it
///
/// Reading checks the magic, the version, the length against the shapes and the checksum, so
/// a corrupt or truncated file is a thrown `CheckpointError` naming it, never garbage weights.
public struct Checkpoint: Sendable, Equatable {
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("KDCK".utf8)

    public var specs: [LayerSpec]
    public var parameters: [Tensor]
    public var history: [EpochRecord]
    public var metadata: [String: String]

    public init(model: Sequential, history: [EpochRecord] = [], metadata: [String: String] = [:]) {
        specs = model.specs
        parameters = model.parameters
        self.history = history
        self.metadata = metadata
    }

    /// A new model with the saved architecture and weights.
    public func makeModel() -> Sequential {
        let model = Sequential(specs: specs)
        model.parameters = parameters
        return model
    }

    struct Header: Codable {
        var layers: [LayerSpec]
        var shapes: [[Int]]
        var history: [EpochRecord]
        var metadata: [String: String]
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// The file's bytes.
    public func encoded() throws -> Data {
        let header = try Checkpoint.encoder().encode(
            Header(layers: specs, shapes: parameters.map(\.shape), history: history, metadata: metadata))
        var bytes = Checkpoint.magic
        bytes.appendLittleEndian(Checkpoint.formatVersion)
        bytes.appendLittleEndian(UInt32(header.count))
        bytes += header
        for tensor in parameters {
            for scalar in tensor.scalars { bytes.appendLittleEndian(scalar.bitPattern) }
        }
        bytes.appendLittleEndian(CRC32.checksum(bytes))
        return Data(bytes)
    }

    /// Writes the file atomically (a temporary file renamed into place).
    public func write(to url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try encoded().write(to: url, options: .atomic)
        } catch let error as CheckpointError {
            throw error
        } catch {
            throw CheckpointError(
                path: url.path, message: "cannot write checkpoint (\(error.localizedDescription.lowercased()))")
        }
    }

    /// Reads and verifies a checkpoint file.
    public static func read(from url: URL) throws -> Checkpoint {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CheckpointError(
                path: url.path, message: "cannot read checkpoint (\(error.localizedDescription.lowercased()))")
        }
        return try decode([UInt8](data), path: url.path)
    }

    /// Parses and verifies checkpoint bytes; `path` names them in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws -> Checkpoint {
        func fail(_ message: String) -> CheckpointError { CheckpointError(path: path, message: message) }
        guard bytes.count >= 16, Array(bytes[0..<4]) == magic else {
            throw fail(
                bytes.count < 4 || Array(bytes[0..<4]) != magic
                    ? "not a KDEngine checkpoint (no 'KDCK' signature)" : "checkpoint is truncated")
        }
        let version = bytes.littleEndianUInt32(at: 4)
        guard version == formatVersion else {
            throw fail(
                "checkpoint format version \(version) is not supported (this engine reads version \(formatVersion))")
        }
        let stored = bytes.littleEndianUInt32(at: bytes.count - 4)
        let headerLength = Int(bytes.littleEndianUInt32(at: 8))
        guard 12 + headerLength + 4 <= bytes.count else {
            throw fail("checkpoint is truncated (header runs past the end)")
        }
        let header: Header
        do {
            header = try decoder().decode(Header.self, from: Data(bytes[12..<12 + headerLength]))
        } catch {
            throw fail("checkpoint header is corrupt")
        }
        let scalarCount = header.shapes.reduce(0) { $0 + $1.reduce(1, *) }
        let expected = 12 + headerLength + scalarCount * 4 + 4
        guard bytes.count == expected else {
            throw fail(
                "checkpoint is \(bytes.count < expected ? "truncated" : "too long"): \(bytes.count) bytes, expected \(expected)"
            )
        }
        guard CRC32.checksum(bytes[0..<bytes.count - 4]) == stored else {
            throw fail("checkpoint checksum mismatch: the file is corrupt")
        }
        var offset = 12 + headerLength
        var tensors: [Tensor] = []
        for shape in header.shapes {
            let count = shape.reduce(1, *)
            let scalars = (0..<count).map { Float(bitPattern: bytes.littleEndianUInt32(at: offset + 4 * $0)) }
            offset += 4 * count
            tensors.append(Tensor(shape: shape, scalars: scalars))
        }
        let model = Sequential(specs: header.layers)
        guard model.parameters.map(\.shape) == header.shapes else {
            throw fail("checkpoint weights do not fit its architecture")
        }
        var checkpoint = Checkpoint(model: model, history: header.history, metadata: header.metadata)
        checkpoint.parameters = tensors
        return checkpoint
    }
}

/// A checkpoint that cannot be read, written or used: `path: error: message`.
public struct CheckpointError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }
}

extension [UInt8] {
    mutating func appendLittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    func littleEndianUInt32(at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(self[offset + $1]) << (8 * UInt32($1)) }
    }
}
