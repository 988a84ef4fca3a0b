import Foundation

/// A content-addressed store of trained models: a model is filed under the SHA-256 of
/// everything that determines it (architecture, data, seed, recipe), so a teacher trained
/// once is reused by every lesson and every build. kdsite passes `.kdcache/checkpoints`.
///
/// Entries are written atomically. Callers asking for the same key at once — lessons of a
/// cold build running in parallel, each a process — train it once: the first to miss holds
/// `KEY.lock` (`flock`) while it trains, the others wait on it and then read its entry. An
/// entry that fails to read (corrupt, truncated, from another format version) is treated as
/// missing and replaced.
public struct CheckpointCache: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Where the entry for `key` lives.
    public func url(for key: SHA256Digest) -> URL {
        directory.appendingPathComponent(key.hexString + ".kdck")
    }

    /// The stored checkpoint for `key`, if there is a readable one.
    public func checkpoint(for key: SHA256Digest) -> Checkpoint? {
        let url = url(for: key)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try? Checkpoint.read(from: url)
    }

    /// The cached model and history for `key`, or else the result of `train`, stored first.
    /// While one caller trains a key, other callers of that key (in any process) wait for it.
    public func model(for key: SHA256Digest, train: () throws -> (Sequential, [EpochRecord])) throws -> TrainedModel {
        if let hit = checkpoint(for: key) {
            return TrainedModel(model: hit.makeModel(), history: hit.history, fromCache: true)
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CheckpointError(
                path: directory.path,
                message: "cannot create the checkpoint folder (\(error.localizedDescription.lowercased()))")
        }
        let lock = try FileLock(directory.appendingPathComponent(key.hexString + ".lock"))
        defer { withExtendedLifetime(lock) {} }
        // Whoever held the lock before us may have stored it.
        if let hit = checkpoint(for: key) {
            return TrainedModel(model: hit.makeModel(), history: hit.history, fromCache: true)
        }
        let (model, history) = try train()
        try Checkpoint(model: model, history: history, metadata: ["key": key.hexString]).write(to: url(for: key))
        return TrainedModel(model: model, history: history, fromCache: false)
    }
}

/// A model with the history of the training that produced it.
public struct TrainedModel {
    public var model: Sequential
    public var history: [EpochRecord]
    /// Whether it came from a `CheckpointCache` rather than being trained now.
    public var fromCache: Bool
}
