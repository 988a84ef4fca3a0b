import Foundation
import KDSite

/// What every open page is told: the build it should show, and whether the last build failed.
public struct LiveState: Sendable, Equatable, Codable {
    /// Names the site being served; a page from another build reloads.
    public var build: String
    /// A rebuild is running.
    public var building: Bool
    /// The last build failed: the overlay shows this until a good build clears it.
    public var failure: BuildFailure?
}

/// A failed build, as the overlay shows it.
public struct BuildFailure: Sendable, Equatable, Codable {
    /// `2 errors in 1 file`, or the environment's complaint.
    public var summary: String
    /// Each as the terminal prints it: `Content/lessons/01-edge.md:12:3: error: message`
    /// (a note on a second line).
    public var diagnostics: [String]

    public init(summary: String, diagnostics: [String]) {
        self.summary = summary
        self.diagnostics = diagnostics
    }

    /// The errors and warnings of a failed build.
    public init(_ report: BuildReport) {
        let printer = DiagnosticPrinter(colors: false)
        let files = Set(report.diagnostics.filter { $0.severity == .error }.map(\.location.path)).count
        let errors = report.errorCount
        summary =
            "\(errors) error\(errors == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s"); showing the last good build"
        diagnostics = report.diagnostics.filter { $0.severity != .note }.map(printer.format)
    }
}

/// One message of the live-reload channel, sent as a Server-Sent Event.
public enum ServerEvent: Sendable, Equatable {
    /// First on every connection: the current state.
    case hello(LiveState)
    /// A rebuild started.
    case building
    /// A build succeeded: pages reload.
    case reload(build: String)
    /// A build failed: pages show the overlay and keep their content.
    case failure(BuildFailure)

    public var name: String {
        switch self {
        case .hello: "hello"
        case .building: "building"
        case .reload: "reload"
        case .failure: "failure"
        }
    }

    /// The event's JSON payload, on one line (JSON escapes every newline, so a message
    /// cannot break the stream's framing).
    public var data: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let encoded: Data?
        switch self {
        case .hello(let state): encoded = try? encoder.encode(state)
        case .building: encoded = try? encoder.encode([String: String]())
        case .reload(let build): encoded = try? encoder.encode(["build": build])
        case .failure(let failure): encoded = try? encoder.encode(failure)
        }
        return encoded.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `event: NAME`, `data: JSON`, a blank line.
    public var eventStreamText: String {
        "event: \(name)\ndata: \(data)\n\n"
    }
}
