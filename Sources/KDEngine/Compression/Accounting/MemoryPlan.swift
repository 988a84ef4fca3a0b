/// Where each activation tensor of an int8 model lives in one arena, planned the way TensorFlow
/// Lite Micro's `GreedyMemoryPlanner` plans it:
/// - one buffer per non-constant tensor (the input and every operator's output), its size rounded
///   up to 16 bytes; weights and biases stay in flash;
/// - lifetimes in "allocation scopes": the input is created at scope 0, operator `i` runs in scope
///   `i + 1` (creating its output, using its inputs); the model's output lives to the end;
/// - buffers sorted by size, largest first (stable, so ties keep tensor order), each placed at the
///   lowest offset where it fits between the buffers already placed that are alive at the same time.
///
/// The arena size is the high-water mark of that placement. TFLite Micro's interpreter reports the
/// same number as its arena "head"; the exported C declares exactly this many bytes.
public struct MemoryPlan: Sendable, Equatable {
    public struct Buffer: Sendable, Equatable {
        /// The tensor: "input" or the operator that produces it.
        public var name: String
        public var bytes: Int
        public var alignedBytes: Int
        public var firstUsed: Int
        public var lastUsed: Int
        public var offset: Int
    }

    public static let alignment = 16

    /// In tensor order: the input, then each operator's output.
    public var buffers: [Buffer]
    /// The arena bytes the plan needs.
    public var arenaBytes: Int
    /// The bytes without any reuse (every buffer of its own), for comparison.
    public var unsharedBytes: Int { buffers.reduce(0) { $0 + $1.alignedBytes } }

    public init(_ model: QuantizedModel) {
        var buffers: [Buffer] = []
        func add(_ name: String, _ bytes: Int, scope: Int) {
            let aligned = (bytes + Self.alignment - 1) / Self.alignment * Self.alignment
            buffers.append(
                Buffer(name: name, bytes: bytes, alignedBytes: aligned, firstUsed: scope, lastUsed: scope, offset: 0))
        }
        add("input", model.inputCount, scope: 0)
        for (index, operation) in model.operations.enumerated() {
            let scope = index + 1
            buffers[buffers.count - 1].lastUsed = scope  // the operator reads the previous tensor
            add(model.sourceLayers[index], operation.outputShape.reduce(1, *), scope: scope)
        }
        buffers[buffers.count - 1].lastUsed = model.operations.count
        self.init(buffers: buffers)
    }

    /// Places `buffers` (offsets ignored) with the greedy first-fit of TFLite Micro.
    init(buffers unplaced: [Buffer]) {
        var buffers = unplaced
        // Largest first; Swift's sort is not guaranteed stable, so ties are broken by index.
        let order = buffers.indices.sorted { a, b in
            buffers[a].alignedBytes != buffers[b].alignedBytes
                ? buffers[a].alignedBytes > buffers[b].alignedBytes : a < b
        }
        var placed: [Int] = []  // indices of placed buffers, ordered by offset
        for id in order {
            let wanted = buffers[id]
            var candidate = 0
            for other in placed
            where buffers[other].firstUsed <= wanted.lastUsed && wanted.firstUsed <= buffers[other].lastUsed {
                if buffers[other].offset - candidate >= wanted.alignedBytes { break }
                candidate = max(candidate, buffers[other].offset + buffers[other].alignedBytes)
            }
            buffers[id].offset = candidate
            let position = placed.firstIndex { buffers[$0].offset > candidate } ?? placed.count
            placed.insert(id, at: position)
        }
        self.buffers = buffers
        self.arenaBytes = buffers.map { $0.offset + $0.alignedBytes }.max() ?? 0
    }
}
