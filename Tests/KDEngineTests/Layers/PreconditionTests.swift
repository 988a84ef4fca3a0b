import KDEngine
import Testing

/// Programmer errors stop the process with a message that names the shapes involved.
@Suite("shape mismatches")
struct PreconditionTests {
    @Test func matmulInnerExtents() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = matmul(Tensor.zeros([2, 3]), Tensor.zeros([4, 5]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("matmul shape mismatch: [2, 3] · [4, 5] (inner extents 3 and 4)"))
    }

    @Test func denseInputWidth() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Dense(64, 10, seed: 1).forward(Tensor.zeros([5, 63]), training: false)
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("Dense(64, 10) expects input [n, 64], got [5, 63]"))
    }

    @Test func labelsOutOfRange() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = crossEntropy(logits: Tensor.zeros([2, 3]), labels: [0, 3])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("label 3 at row 1 is outside 0..<3"))
    }
}
