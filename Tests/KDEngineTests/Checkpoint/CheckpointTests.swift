import Foundation
import Testing

@testable import KDEngine

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kdengine-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("checkpoints")
struct CheckpointTests {
    func model() -> Sequential {
        Sequential([
            Reshape([8, 8, 1]), Conv2D(1, 2, kernelSize: 3, padding: 1, seed: 1), ReLU(), MaxPool2D(size: 2),
            Flatten(), Dropout(0.1, seed: 5), Dense(32, 10, seed: 2),
        ])
    }

    @Test func roundTrip() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = model()
        (original.layers[6] as? Dense)?.bias = Tensor((0..<10).map { Float($0) / 7 })
        let history = [
            EpochRecord(
                epoch: 1, loss: 0.5, trainAccuracy: 0.8, testLoss: .nan, testAccuracy: .nan, learningRate: 0.1,
                seconds: 1.5)
        ]
        let url = dir.appendingPathComponent("m.kdck")
        try original.save(to: url, history: history, metadata: ["note": "test"])
        let loaded = try Sequential.load(from: url)
        #expect(loaded.specs == original.specs && loaded.parameters == original.parameters)
        let checkpoint = try Checkpoint.read(from: url)
        #expect(
            checkpoint.history.count == 1 && checkpoint.history[0].testAccuracy.isNaN
                && checkpoint.metadata["note"] == "test")
        let fresh = model()
        try fresh.loadWeights(from: url)
        #expect(fresh.parameters == original.parameters)
        let x = randomTensor([3, 64], seed: 9)
        #expect(loaded(x) == original(x))
    }

    @Test func damagedFilesAreErrorsNamingTheFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("teacher.kdck")
        try model().save(to: url)
        let good = try [UInt8](Data(contentsOf: url))

        func error(for bytes: [UInt8]) -> String {
            do {
                try Data(bytes).write(to: url)
                _ = try Sequential.load(from: url)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        var flipped = good
        flipped[good.count - 20] ^= 0x01
        #expect(error(for: flipped) == "\(url.path): error: checkpoint checksum mismatch: the file is corrupt")
        #expect(error(for: Array(good.prefix(good.count - 9))).hasPrefix("\(url.path): error: checkpoint is truncated"))
        #expect(error(for: Array(good.prefix(6))) == "\(url.path): error: checkpoint is truncated")
        #expect(
            error(for: Array("hello world, not a model".utf8))
                == "\(url.path): error: not a KDEngine checkpoint (no 'KDCK' signature)")
        var future = good
        future[4] = 9
        #expect(
            error(for: future)
                == "\(url.path): error: checkpoint format version 9 is not supported (this engine reads version 1)")
        #expect(error(for: good) == "no error")
        #expect(throws: CheckpointError.self) { try Sequential.load(from: dir.appendingPathComponent("missing.kdck")) }

        let other = Sequential([Dense(64, 10, seed: 1)])
        #expect(throws: CheckpointError.self) { try other.loadWeights(from: url) }
    }

    @Test func cacheTrainsOnceAndReuses() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = CheckpointCache(directory: dir.appendingPathComponent("checkpoints"))
        let (train, test) = DigitsFixture.split
        var recipe = Recipe.student()
        recipe.epochs = 2
        let first = try recipe.train(on: train, validation: test, cache: cache)
        let second = try recipe.train(on: train, validation: test, cache: cache)
        #expect(!first.fromCache && second.fromCache)
        #expect(first.model.parameters == second.model.parameters)
        #expect(first.history.map(\.withoutTiming) == second.history.map(\.withoutTiming))

        var other = recipe
        other.seed = 1
        #expect(other.key(train: train, validation: test) != recipe.key(train: train, validation: test))
        #expect(recipe.key(train: test, validation: train) != recipe.key(train: train, validation: test))
        #expect(try !other.train(on: train, validation: test, cache: cache).fromCache)

        // A damaged entry is retrained and replaced, not trusted.
        let entry = cache.url(for: recipe.key(train: train, validation: test))
        try Data("garbage".utf8).write(to: entry)
        let third = try recipe.train(on: train, validation: test, cache: cache)
        #expect(!third.fromCache && third.model.parameters == first.model.parameters)
        #expect(try Checkpoint.read(from: entry).parameters == first.model.parameters)
    }
}
