import Testing

@testable import KDServe

@Suite("reload hub", .timeLimit(.minutes(2)))
struct ReloadHubTests {
    @Test func subscribersStartWithTheStateThenGetEveryEvent() async {
        let hub = ReloadHub()
        let failure = BuildFailure(
            summary: "1 error in 1 file", diagnostics: ["Content/lessons/01-a.md:3:1: error: bad <thing>"])
        hub.buildFailed(failure)
        let stream = hub.subscribe()
        hub.buildStarted()
        let build = hub.buildSucceeded()
        hub.finish()
        var events: [ServerEvent] = []
        for await event in stream { events.append(event) }
        #expect(events.count == 3)
        #expect(
            events.first.map {
                if case .hello(let state) = $0 { state.failure == failure && state.build != build } else { false }
            } == true)
        #expect(events.dropFirst().first == .building)
        #expect(events.last == .reload(build: build))
        #expect(hub.current == LiveState(build: build, building: false, failure: nil))
        #expect(hub.subscriberCount == 0)
    }

    @Test func buildsAreNamedAnewAndFailuresKeepTheName() {
        let hub = ReloadHub()
        let start = hub.current.build
        hub.buildFailed(BuildFailure(summary: "x", diagnostics: []))
        #expect(hub.current.build == start)
        let next = hub.buildSucceeded()
        #expect(next != start)
        #expect(ReloadHub().current.build != start, "two runs of the server name their builds apart")
    }

    @Test func eventsAreOneLineOfJSONEach() {
        let failure = BuildFailure(
            summary: "2 errors", diagnostics: ["a.md:1:2: error: line one\nb.md:3:4: note: two", "</script><b>x</b>"])
        let text = ServerEvent.failure(failure).eventStreamText
        #expect(text.hasPrefix("event: failure\ndata: {"))
        #expect(text.hasSuffix("}\n\n"))
        #expect(text.dropLast(2).split(separator: "\n").count == 2, "a newline in a message must not break the framing")
        #expect(text.contains("line one\\nb.md:3:4"))
        #expect(ServerEvent.reload(build: "abc-2").eventStreamText == "event: reload\ndata: {\"build\":\"abc-2\"}\n\n")
    }

    @Test func unsubscribingFreesTheSlot() async {
        let hub = ReloadHub()
        do {
            let stream = hub.subscribe()
            var iterator = stream.makeAsyncIterator()
            _ = await iterator.next()
            #expect(hub.subscriberCount == 1)
        }
        #expect(await eventually { hub.subscriberCount == 0 })
    }
}
