import Foundation

/// One measured figure: what was measured, its value and unit, and an optional note
/// (the target it is held against, or the comparison it comes from).
struct BenchResult: Codable, Sendable {
    var suite: String
    var name: String
    var value: Double
    var unit: String
    var note: String = ""
}

/// Collects results from every suite, prints them as a table and writes them as JSON.
struct BenchReport {
    private(set) var results: [BenchResult] = []

    mutating func record(_ suite: String, _ name: String, _ value: Double, _ unit: String, note: String = "") {
        let result = BenchResult(suite: suite, name: name, value: value, unit: unit, note: note)
        results.append(result)
        print(Self.row(result))
    }

    static func row(_ r: BenchResult) -> String {
        let value = r.value >= 100 ? String(format: "%.0f", r.value) : String(format: "%.3g", r.value)
        let name = "\(r.suite) / \(r.name)".padding(toLength: 52, withPad: " ", startingAt: 0)
        return
            "\(name) \(value.leftPadded(to: 12)) \(r.unit.padding(toLength: 10, withPad: " ", startingAt: 0)) \(r.note)"
    }

    func writeJSON(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: url)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Median wall-clock seconds of `body` over `runs` runs, after one warm-up run.
func measure(runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

/// Median CPU seconds of this thread in `body` over `runs` runs, after one warm-up run. Unlike
/// wall time, it does not grow when other processes share the cores.
func cpuMeasure(runs: Int, _ body: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    body()
    let times = (0..<runs).map { _ in
        let start = now()
        body()
        return now() - start
    }
    return times.sorted()[times.count / 2]
}
