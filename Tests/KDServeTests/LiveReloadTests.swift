import Foundation
import Hummingbird
import HummingbirdTesting
import KDSite
import Testing

@testable import KDServe

/// The author's loop in process: the build loop watching the fixture, the server answering
/// through Hummingbird's router test client, the event stream collected until the hub ends.
@Suite("live reload", .timeLimit(.minutes(2)))
struct LiveReloadTests {
    @Test func editsReloadAndBrokenEditsShowTheOverlay() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let hub = ReloadHub()
        let log = EventLog()
        let loop = BuildLoop(
            options: site.options, firstOptions: site.options, hub: hub, watch: .automatic, quiet: .milliseconds(30),
            limit: .milliseconds(300),
            progress: BuildProgress(.quiet), report: log.report)
        let loopTask = Task { try await loop.run() }
        defer { loopTask.cancel() }
        #expect(await log.waitForBuilds(1))
        let firstBuild = hub.current.build

        let app = Application(responder: DevResponder(output: site.output.path, hub: hub))
        try await app.test(.router) { client in
            let before = String(buffer: try await client.execute(uri: ServedSite.lessonPage, method: .get).body)
            #expect(before.contains("the first version"))
            #expect(before.contains("data-kdsite-build=\"\(firstBuild)\""))

            async let stream = client.execute(uri: "/__kdsite/events", method: .get)
            defer { hub.finish() }  // ends the stream even when an expectation below throws
            #expect(await eventually { hub.subscriberCount == 1 })

            // A prose edit: rebuilt, reloaded, the new text served.
            try site.replace("the first version", with: "the second version", in: ServedSite.lesson)
            #expect(await log.waitForBuilds(2))
            let secondBuild = hub.current.build
            #expect(secondBuild != firstBuild)
            let after = String(buffer: try await client.execute(uri: ServedSite.lessonPage, method: .get).body)
            #expect(after.contains("the second version"))
            #expect(after.contains("data-kdsite-build=\"\(secondBuild)\""))

            // A broken edit: the overlay's diagnostics, the last good page still served.
            try site.replace("correct: true", with: "correct: false", in: ServedSite.lesson)
            #expect(await log.waitForBuilds(3))
            let failure = try #require(hub.current.failure)
            #expect(
                failure.diagnostics.contains {
                    $0.hasSuffix(
                        "01-first-steps.md:14:3: error: no choice is marked 'correct: true'; mark the right answer")
                },
                "\(failure.diagnostics)")
            let broken = try await client.execute(uri: ServedSite.lessonPage, method: .get)
            #expect(broken.status == .ok)
            #expect(String(buffer: broken.body).contains("the second version"))
            #expect(hub.current.build == secondBuild, "a failed build keeps the pages' build")

            // Fixed: the overlay clears with the reload.
            try site.replace("correct: false", with: "correct: true", in: ServedSite.lesson)
            #expect(await log.waitForBuilds(4))
            #expect(hub.current.failure == nil)
            let thirdBuild = hub.current.build

            hub.finish()
            let events = Self.events(in: String(buffer: try await stream.body))
            #expect(events.map(\.name) == ["hello", "building", "reload", "building", "failure", "building", "reload"])
            #expect(events.first?.data.contains("\"build\":\"\(firstBuild)\"") == true)
            #expect(events[2].data == "{\"build\":\"\(secondBuild)\"}")
            #expect(events[4].data.contains("no choice is marked 'correct: true'"))
            #expect(events[6].data == "{\"build\":\"\(thirdBuild)\"}")
        }
    }

    /// A burst of saves (several files within a few milliseconds) makes one rebuild.
    @Test func aBurstOfSavesIsOneRebuild() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let log = EventLog()
        let loop = BuildLoop(
            options: site.options, firstOptions: site.options, hub: ReloadHub(), watch: .automatic,
            quiet: .milliseconds(250), limit: .seconds(5),
            progress: BuildProgress(.quiet), report: log.report)
        let loopTask = Task { try await loop.run() }
        defer { loopTask.cancel() }
        #expect(await log.waitForBuilds(1))
        for i in 0..<5 {
            try site.replace(i == 0 ? "the first version" : "edit \(i - 1)", with: "edit \(i)", in: ServedSite.lesson)
            try site.write("Welcome, take \(i).\n", to: "index.md")
        }
        #expect(await log.waitForBuilds(2))
        try await Task.sleep(for: .seconds(1))
        #expect(
            log.finishedBuilds == 2, "five saves of two files should make one rebuild, not \(log.finishedBuilds - 1)")
        let changes = log.all.compactMap {
            if case .building(let changes) = $0, !changes.isEmpty { changes } else { nil }
        }
        #expect(changes.count == 1)
        #expect(
            Set(changes.first ?? []) == [site.content.path + "/" + ServedSite.lesson, site.content.path + "/index.md"])
    }

    /// `event:` and `data:` of each block of an event stream.
    static func events(in stream: String) -> [(name: String, data: String)] {
        stream.components(separatedBy: "\n\n").compactMap { block in
            var name: String?
            var data: String?
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            guard let name, let data else { return nil }
            return (name, data)
        }
    }
}
