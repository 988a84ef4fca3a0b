import Foundation
import Testing

@testable import KDSite

/// The build-time parts of the interactive course: the walkthrough stepper's markup, the
/// tutor dialogue, the map's hooks for the reader script, and the search index step.
@Suite("Reader markup: walkthrough, tutor, map hooks, search")
struct ReaderMarkupTests {
    static let head = "---\ntitle: Gamma\nsummary: Third.\norder: 3\nmap: {label: Gamma, requires: [alpha]}\n---\n"

    static let walkthrough =
        head + """
            Before the walkthrough.

            ```swift norun step=1 of=loop.swift
            let a = 1
            ```

            Now add *b*:

            ```swift norun step=2 of=loop.swift
            let b = a + 1
            ```

            Then print.

            ```swift norun step=3 of=loop.swift
            print(b)
            ```

            After it.

            """

    func built(_ files: [String: String?], _ body: (TestSite, BuildReport) throws -> Void) async throws {
        let site = try TestSite(files: files)
        defer { site.remove() }
        try body(site, try await site.build())
    }

    @Test func walkthroughStepsBecomeOneSection() async throws {
        try await built(["lessons/03-gamma.md": Self.walkthrough]) { site, report in
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            let html = try site.page("lessons/gamma/index.html")
            #expect(html.components(separatedBy: "data-walkthrough=\"loop.swift\"").count == 2, "one section")
            #expect(html.contains("<section class=\"walkthrough\" data-walkthrough=\"loop.swift\" data-current=\"1\""))
            #expect(
                html.contains("<span class=\"walkthrough-count\" data-step-count aria-live=\"polite\">1 / 3</span>"))
            #expect(html.contains("data-step-prev") && html.contains("data-step-next"))
            for step in 1...3 { #expect(html.contains("<li class=\"walkthrough-step\" data-step=\"\(step)\">")) }
            // Notes: the prose before each step after the first; prose around the section stays outside.
            let section = try #require(html.range(of: "<section class=\"walkthrough\"").map { html[$0.lowerBound...] })
            let end = try #require(section.range(of: "</section>"))
            let inside = String(section[..<end.lowerBound])
            #expect(inside.contains("<div class=\"walkthrough-note\">\n<p>Now add <em>b</em>:</p>"))
            #expect(inside.contains("<p>Then print.</p>"))
            #expect(!inside.contains("Before the walkthrough") && !inside.contains("After it"))
            #expect(
                html.range(of: "Before the walkthrough")!.lowerBound
                    < html.range(of: "<section class=\"walkthrough\"")!.lowerBound)
            #expect(inside.contains("let b = a + 1"))
            #expect(!inside.contains(" data-of="), "the step's code carries no second data-step")
        }
    }

    @Test(arguments: [
        (
            "a heading between steps",
            head
                + "```swift norun step=1 of=f.swift\nlet a = 1\n```\n\n‹here›## Middle\n\n```swift norun step=2 of=f.swift\nlet b = 2\n```\n",
            "heading between two steps of walkthrough 'f.swift'; the stepper shows one step's note at a time, so put headings before its first step or after its last"
        ),
        (
            "a step in a list",
            head + "- item\n\n  ‹here›```swift norun step=1 of=f.swift\n  let a = 1\n  ```\n",
            "walkthrough step of 'f.swift' is nested in a list or quote; put its fence at the start of a line, outside any block"
        ),
        (
            "interleaved walkthroughs",
            head
                + "```swift norun step=1 of=f.swift\nlet a = 1\n```\n\n‹here›```swift norun step=1 of=g.swift\nlet b = 2\n```\n\n```swift norun step=2 of=f.swift\nlet c = 3\n```\n",
            "walkthroughs 'f.swift' and 'g.swift' interleave; finish the steps of one before the other starts"
        ),
    ])
    func walkthroughMistakes(name: String, marked: String, message: String) async throws {
        let text = MarkedText(marked)
        let site = try TestSite(files: ["lessons/03-gamma.md": text.text])
        defer { site.remove() }
        let report = try await site.build(write: false)
        let position = try #require(text.markers["here"])
        let at = FileLocation(path: site.path("lessons/03-gamma.md"), line: position.line, column: position.column)
        #expect(
            report.diagnostics.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" } == [
                "\(at): \(message)"
            ], "\(name)")
    }

    static let tutor = """
        ```tutor
        - say: Hello, $T$ is **hot**.
          reply: Why?
        - say: Because [alpha](lessons/01-alpha.md) says so.
        ```

        Welcome.

        """

    @Test func tutorDialogueRendersEveryStep() async throws {
        try await built(["index.md": Self.tutor]) { site, report in
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            let html = try site.page("index.html")
            #expect(html.contains("<section class=\"tutor\" data-tutor data-current=\"1\" aria-label=\"Tutor\">"))
            #expect(html.contains("data-tutor-step=\"1\"") && html.contains("data-tutor-step=\"2\""))
            #expect(html.contains("<strong>hot</strong>"))
            #expect(html.contains("<p class=\"tutor-reply\"><span class=\"visually-hidden\">You: </span>Why?</p>"))
            #expect(html.contains("href=\"lessons/alpha/index.html\""), "links resolve like the page's own")
            #expect(html.contains("<span class=\"tutor-count\" data-tutor-count>1 / 2</span>"))
            #expect(!html.contains("```tutor") && !html.contains("language-tutor"))
        }
    }

    @Test(arguments: [
        (
            "one step", "```tutor\n‹here›- say: Alone.\n```\n",
            "a tutor dialogue needs at least two steps; this one has 1"
        ),
        (
            "reply on the last step", "```tutor\n- say: One.\n  reply: Two?\n- say: Two.\n  reply: ‹here›Three?\n```\n",
            "the last step's reply 'Three?' leads nowhere; remove it or add a step after it"
        ),
        (
            "unknown key", "```tutor\n- say: One.\n  ‹here›replly: Two?\n- say: Two.\n```\n",
            "unknown key 'replly' in a tutor step; did you mean 'reply'?"
        ),
        ("not a list", "```tutor\n‹here›say: One.\n```\n", "a tutor dialogue must be a list, not a mapping"),
    ])
    func tutorMistakes(name: String, marked: String, message: String) async throws {
        let text = MarkedText(marked)
        let site = try TestSite(files: ["index.md": text.text])
        defer { site.remove() }
        let report = try await site.build(write: false)
        let position = try #require(text.markers["here"])
        let at = FileLocation(path: site.path("index.md"), line: position.line, column: position.column)
        #expect(
            report.diagnostics.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" } == [
                "\(at): \(message)"
            ], "\(name)")
    }

    @Test func mapNodesCarryRequirementsAndQuizzes() async throws {
        try await built([:]) { site, _ in
            for page in ["index.html", "map/index.html"] {
                let html = try site.page(page)
                #expect(
                    html.contains(
                        "data-map-node=\"alpha\" data-state=\"unlocked\" data-requires=\"\" data-quizzes=\"alpha-quiz\""
                    ), "\(page)")
                #expect(
                    html.contains("data-map-node=\"beta\" data-state=\"locked\" data-requires=\"alpha\""), "\(page)")
            }
            let map = try site.page("map/index.html")
            #expect(map.contains("data-progress-reset"))
        }
    }

    @Test func searchBoxSaysOffWithoutPagefind() async throws {
        try await built([:]) { site, _ in
            let expected = SearchIndex.locate() == nil
            let faq = try site.page("faq/index.html")
            #expect(faq.contains("data-search=\"off\"") == expected)
        }
    }

    @Test func pagefindFailureIsReportedWithItsOutput() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdsite-pagefind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("pagefind")
        try Data("#!/bin/sh\necho \"Error: no pages to index in $2\" >&2\nexit 3\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        await #expect {
            try await SearchIndex.build(in: folder, pagefind: fake, progress: BuildProgress(.quiet))
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("pagefind failed (exited(3))")
                && message.contains("Error: no pages to index in \(folder.path)")
        }
        #expect(SearchIndex.locate(environment: ["PATH": folder.path]) == fake)
        #expect(SearchIndex.locate(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(
            SearchIndex.locate(environment: ["KDSITE_PAGEFIND": "/opt/pf", "PATH": folder.path])?.path == "/opt/pf")
    }
}
