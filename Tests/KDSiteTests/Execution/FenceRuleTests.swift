import Foundation
import Testing

@testable import KDSite

/// The rules swift fence options obey across a page, each reported at the option it is
/// about (no runner needed: they are checked while the page is read).
@Suite("Fence option rules")
struct FenceRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "fails and hidden", body: "```swift fails ‹here›hidden\nlet a: Int = 0.5\n```\n",
            message: "a 'fails' block cannot be 'hidden': its error is shown to the reader"),
        Case(
            name: "fails and norun", body: "```swift ‹here›norun fails\nlet a: Int = 0.5\n```\n",
            message: "a 'fails' block cannot be 'norun': a block that does not run cannot be checked to fail"),
        Case(
            name: "hidden step", body: "```swift step=1 of=a.swift ‹here›hidden\nlet a = 1\n```\n",
            message: "a walkthrough step cannot be 'hidden'"),
        Case(
            name: "walkthrough not starting at 1", body: "```swift ‹here›step=2 of=a.swift\nlet a = 1\n```\n",
            message:
                "walkthrough 'a.swift' starts at step 2; number the steps of a walkthrough 1, 2, 3… in the order they appear (expected step=1)"
        ),
        Case(
            name: "skipped step",
            body:
                "```swift step=1 of=a.swift\nlet a = 1\n```\n\nText.\n\n```swift ‹here›step=3 of=a.swift\nlet c = 1\n```\n",
            message:
                "step 3 of 'a.swift' skips step 2; number the steps of a walkthrough 1, 2, 3… in the order they appear (expected step=2)"
        ),
        Case(
            name: "repeated step",
            body: "```swift step=1 of=a.swift\nlet a = 1\n```\n\n```swift  ‹here›step=1 of=a.swift\nlet b = 1\n```\n",
            message:
                "step 1 of 'a.swift' comes again after step 1; number the steps of a walkthrough 1, 2, 3… in the order they appear (expected step=2)"
        ),
    ]

    static let head = "---\ntitle: Gamma\nsummary: S.\norder: 3\nmap: {label: Gamma, requires: []}\n---\n\n"

    @Test(arguments: cases)
    func ruleIsReportedAtItsOption(_ c: Case) async throws {
        let fixture = try MarkedSite(Self.head + c.body, at: "lessons/03-gamma.md")
        defer { fixture.remove() }
        let report = try await fixture.build()
        #expect(report.printed == [try fixture.diagnostic(c.message)])
    }

    @Test func aWellNumberedWalkthroughPasses() async throws {
        let body = (1...3).map { "```swift step=\($0) of=a.swift\nlet s\($0) = \($0)\n```\n" }.joined(
            separator: "\nText.\n\n")
        let fixture = try MarkedSite(Self.head + body, at: "lessons/03-gamma.md")
        defer { fixture.remove() }
        #expect(try await fixture.build().printed == [])
    }
}
