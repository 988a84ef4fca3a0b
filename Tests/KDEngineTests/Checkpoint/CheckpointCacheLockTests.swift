import Foundation
import Synchronization
import Testing

@testable import KDEngine

/// Lessons run in parallel, each a process that asks the cache for the same teacher: the
/// first to miss trains it, the others wait for its checkpoint instead of training again.
@Suite("checkpoint cache lock")
struct CheckpointCacheLockTests {
    @Test(arguments: [2, 4])
    func concurrentRequestsForOneKeyTrainOnce(callers: Int) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = CheckpointCache(directory: dir.appendingPathComponent("checkpoints"))
        let key = SHA256.hash("teacher \(callers)")
        let trainings = Mutex(0)
        let fromCache = Mutex<[Bool]>([])
        let failures = Mutex<[String]>([])
        let start = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for _ in 0..<callers {
            finished.enter()
            // Threads, not tasks: a waiting caller blocks its thread, as a lesson's process does.
            Thread {
                defer { finished.leave() }
                start.wait()
                do {
                    let trained = try cache.model(for: key) {
                        trainings.withLock { $0 += 1 }
                        // Long enough that every caller has asked before the first one finishes.
                        Thread.sleep(forTimeInterval: 0.4)
                        return (Sequential([Dense(4, 3, seed: 7)]), [])
                    }
                    fromCache.withLock { $0.append(trained.fromCache) }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }.start()
        }
        for _ in 0..<callers { start.signal() }
        finished.wait()
        let failed: [String] = failures.withLock { $0 }
        let trained: Int = trainings.withLock { $0 }
        #expect(failed == [])
        #expect(trained == 1, "one caller trains; the others wait for its checkpoint")
        let reused: [Bool] = fromCache.withLock { $0 }
        #expect(reused.count == callers)
        #expect(reused.count { !$0 } == 1, "the others got the trained model from the cache")
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path).sorted()
        #expect(files == [key.hexString + ".kdck", key.hexString + ".lock"])
    }

    @Test func differentKeysDoNotWaitForEachOther() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = CheckpointCache(directory: dir.appendingPathComponent("checkpoints"))
        // Training one key asks for another from inside: with one lock for the whole cache
        // this would deadlock; with a lock per key it trains both.
        let outer = try cache.model(for: SHA256.hash("outer")) {
            let inner = try cache.model(for: SHA256.hash("inner")) { (Sequential([Dense(2, 2, seed: 1)]), []) }
            #expect(!inner.fromCache)
            return (Sequential([Dense(2, 2, seed: 2)]), [])
        }
        #expect(!outer.fromCache)
        #expect(try cache.model(for: SHA256.hash("inner")) { (Sequential([Dense(2, 2, seed: 3)]), []) }.fromCache)
    }
}
