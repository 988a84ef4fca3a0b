import Dispatch

extension RandomAccessCollection where Self: Sendable, Element: Sendable, Index == Int {
    /// `map`, with the elements transformed on all cores; the results keep the input's order,
    /// so the output is the same as a serial map's.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        nonisolated(unsafe) let slots = buffer
        let start = startIndex
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots[i] = transform(self[start + i])
        }
        let results = buffer.compactMap { $0 }
        precondition(results.count == count, "every element is transformed once")
        return results
    }
}
