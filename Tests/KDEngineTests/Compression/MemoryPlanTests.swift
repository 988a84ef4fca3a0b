import Foundation
import Testing

@testable import KDEngine

@Suite("RAM planning")
struct MemoryPlanTests {
    /// Sizes, lifetimes and offsets of a hand-made plan, placed as TFLite Micro's greedy planner
    /// places them: largest first, each at the first gap among buffers alive at the same time.
    @Test func greedyFirstFit() {
        func buffer(_ name: String, _ bytes: Int, _ first: Int, _ last: Int) -> MemoryPlan.Buffer {
            .init(name: name, bytes: bytes, alignedBytes: bytes, firstUsed: first, lastUsed: last, offset: 0)
        }
        let plan = MemoryPlan(buffers: [
            buffer("a", 64, 0, 1), buffer("b", 256, 1, 2), buffer("c", 128, 2, 3), buffer("d", 64, 3, 4),
        ])
        // b (largest) at 0; c overlaps b → after it at 256; a overlaps b only → 256; d overlaps c → 0.
        #expect(plan.buffers.map(\.offset) == [256, 0, 256, 0])
        #expect(plan.arenaBytes == 384)
        #expect(plan.unsharedBytes == 512)
    }

    @Test("an MLP needs its two largest neighbouring activations")
    func mlp() throws {
        var g = TestGenerator(state: 1)
        let model = try quantize(
            TestModels.mlp(seed: 1, sizes: [64, 32, 16, 10]), calibration: g.uniforms(64 * 20, 0, 1))
        let plan = MemoryPlan(model)
        #expect(plan.buffers.map(\.alignedBytes) == [64, 32, 16, 16, 16])
        #expect(plan.arenaBytes == 96)
    }

    /// The plan's arena equals the "head" TFLite Micro's interpreter allocates for the same model.
    @Test("arena equals TFLite Micro's", arguments: [0, 1, 2])
    func matchesTFLiteMicro(model index: Int) throws {
        var g = TestGenerator(state: 17)
        let graphs = [
            TestModels.mlp(seed: 3, sizes: [64, 48, 20, 10]), TestModels.convnet(seed: 4),
            TestModels.convnet(seed: 5, channels: 8, padding: .valid),
        ]
        let model = try quantize(graphs[index], calibration: g.uniforms(64 * 30, 0, 16))
        let directory = try VerifyHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.tflite")
        try model.writeTFLite(to: url)
        let report = try VerifyHarness.run("python3", [VerifyHarness.script("tflm_arena.py"), url.path])
        let head = report.range(of: "allocation head [0-9]+ bytes", options: .regularExpression).map { report[$0] }
        let bytes = head.flatMap { $0.split(separator: " ").compactMap { Int($0) }.first }
        #expect(bytes == MemoryPlan(model).arenaBytes, "\(report)")
    }
}
