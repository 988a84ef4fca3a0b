import Foundation
import KDSite

/// The fixture site (`Fixtures/site`) with the package's theme, in a fresh temporary
/// folder, to build, serve and edit. Removed by `remove()`.
struct ServedSite {
    let folder: URL
    var content: URL { folder.appendingPathComponent("Content") }
    var output: URL { folder.appendingPathComponent("Site") }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixture: URL {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("the Fixtures resource folder is missing from the test bundle")
        }
        return fixtures.appendingPathComponent("site")
    }

    /// The first lesson, whose text tests change.
    static let lesson = "lessons/01-first-steps.md"
    static let lessonPage = "/lessons/first-steps/"

    init() throws {
        let fm = FileManager.default
        folder = fm.temporaryDirectory.appendingPathComponent("kdserve-test-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try fm.copyItem(at: Self.fixture, to: content)
        try fm.copyItem(
            at: Self.packageRoot.appendingPathComponent("Content/theme"), to: content.appendingPathComponent("theme"))
    }

    var options: BuildOptions {
        BuildOptions(content: content.path, output: output.path)
    }

    /// Builds into the output folder; the build must succeed.
    @discardableResult
    func build() async throws -> BuildReport {
        let report = try await SiteBuilder(options: options).build()
        guard report.succeeded else {
            throw Failure(
                "the fixture does not build:\n\(report.diagnostics.map(\.description).joined(separator: "\n"))")
        }
        return report
    }

    func text(of relative: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Writes `text` to a content file the way an editor saves: a new file renamed over the old.
    func write(_ text: String, to relative: String) throws {
        let url = content.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    func replace(_ old: String, with new: String, in relative: String) throws {
        let text = try text(of: relative)
        guard text.contains(old) else { throw Failure("'\(old)' is not in \(relative)") }
        try write(text.replacingOccurrences(of: old, with: new), to: relative)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
