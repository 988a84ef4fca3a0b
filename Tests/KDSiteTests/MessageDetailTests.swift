import Foundation
import Testing

@testable import KDSite

/// Small messages that must say the right thing: a swapped pair of letters is one typo, and
/// an engine passed over as stale is called stale.
@Suite("Message details")
struct MessageDetailTests {
    @Test(arguments: [("titel", "title"), ("sumary", "summary"), ("oredr", "order"), ("tiemout", "timeout")])
    func frontMatterTyposGetASuggestion(typo: String, key: String) async throws {
        let site = try TestSite(files: [
            "lessons/03-gamma.md": "---\ntitle: G\nsummary: S.\norder: 3\nmap: {label: G}\n\(typo): 1\n---\nText.\n"
        ])
        defer { site.remove() }
        let report = try await site.build(write: false)
        #expect(
            report.diagnostics.map(\.message).contains(
                "unknown key '\(typo)' in lesson front matter; did you mean '\(key)'?"),
            "\(report.diagnostics.map(\.message))")
    }

    @Test func editDistanceCountsASwapAsOneEdit() {
        #expect(Suggestion.editDistance("titel", "title") == 1)
        #expect(Suggestion.editDistance("abc", "abc") == 0)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(
            Suggestion.editDistance("ca", "abc") == 3, "optimal string alignment: a swapped pair is not edited again")
    }

    @Test func aStaleEngineIsCalledStale() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kdsite-engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["Modules", "KDEngine.build"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for file in [
            "libKDEngine.so", "libKDNotebook.so", "Modules/KDEngine.swiftmodule", "Modules/KDNotebook.swiftmodule",
            "KDEngine.build/Dense.swift.o",
        ] {
            try Data(file.utf8).write(to: folder.appendingPathComponent(file))
        }
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(60)],
            ofItemAtPath: folder.appendingPathComponent("KDEngine.build/Dense.swift.o").path)
        var memo = FileMemo(store: nil)
        do {
            _ = try EngineLibraries.search([folder], memo: &memo)
            Issue.record("a stale engine was used")
        } catch {
            #expect(
                error.message.hasPrefix("the built KDEngine and KDNotebook libraries in '\(folder.path)' are stale"),
                "\(error.message)")
            #expect(error.message.contains("swift build -c release"))
        }
        var empty = FileMemo(store: nil)
        #expect(throws: EnvironmentError.self) {
            try EngineLibraries.search([folder.appendingPathComponent("none")], memo: &empty)
        }
    }
}
