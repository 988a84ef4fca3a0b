import Foundation

extension Sequential {
    /// Saves architecture and weights (and an optional training history) to `url`.
    public func save(to url: URL, history: [EpochRecord] = [], metadata: [String: String] = [:]) throws {
        try Checkpoint(model: self, history: history, metadata: metadata).write(to: url)
    }

    /// A model rebuilt from a checkpoint file.
    public static func load(from url: URL) throws -> Sequential {
        try Checkpoint.read(from: url).makeModel()
    }

    /// Replaces this model's weights with a checkpoint's; throws if its architecture differs.
    public func loadWeights(from url: URL) throws {
        let checkpoint = try Checkpoint.read(from: url)
        guard checkpoint.parameters.map(\.shape) == parameters.map(\.shape) else {
            throw CheckpointError(
                path: url.path,
                message:
                    "checkpoint architecture [\(checkpoint.specs.map(\.description).joined(separator: ", "))] does not match this model [\(specs.map(\.description).joined(separator: ", "))]"
            )
        }
        parameters = checkpoint.parameters
    }
}
