import Foundation
import Testing

@testable import KDSite

/// A test site with one file written from marked text (see `MarkedText`): the shape every
/// exact-location test shares. Build it, then compare its diagnostics with the diagnostic
/// expected at a marker. Removed by `remove()`.
struct MarkedSite {
    let site: TestSite
    /// The content-relative path of the marked file.
    let file: String
    let marked: MarkedText

    /// `marked` (markers removed) written at `file` over `base` (the fixture site, or an empty
    /// folder for `nil`), with `files` added or replaced as `TestSite` does.
    init(_ marked: String, at file: String, base: URL? = TestSite.fixtureSite, files: [String: String?] = [:]) throws {
        self.marked = MarkedText(marked)
        self.file = file
        site = try TestSite(base: base, files: files.merging([file: self.marked.text]) { _, marked in marked })
    }

    func remove() { site.remove() }

    /// Builds without writing the output (the default) and returns the report.
    func build(write: Bool = false, plugins: RenderPlugins = RenderPlugins()) async throws -> BuildReport {
        try await site.build(write: write, plugins: plugins)
    }

    /// Where marker `name` is, as diagnostics locate it.
    func location(_ name: String = "here") throws -> FileLocation {
        let position = try #require(marked.markers[name], "the marked text of \(file) has no ‹\(name)› marker")
        return FileLocation(path: site.path(file), line: position.line, column: position.column)
    }

    /// The first line of a diagnostic at marker `name`, as the build prints it.
    func diagnostic(_ message: String, _ severity: Diagnostic.Severity = .error, at name: String = "here") throws
        -> String
    {
        Diagnostic(severity, message, at: try location(name)).description
    }

}

extension BuildReport {
    /// Every diagnostic as printed, one per element.
    var printed: [String] { diagnostics.map(\.description) }

    /// The errors' first lines (`path:line:col: error: message`): warnings and notes left out.
    var errorLines: [String] {
        diagnostics.filter { $0.severity == .error }.map { Diagnostic(.error, $0.message, at: $0.location).description }
    }
}
