import Foundation
import Testing

@testable import KDSite

/// Every kind of content mistake, each at its exact line and column: the fixture site with
/// one file replaced or added, the expected position marked `‹here›` in the file's text.
@Suite("Diagnostics at their exact location")
struct DiagnosticLocationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var marked: String
        var message: String
        var marker = "here"
        var testDescription: String { name }
    }

    static let lessonHead =
        "---\ntitle: Gamma\nsummary: Third.\norder: 3\nmap: {label: Gamma, requires: [alpha]}\n---\n"

    static let twoChoices = "choices:\n- text: a\n  correct: true\n- text: b\n"

    static let cases: [Case] = [
        Case(
            name: "malformed YAML in front matter", file: "lessons/03-gamma.md",
            marked: "---\ntitle: Gamma\nsummary: a‹here›: b\norder: 3\nmap: {label: G}\n---\nText.\n",
            message: "malformed YAML: mapping values are not allowed in this context"),
        Case(
            name: "columns count UTF-8 bytes", file: "lessons/03-gamma.md",
            marked: "---\ntitle: Gamma\nsummary: héllo wörld‹here›: b\norder: 3\nmap: {label: G}\n---\nText.\n",
            message: "malformed YAML: mapping values are not allowed in this context"),
        Case(
            name: "missing required key", file: "lessons/03-gamma.md",
            marked: "---\n‹here›title: Gamma\norder: 3\nmap: {label: G}\n---\nText.\n",
            message: "missing required key 'summary' in lesson front matter"),
        Case(
            name: "mistyped value", file: "lessons/03-gamma.md",
            marked: "---\ntitle: Gamma\nsummary: S.\norder: ‹here›three\nmap: {label: G}\n---\nText.\n",
            message: "'order' must be a whole number, not 'three'"),
        Case(
            name: "mistyped container", file: "lessons/03-gamma.md",
            marked: "---\ntitle: Gamma\nsummary: S.\norder: 3\nmap: ‹here›Gamma\n---\nText.\n",
            message: "'map' must be a mapping of keys to values, not 'Gamma'"),
        Case(
            name: "unknown key with suggestion", file: "lessons/03-gamma.md",
            marked: "---\ntitle: Gamma\nsummary: S.\n‹here›sumary: S.\norder: 3\nmap: {label: G}\n---\nText.\n",
            message: "unknown key 'sumary' in lesson front matter; did you mean 'summary'?"),
        Case(
            name: "duplicate key", file: "lessons/03-gamma.md",
            marked: "---\ntitle: Gamma\nsummary: S.\n‹here›title: Again\norder: 3\nmap: {label: G}\n---\nText.\n",
            message: "duplicate key 'title'"),
        Case(
            name: "front matter not closed", file: "lessons/03-gamma.md",
            marked: "‹here›---\ntitle: Gamma\n",
            message: "front matter is not closed; expected a line '---' after it"),
        Case(
            name: "duplicate lesson slug", file: "lessons/03-alpha.md",
            marked: "‹here›---\ntitle: Again\nsummary: S.\norder: 3\nmap: {label: A}\n---\nText.\n",
            message: "duplicate lesson slug 'alpha'; rename one of the files"),
        Case(
            name: "duplicate order", file: "lessons/03-gamma.md",
            marked: "---\ntitle: Gamma\nsummary: S.\norder: ‹here›2\nmap: {label: G}\n---\nText.\n",
            message: "duplicate order 2; 'beta' has it already"),
        Case(
            name: "bad lesson file name", file: "lessons/gamma.md",
            marked: "‹here›Text.\n",
            message:
                "lesson file name 'gamma.md' must look like 'NN-slug.md' (digits, a hyphen, then lowercase words joined by hyphens)"
        ),
        Case(
            name: "unknown lesson in map.requires", file: "lessons/03-gamma.md",
            marked:
                "---\ntitle: Gamma\nsummary: S.\norder: 3\nmap: {label: G, requires: [alpha, ‹here›betta]}\n---\nText.\n",
            message: "unknown lesson 'betta' in map.requires; did you mean 'beta'?"),
        Case(
            name: "a cycle in the map", file: "lessons/01-alpha.md",
            marked:
                "---\ntitle: Alpha\nsummary: S.\norder: 1\nmap:\n  label: A\n  requires:\n    - ‹here›beta\n---\nText.\n",
            message: "map.requires forms a cycle: alpha → beta → alpha"),
        Case(
            name: "quiz with one choice", file: "lessons/03-gamma.md",
            marked: lessonHead
                + "\nText.\n\n```quiz\nid: gamma-quiz\nquestion: Q?\nchoices:\n  ‹here›- text: only\n    correct: true\n```\n",
            message: "a quiz needs at least two choices; this one has 1"),
        Case(
            name: "quiz with no correct choice", file: "lessons/03-gamma.md",
            marked: lessonHead
                + "\n```quiz\nid: gamma-quiz\nquestion: Q?\nchoices:\n‹here›- text: one\n- text: two\n```\n",
            message: "no choice is marked 'correct: true'; mark the right answer"),
        Case(
            name: "malformed YAML inside a quiz", file: "lessons/03-gamma.md",
            marked: lessonHead + "\nIntro.\n\n```quiz\nid: gamma-quiz\nquestion: Q‹here›: bad\n```\n",
            message: "malformed YAML: mapping values are not allowed in this context"),
        Case(
            name: "quiz indented in a list maps columns back", file: "lessons/03-gamma.md",
            marked: lessonHead
                + "\n- An item:\n\n  ```quiz\n  id: gamma-quiz\n  question: Q?\n  choices:\n    ‹here›- text: only\n      correct: true\n  ```\n",
            message: "a quiz needs at least two choices; this one has 1"),
        Case(
            name: "duplicate quiz id across pages", file: "lessons/03-gamma.md",
            marked: lessonHead
                + "\n```quiz\nid: ‹here›alpha-quiz\nquestion: Q?\nchoices:\n- text: a\n  correct: true\n- text: b\n```\n",
            message: "duplicate quiz id 'alpha-quiz'; quiz ids must be unique across the site"),
        Case(
            name: "link to a lesson that does not exist", file: "lessons/03-gamma.md",
            marked: lessonHead + "\nSee ‹here›[the beta lesson](02-betta.md) first.\n",
            message: "link to unknown page '02-betta.md'; did you mean '02-beta.md'?"),
        Case(
            name: "link to a term that does not exist", file: "lessons/03-gamma.md",
            marked: lessonHead + "\nSee\n‹here›[T](../glossary/temprature.md#formula).\n",
            message:
                "link to unknown page '../glossary/temprature.md#formula'; did you mean '../glossary/temperature.md'?"),
        Case(
            name: "an alias claimed by two terms", file: "glossary/teacher-network.md",
            marked: "---\nterm: teacher network\naliases: [big net, ‹here›Teacher]\n---\nA body.\n",
            message: "'Teacher' is claimed by two glossary terms, 'teacher-model' and 'teacher-network'"),
        Case(
            name: "unknown value in prose", file: "lessons/03-gamma.md",
            marked: lessonHead + "\nThe student reaches ‹here›{{ kd.accuracy }} on the test set.\n",
            message: "unknown value 'kd.accuracy'"),
        Case(
            name: "unknown value of another lesson", file: "lessons/03-gamma.md",
            marked: lessonHead + "\n| a | b |\n|---|---|\n| x | ‹here›{{ kd.alpha.size_bytes }} |\n",
            message: "unknown value 'kd.alpha.size_bytes'"),
        Case(
            name: "unknown value in front matter", file: "lessons/03-gamma.md",
            marked: "---\ntitle: ‹here›\"{{ kd.title }}\"\nsummary: S.\norder: 3\nmap: {label: G}\n---\nText.\n",
            message: "unknown value 'kd.title'"),
        Case(
            name: "unknown value in a quiz question", file: "lessons/03-gamma.md",
            marked: lessonHead + "\n```quiz\nid: gamma-quiz\nquestion: Is it ‹here›{{ kd.nope }}?\n" + twoChoices
                + "```\n",
            message: "unknown value 'kd.nope'"),
        Case(
            name: "unknown value in a quoted quiz choice", file: "lessons/03-gamma.md",
            marked: lessonHead
                + "\n- Item:\n\n  ```quiz\n  id: gamma-quiz\n  question: Q?\n  choices:\n  - text: a\n    correct: true\n"
                + "  - {text: 'é ‹here›{{ kd.nope }}'}\n  ```\n",
            message: "unknown value 'kd.nope'"),
        Case(
            name: "unknown value in a quiz question folded over lines", file: "lessons/03-gamma.md",
            marked: lessonHead + "\n```quiz\nid: gamma-quiz\nquestion: ‹here›Is it\n  {{ kd.nope }}?\n" + twoChoices
                + "```\n",
            message: "unknown value 'kd.nope'"),
        Case(
            name: "unknown value in an escaped quiz question", file: "lessons/03-gamma.md",
            marked: lessonHead + "\n```quiz\nid: gamma-quiz\nquestion: ‹here›\"Is \\\"it\\\" {{ kd.nope }}?\"\n"
                + twoChoices + "```\n",
            message: "unknown value 'kd.nope'"),
        Case(
            name: "unknown fence option", file: "lessons/03-gamma.md",
            marked: lessonHead + "\n```swift ‹here›hiden\nlet a = 1\n```\n",
            message: "unknown fence option 'hiden'; did you mean 'hidden'?"),
        Case(
            name: "site.yml url not absolute", file: "site.yml",
            marked: "title: T\ndescription: D\nurl: ‹here›example.org/x\n",
            message:
                "'url' must be an absolute http(s) address such as 'https://example.org/course/', not 'example.org/x'"),
        Case(
            name: "hacker space entry missing a field", file: "hackerspace/other.md",
            marked: "---\n‹here›device: Board\nmodel: m\nflash: 1 KB\nram: 1 KB\n---\nBody.\n",
            message: "missing required key 'accuracy' in hacker space front matter"),
        Case(
            name: "template syntax error", file: "theme/quiz.mustache",
            marked: "<form>\n{{#choices}}\n<p>{{text}}</p>\n‹here›",
            message: "template syntax: a section is opened but never closed"),
    ]

    @Test(arguments: cases)
    func diagnosticAtMarker(_ testCase: Case) async throws {
        let fixture = try MarkedSite(testCase.marked, at: testCase.file)
        defer { fixture.remove() }
        let report = try await fixture.build()
        #expect(report.errorLines == [try fixture.diagnostic(testCase.message, at: testCase.marker)])
    }

    @Test func everyUnknownValueOfAQuizScalarIsAtItsToken() async throws {
        let fixture = try MarkedSite(
            Self.lessonHead + "\n```quiz\nid: gamma-quiz\nquestion: Is ‹a›{{ kd.nope }} or ‹b›{{ kd.nope }}?\n"
                + "choices:\n- text: a\n  correct: true\n- text: b\nexplain: See ‹c›{{ kd.other }}.\n```\n",
            at: "lessons/03-gamma.md")
        defer { fixture.remove() }
        let report = try await fixture.build()
        #expect(
            report.errorLines == [
                try fixture.diagnostic("unknown value 'kd.nope'", at: "a"),
                try fixture.diagnostic("unknown value 'kd.nope'", at: "b"),
                try fixture.diagnostic("unknown value 'kd.other'", at: "c"),
            ], "\(report.printed)")
    }

    @Test func everyProblemIsReportedInOneRun() async throws {
        let site = try TestSite(files: [
            "lessons/03-gamma.md":
                "---\ntitle: Gamma\nsummary: S.\norder: x\nmap: {label: G, requires: [nope]}\n---\nSee [x](04-none.md) and {{ kd.missing }}.\n",
            "glossary/other.md": "---\nterm: other\naliases: [teacher]\n---\nBody.\n",
            "lessons/02-beta.md":
                "---\ntitle: Beta\nsummary: S.\norder: 2\nmap: {label: B, requires: [alpha]}\n---\n```quiz\nid: q\nquestion: Q\nchoices:\n- text: a\n```\n",
        ])
        defer { site.remove() }
        let report = try await site.build(write: false)
        let messages = Set(report.diagnostics.map(\.message))
        #expect(messages.contains("'order' must be a whole number, not 'x'"))
        #expect(
            messages.contains("'teacher' is claimed by two glossary terms, 'other' and 'teacher-model'")
                || messages.contains("'teacher' is claimed by two glossary terms, 'teacher-model' and 'other'"))
        #expect(messages.contains("a quiz needs at least two choices; this one has 1"))
        #expect(report.errorCount >= 3)
    }

    @Test func longMapLabelsAreAWarningNotAnError() async throws {
        let fixture = try MarkedSite(
            "---\ntitle: Gamma\nsummary: S.\norder: 3\nmap: {label: ‹here›A label much too long for a box}\n---\nText.\n",
            at: "lessons/03-gamma.md")
        defer { fixture.remove() }
        let report = try await fixture.build()
        #expect(report.succeeded)
        #expect(
            report.printed == [
                try fixture.diagnostic(
                    "map label 'A label much too long for a box' is 31 characters; keep it to 18 so it fits its box on the map",
                    .warning)
            ])
    }

    @Test func notesPointAtTheFirstOccurrence() async throws {
        let fixture = try MarkedSite(
            "---\ntitle: Gamma\nsummary: S.\norder: ‹here›2\nmap: {label: G}\n---\nText.\n", at: "lessons/03-gamma.md")
        defer { fixture.remove() }
        let report = try await fixture.build()
        #expect(report.errorLines == [try fixture.diagnostic("duplicate order 2; 'beta' has it already")])
        let note = try #require(report.diagnostics.first?.note)
        #expect(note.location == FileLocation(path: fixture.site.path("lessons/02-beta.md"), line: 4, column: 8))
        #expect(note.message == "order 2 first given here")
    }
}
