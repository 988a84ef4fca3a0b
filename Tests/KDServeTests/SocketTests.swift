import Foundation
import KDSite
import Testing

@testable import KDServe

/// The whole server on a real socket on 127.0.0.1: HTTP parsed by Hummingbird, the event
/// stream read as a browser reads it, requests sent byte for byte as an attacker would.
@Suite("real socket", .timeLimit(.minutes(2)))
struct SocketTests {
    @Test func servesWatchesAndReloadsOverASocket() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let log = EventLog()
        let server = DevServer(.init(build: site.options, port: 0, quiet: .milliseconds(30)), report: log.report)
        let serving = Task { try await server.run() }
        defer { serving.cancel() }
        #expect(await log.waitForBuilds(1))
        #expect(await eventually { log.port != nil })
        let port = try #require(log.port)

        let page = try await blocking { try LoopbackClient(port: port).request(ServedSite.lessonPage) }
        #expect(page.status == 200)
        #expect(page.text.contains("the first version"))
        #expect(page.text.contains("data-kdsite-build=\"\(server.hub.current.build)\""))

        // Each traversal, sent raw: refused by the HTTP parser (400) or by the server (404).
        try Data("top secret".utf8).write(to: site.folder.appendingPathComponent("secret.txt"))
        let raw = [
            "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%5csecret.txt", "/..\\secret.txt",
            "/lessons/../../secret.txt", "/%00", "/secret.txt%00", ServedSite.lessonPage + "../../../secret.txt",
        ]
        let answers = try await blocking {
            try raw.map { target in try LoopbackClient(port: port).request(target) }
        }
        for (target, answer) in zip(raw, answers) {
            #expect([400, 404].contains(answer.status), "\(target): \(answer.status)")
            #expect(!answer.text.contains("top secret"), "\(target)")
        }

        // A browser's view of a save: the stream says hello, then building, then reload; the page
        // is new. Then a broken save: building, then failure with the diagnostics for the
        // overlay, while the last good page is still served; a page opened now hears of the
        // failure in its hello.
        typealias Event = (name: String, data: String)
        let seen = try await blocking {
            () throws -> (events: [Event], reloaded: String, broken: String, hello: Event) in
            let stream = try LoopbackClient(port: port, timeout: .seconds(30))
            let head = try stream.openEventStream("/__kdsite/events")
            guard head.status == 200, head.headers["content-type"] == "text/event-stream; charset=utf-8" else {
                throw ServedSite.Failure("the event stream answered \(head.status) \(head.headers)")
            }
            var events = [try stream.nextEvent()]
            try site.replace("the first version", with: "the socket version", in: ServedSite.lesson)
            events += [try stream.nextEvent(), try stream.nextEvent()]
            let reloaded = try LoopbackClient(port: port).request(ServedSite.lessonPage).text
            try site.replace("correct: true", with: "correct: maybe", in: ServedSite.lesson)
            events += [try stream.nextEvent(), try stream.nextEvent()]
            let broken = try LoopbackClient(port: port).request(ServedSite.lessonPage).text
            let late = try LoopbackClient(port: port, timeout: .seconds(30))
            _ = try late.openEventStream("/__kdsite/events")
            return (events, reloaded, broken, try late.nextEvent())
        }
        #expect(seen.events.map(\.name) == ["hello", "building", "reload", "building", "failure"])
        #expect(seen.reloaded.contains("the socket version"))
        let diagnostic = "01-first-steps.md:15:14: error: 'correct' must be true or false, not 'maybe'"
        #expect(seen.events.last?.data.contains(diagnostic) == true, "\(seen.events.last?.data ?? "")")
        #expect(seen.broken.contains("the socket version"), "a failed build keeps the last good page")
        #expect(seen.hello.name == "hello")
        #expect(seen.hello.data.contains(diagnostic), "\(seen.hello.data)")

        serving.cancel()
        _ = await serving.result
        let refused = try await blocking { () -> Bool in
            do {
                _ = try LoopbackClient(port: port, timeout: .seconds(1)).request("/")
                return false
            } catch {
                return true
            }
        }
        #expect(refused, "the server must stop listening when its task is cancelled")
    }

    @Test func aPortInUseIsAClearError() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let first = EventLog()
        let holder = DevServer(.init(build: site.options, port: 0), report: first.report)
        let holding = Task { try await holder.run() }
        defer { holding.cancel() }
        #expect(await first.waitForBuilds(1))
        #expect(await eventually { first.port != nil })
        let port = try #require(first.port)
        let other = try ServedSite()  // its own output: two builds in one process must not share a staging folder
        defer { other.remove() }
        let second = DevServer(.init(build: other.options, port: port), report: { _ in })
        do {
            try await second.run()
            Issue.record("a second server on port \(port) must fail")
        } catch {
            #expect(
                error.message.contains("cannot listen on 127.0.0.1:\(port): the port is in use"), "\(error.message)")
        }
    }
}
