import Foundation

// kdbench: every speed and memory target of the project, measured. `make bench` runs it.
// Usage: kdbench [SUITE…] [--json PATH]   (no suite: all of them)
// Each suite lives in its own file and registers itself here.
let suites: [(name: String, run: (inout BenchReport) throws -> Void)] = [
    ("build", buildBench),
    ("compression", compressionBench),
    ("highlight", highlightSuite),
    ("markdown", MarkdownBench.run),
    (EngineBench.suite, EngineBench.run),
    (ExecutionBench.suite, ExecutionBench.run),
    ("math", MathBench.run),
    (ServeBench.suite, ServeBench.run),
]

var arguments = Array(CommandLine.arguments.dropFirst())
var jsonPath = ".build/kdbench.json"
if let i = arguments.firstIndex(of: "--json"), i + 1 < arguments.count {
    jsonPath = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
}
let selected = arguments.isEmpty ? suites : suites.filter { arguments.contains($0.name) }
var report = BenchReport()
print("suite / measurement".padding(toLength: 52, withPad: " ", startingAt: 0), "value".leftPadded(to: 12), "unit")
for suite in selected {
    try suite.run(&report)
}
try report.writeJSON(to: URL(fileURLWithPath: jsonPath))
print("wrote \(jsonPath)")
