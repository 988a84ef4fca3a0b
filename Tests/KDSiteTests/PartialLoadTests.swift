import Foundation
import Testing

@testable import KDSite

/// One broken file hides nothing else: a file whose own errors keep it from loading is left
/// out, every other check still runs, and what names the left-out file is not reported again.
@Suite("Every problem in one run, despite a file that does not load")
struct PartialLoadTests {
    /// A lesson with a link to an unknown page and a quiz id that alpha already uses.
    static let otherProblems = """
        ---
        title: Delta
        summary: Fourth.
        order: 4
        map: {label: Delta, requires: [alpha, gamma]}
        ---
        See [gamma](03-gamma.md) and [nowhere](09-nowhere.md); gamma's loss is {{ kd.gamma.loss }}.

        ```quiz
        id: alpha-quiz
        question: Again?
        choices:
          - text: Yes
            correct: true
          - text: No
        ```
        """

    /// Each error's message up to its suggestion, if any.
    static func errors(_ report: BuildReport) -> [String] {
        report.diagnostics.filter { $0.severity == .error }.map { String($0.message.split(separator: ";").first ?? "") }
    }

    /// The problems `otherProblems` must add, wherever the load failed.
    static let expected: Set<String> = [
        "link to unknown page '09-nowhere.md'",
        "duplicate quiz id 'alpha-quiz'",
    ]

    static let brokenLessons: [(String, String)] = [
        (
            "---\ntitle: Gamma\nsummary: a: b\norder: 3\nmap: {label: G}\n---\nText.\n",
            "malformed YAML: mapping values are not allowed in this context"
        ),
        (
            "---\ntitle: Gamma\ntitle: Again\nsummary: S.\norder: 3\nmap: {label: G}\n---\nText.\n",
            "duplicate key 'title'"
        ),
        (
            "---\ntitle: Gamma\norder: 3\nmap: {label: G}\n---\nText.\n",
            "missing required key 'summary' in lesson front matter"
        ),
        ("---\ntitle: Gamma\n", "front matter is not closed"),
    ]

    @Test(arguments: brokenLessons)
    func aBrokenLessonIsLeftOutAndNothingNamesItTwice(lesson: String, message: String) async throws {
        let site = try TestSite(files: ["lessons/03-gamma.md": lesson, "lessons/04-delta.md": Self.otherProblems])
        defer { site.remove() }
        let report = try await site.build(write: false)
        let errors = Self.errors(report)
        #expect(Set(errors) == Self.expected.union([message]), "\(errors)")
        #expect(
            !errors.contains { $0.contains("gamma") },
            "links, map.requires and values naming the left-out lesson are not reported")
    }

    @Test(
        arguments: [
            ("title: \"T\"\nurl: \"https://example.org/\"\n", "missing required key 'description' in site.yml"),
            ("title: \"T\"\ntitle: \"U\"\ndescription: D\nurl: \"https://example.org/\"\n", "duplicate key 'title'"),
            (nil, "missing site.yml"),
        ] as [(String?, String)])
    func aBrokenSiteConfigHidesNoOtherProblem(config: String?, message: String) async throws {
        let site = try TestSite(files: [
            "site.yml": config, "lessons/04-delta.md": Self.otherProblems.replacingOccurrences(of: ", gamma", with: ""),
        ])
        defer { site.remove() }
        let report = try await site.build(write: false)
        let errors = Self.errors(report)
        let expected = Self.expected.union([
            message, "link to unknown page '03-gamma.md'", "unknown value 'kd.gamma.loss'",
        ])
        #expect(Set(errors) == expected, "\(errors)")
    }

    @Test func aMissingThemeIsOneErrorAndHidesNoOtherProblem() async throws {
        let site = try TestSite(files: [
            "lessons/04-delta.md": Self.otherProblems.replacingOccurrences(of: ", gamma", with: "")
        ])
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("theme"))
        let report = try await site.build(write: false)
        let errors = report.diagnostics.filter { $0.severity == .error }
        let themeErrors = errors.filter { $0.location.path.hasSuffix("/theme") || $0.location.path.contains("/theme/") }
        #expect(
            themeErrors.map(\.message) == [
                "no theme folder '\(site.content.path)/theme'; a site needs theme/ with its Mustache templates (copy the package's Content/theme to start)"
            ])
        #expect(Set(Self.errors(report)).isSuperset(of: Self.expected))
    }
}
