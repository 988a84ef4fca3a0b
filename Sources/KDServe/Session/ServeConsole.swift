import Foundation
import KDSite

/// Prints `ServeEvent`s on stderr, as `kdsite build` prints its results: diagnostics as
/// `path:line:col: error: message`, one summary line per build.
public struct ServeConsole: Sendable {
    /// The output folder, as the author named it.
    public var output: String
    public var printer: DiagnosticPrinter

    public init(output: String = "Site", printer: DiagnosticPrinter = DiagnosticPrinter()) {
        self.output = output
        self.printer = printer
    }

    public func print(_ event: ServeEvent) {
        switch event {
        case .listening(let url, _):
            StandardError.write(
                "serving \(output) at \(url) — edit the content and open pages reload; Ctrl-C to stop\n")
        case .warning(let message):
            StandardError.write("warning: \(message)\n")
        case .building(let changes):
            guard let first = changes.first else { return }
            let more = changes.count > 1 ? " and \(changes.count - 1) more" : ""
            StandardError.write("changed: \(first)\(more)\n")
        case .built(let report, _):
            printer.print(report.diagnostics)
            StandardError.write(
                "built \(report.pages) pages in \(Self.seconds(report.seconds))\(Self.warnings(report))\n")
        case .failed(let report, _):
            printer.print(report.diagnostics)
            let files = Set(report.diagnostics.filter { $0.severity == .error }.map(\.location.path)).count
            let errors = report.errorCount
            StandardError.write(
                "\(errors) error\(errors == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")\(Self.warnings(report)); "
                    + "still serving the last good build\n")
        case .searchIndexed:
            return  // Pagefind's time is on the progress line
        case .environmentProblem(let message):
            StandardError.write("error: \(message)\n")
        case .stopping:
            StandardError.write("\nstopping\n")
        }
    }

    private static func seconds(_ value: Double) -> String {
        value < 1 ? "\(Int((value * 1000).rounded())) ms" : String(format: "%.2f s", value)
    }

    private static func warnings(_ report: BuildReport) -> String {
        let count = report.warningCount
        return count == 0 ? "" : ", \(count) warning\(count == 1 ? "" : "s")"
    }
}
