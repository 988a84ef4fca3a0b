import Foundation
import KDEngine

/// Softens a distribution: σ(z / T).
/// - Parameter temperature: T > 0; larger is softer.
@inlinable public func soften(_ logits: [Float], temperature: Float = 4) -> [Float] {
    let m = logits.max() ?? 0
    let e = logits.map { exp(($0 - m) / temperature) }
    let s = e.reduce(0, +)
    return e.map { $0 / s }
}

/* A block comment /* with a nested one */ that keeps going
   over two lines. */
let report = """
    Teacher: \(String(format: "%.1f", 98.1))% "quoted" \
    continued & <escaped>
    """
let raw = #"C:\path\n stays "as is" \#(report.count)"#
let hex = 0xFF_FF, big = 1_000_000, small = 1.5e-3, binary = 0b1010
#sourceLocation(file:"Content/lessons/01-intro.md",line:42)
#if DEBUG
    print("debug")
#endif
struct Box<T>: Sendable where T: Sendable {
    var value: T {
        get { storage }
        set(v) { storage = v }
    }
    private var storage: T
}
for (i, x) in zip(0..<3, [1.0, 2.5]) where x > 1 { print(i, x, terminator: "") }
