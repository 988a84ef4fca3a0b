import Foundation

@testable import KDSite

/// A site in a fresh temporary folder: the fixture site (`Fixtures/site`) with the package's
/// own theme, plus the files a test adds or replaces. Removed by `remove()`.
struct TestSite {
    let folder: URL
    var content: URL { folder.appendingPathComponent("Content") }
    var output: URL { folder.appendingPathComponent("Site") }

    /// The package's root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixtureSite: URL {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("the Fixtures resource folder is missing from the test bundle")
        }
        return fixtures.appendingPathComponent("site")
    }

    /// `files` maps content-relative paths to text; `nil` text deletes the fixture's file.
    init(base: URL? = TestSite.fixtureSite, files: [String: String?] = [:]) throws {
        let fm = FileManager.default
        folder = fm.temporaryDirectory.appendingPathComponent("kdsite-test-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        if let base {
            try fm.copyItem(at: base, to: content)
        } else {
            try fm.createDirectory(at: content, withIntermediateDirectories: true)
        }
        try fm.copyItem(
            at: Self.packageRoot.appendingPathComponent("Content/theme"), to: content.appendingPathComponent("theme"))
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            if let text {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } else {
                try fm.removeItem(at: url)
            }
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ text: String, to path: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The path diagnostics print for a content file.
    func path(_ relative: String) -> String { content.path + "/" + relative }

    func builder(write: Bool = true, plugins: RenderPlugins = RenderPlugins()) -> SiteBuilder {
        SiteBuilder(options: BuildOptions(content: content.path, output: output.path, write: write, plugins: plugins))
    }

    func build(write: Bool = true, plugins: RenderPlugins = RenderPlugins()) async throws -> BuildReport {
        try await builder(write: write, plugins: plugins).build()
    }

    /// The text of a built file.
    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under `folder`, by relative path, with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = base + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }
}
