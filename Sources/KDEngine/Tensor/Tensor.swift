import Foundation

/// An n-dimensional array of `Float`, row-major, with value semantics.
///
/// Storage is a flat `[Float]`, so copies are cheap and copy-on-write: a copy shares its
/// buffer until one side mutates. `shape` lists the extent of each axis, outermost first;
/// element `[i, j]` of a rank-2 tensor of shape `[m, n]` is `scalars[i * n + j]`.
public struct Tensor: Sendable, Equatable {
    /// Extent of each axis, outermost first. `[]` is a scalar (one element).
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.reduce(1, *)`.
    public var scalars: [Float] {
        didSet {
            precondition(
                scalars.count == Tensor.count(of: shape),
                "tensor scalars changed count to \(scalars.count); shape \(shape) needs \(Tensor.count(of: shape))")
        }
    }

    /// A tensor of `shape` holding `scalars` in row-major order.
    /// - Precondition: `scalars.count` equals the product of `shape`, and no extent is negative.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "tensor shape \(shape) has a negative extent")
        precondition(
            scalars.count == Tensor.count(of: shape),
            "tensor of shape \(shape) needs \(Tensor.count(of: shape)) scalars, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of `shape` with every element equal to `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: Tensor.count(of: shape)))
    }

    /// A tensor of `shape` filled with zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// A rank-2 tensor from rows of equal length.
    public init(_ rows: [[Float]]) {
        let width = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == width }, "tensor rows have different lengths")
        self.init(shape: [rows.count, width], scalars: rows.flatMap { $0 })
    }

    /// A rank-1 tensor.
    public init(_ vector: [Float]) {
        self.init(shape: [vector.count], scalars: vector)
    }

    @usableFromInline
    static func count(of shape: [Int]) -> Int { shape.reduce(1, *) }

    /// Number of axes.
    public var rank: Int { shape.count }
    /// Number of elements.
    public var scalarCount: Int { scalars.count }

    /// Element `[i, j]` of a rank-2 tensor.
    @inlinable
    public subscript(i: Int, j: Int) -> Float {
        get {
            precondition(shape.count == 2, "tensor[i, j] needs a rank-2 tensor, got shape \(shape)")
            return scalars[i * shape[1] + j]
        }
        set {
            precondition(shape.count == 2, "tensor[i, j] needs a rank-2 tensor, got shape \(shape)")
            scalars[i * shape[1] + j] = newValue
        }
    }

    /// The same elements under another shape with the same element count. One extent may be
    /// `-1`, meaning "whatever makes the count match".
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let hole = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != hole }.map(\.element).reduce(1, *)
            precondition(known > 0 && scalarCount % known == 0, "cannot reshape \(shape) to \(newShape)")
            resolved[hole] = scalarCount / known
        }
        precondition(
            Tensor.count(of: resolved) == scalarCount, "cannot reshape \(shape) (\(scalarCount) scalars) to \(newShape)"
        )
        return Tensor(shape: resolved, scalars: scalars)
    }

    /// Number of rows (the first extent) and the length of one row (the product of the rest).
    var rowsAndWidth: (rows: Int, width: Int) {
        precondition(!shape.isEmpty, "a scalar tensor has no rows")
        return (shape[0], shape[0] == 0 ? Tensor.count(of: Array(shape.dropFirst())) : scalarCount / shape[0])
    }

    /// The rows (first-axis slices) at `indices`, in that order: shape `[indices.count] + shape[1...]`.
    public func rows(_ indices: [Int]) -> Tensor {
        let (n, width) = rowsAndWidth
        var out = [Float](repeating: 0, count: indices.count * width)
        scalars.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for (r, i) in indices.enumerated() {
                    precondition(i >= 0 && i < n, "row \(i) out of range 0..<\(n)")
                    // An empty buffer (no rows, or rows of width 0) has nothing to copy.
                    guard let to = dst.baseAddress, let from = src.baseAddress else { continue }
                    (to + r * width).update(from: from + i * width, count: width)
                }
            }
        }
        return Tensor(shape: [indices.count] + shape.dropFirst(), scalars: out)
    }

    /// The rows `range` of the first axis.
    public func rows(_ range: Range<Int>) -> Tensor {
        let (n, width) = rowsAndWidth
        precondition(range.lowerBound >= 0 && range.upperBound <= n, "rows \(range) out of range 0..<\(n)")
        return Tensor(
            shape: [range.count] + shape.dropFirst(),
            scalars: Array(scalars[range.lowerBound * width..<range.upperBound * width]))
    }

    /// Row `i` of the first axis, with the first axis removed.
    public func row(_ i: Int) -> Tensor { rows(i..<i + 1).reshaped(Array(shape.dropFirst())) }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let shown = scalars.prefix(8).map { String(format: "%.4g", Double($0)) }.joined(separator: ", ")
        return "Tensor(shape: \(shape), scalars: [\(shown)\(scalarCount > 8 ? ", …" : "")])"
    }
}
