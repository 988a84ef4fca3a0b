import Foundation
import HummingbirdTesting
import KDSite
import Synchronization
import Testing

@testable import KDServe

/// The server's answers, in process (Hummingbird's router test client), over a built fixture site.
@Suite("responses", .timeLimit(.minutes(2)))
struct ResponseTests {
    /// Builds the fixture, then runs `body` against a server for its output.
    func withServer(_ body: @Sendable (any TestClientProtocol, ServedSite, DevServer) async throws -> Void) async throws
    {
        let site = try ServedSite()
        defer { site.remove() }
        try await site.build()
        let server = DevServer(.init(build: site.options, port: 0), report: { _ in })
        try await server.makeApplication().test(.router) { client in
            try await body(client, site, server)
        }
    }

    @Test func pagesGetTheLiveScriptAndTheSiteDoesNot() async throws {
        try await withServer { client, site, server in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-cache")
            let body = String(buffer: response.body)
            let tag =
                "<script src=\"/__kdsite/live.js\" data-kdsite-build=\"\(server.hub.current.build)\" defer></script>"
            #expect(body.contains(tag + "</body>"))
            #expect(response.headers[.contentLength] == String(response.body.readableBytes))
            let onDisk = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(!onDisk.contains("__kdsite"), "the built site must carry no development code")
            #expect(body.replacingOccurrences(of: tag, with: "") == onDisk)
        }
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutSlash() async throws {
        try await withServer { client, _, _ in
            let page = try await client.execute(uri: ServedSite.lessonPage, method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("the first version"))
            let bare = try await client.execute(uri: "/lessons/first-steps?from=map", method: .get)
            #expect(bare.status == .movedPermanently)
            #expect(bare.headers[.location] == "/lessons/first-steps/?from=map")
        }
    }

    @Test func contentTypesFollowExtensions() async throws {
        try await withServer { client, site, _ in
            let files = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
            let css = try #require(files.first { $0.hasSuffix(".css") })
            let cssResponse = try await client.execute(uri: "/" + css, method: .get)
            #expect(cssResponse.status == .ok)
            #expect(cssResponse.headers[.contentType] == "text/css; charset=utf-8")
            #expect(!String(buffer: cssResponse.body).contains("__kdsite"), "only HTML gets the script")
            let sitemap = try await client.execute(uri: "/sitemap.xml", method: .get)
            #expect(sitemap.headers[.contentType] == "application/xml; charset=utf-8")
            let script = try await client.execute(uri: "/__kdsite/live.js", method: .get)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(String(buffer: script.body).contains("new EventSource(\"/__kdsite/events\")"))
        }
    }

    @Test func unknownPathsGetTheSites404Page() async throws {
        try await withServer { client, site, server in
            let response = try await client.execute(uri: "/no/such/page.html", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let notFound = try String(contentsOf: site.output.appendingPathComponent("404.html"), encoding: .utf8)
            let body = String(buffer: response.body)
            #expect(body.contains(LiveScriptInjector.tag(build: server.hub.current.build)))
            #expect(
                body.replacingOccurrences(of: LiveScriptInjector.tag(build: server.hub.current.build), with: "")
                    == notFound)
            let reserved = try await client.execute(uri: "/__kdsite/nothing", method: .get)
            #expect(reserved.status == .notFound)
        }
    }

    /// A browser may keep a copy but must ask: 304 for the same file and build, 200 otherwise.
    @Test func revalidationNeverMasksARebuild() async throws {
        try await withServer { client, _, server in
            let first = try await client.execute(uri: "/", method: .get)
            let tag = try #require(first.headers[.eTag])
            let modified = try #require(first.headers[.lastModified])
            let same = try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: tag])
            #expect(same.status == .notModified)
            #expect(same.body.readableBytes == 0)
            let other = try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: "\"something-else\""])
            #expect(other.status == .ok)
            let since = try await client.execute(uri: "/", method: .get, headers: [.ifModifiedSince: modified])
            #expect(since.status == .notModified)
            let older = try await client.execute(
                uri: "/", method: .get, headers: [.ifModifiedSince: "Thu, 01 Jan 1970 00:00:01 GMT"])
            #expect(older.status == .ok)
            // A new build labels pages anew: the old tag no longer matches, though the file did not change.
            server.hub.buildSucceeded()
            let after = try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: tag])
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] != tag)
        }
    }

    @Test func headAndOtherMethods() async throws {
        try await withServer { client, _, _ in
            let get = try await client.execute(uri: ServedSite.lessonPage, method: .get)
            let head = try await client.execute(uri: ServedSite.lessonPage, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            let post = try await client.execute(uri: "/", method: .post)
            #expect(post.status == .methodNotAllowed)
            #expect(post.headers[.allow] == "GET, HEAD")
        }
    }

    static let traversals = [
        "/../secret.txt", "/lessons/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/.%2e/secret.txt",
        "/..%5csecret.txt", "/\\..\\secret.txt", "/..\\secret.txt", "/%00/../secret.txt", "/secret.txt%00.html",
        "//secret.txt", "/link-out", "/link-out-folder/secret.txt", "/lessons/%2e%2e/%2e%2e/secret.txt",
    ]

    /// Nothing outside the output folder, however the path is spelled: 404 and the site's page.
    @Test func traversalIsRefused() async throws {
        try await withServer { client, site, _ in
            try Data("top secret".utf8).write(to: site.folder.appendingPathComponent("secret.txt"))
            try FileManager.default.createSymbolicLink(
                atPath: site.output.appendingPathComponent("link-out").path,
                withDestinationPath: site.folder.appendingPathComponent("secret.txt").path)
            try FileManager.default.createSymbolicLink(
                atPath: site.output.appendingPathComponent("link-out-folder").path,
                withDestinationPath: site.folder.path)
            for target in Self.traversals {
                let response = try await client.execute(uri: target, method: .get)
                #expect(response.status == .notFound, "\(target)")
                #expect(!String(buffer: response.body).contains("top secret"), "\(target)")
            }
        }
    }

    /// Eight clients fetch the lesson page without pause while it is rebuilt twelve times
    /// (real builds, staged and swapped in; each build waits until the clients have made
    /// more requests, so requests and swaps interleave): every answer is, byte for byte, the
    /// page of one of the builds.
    @Test func concurrentRequestsDuringRebuildsGetWholePages() async throws {
        try await withServer { client, site, _ in
            let onDisk = site.output.appendingPathComponent(String(ServedSite.lessonPage.dropFirst()) + "index.html")
            var versions: Set<String> = [try String(contentsOf: onDisk, encoding: .utf8)]
            let clients = 8
            let requests = RequestCounter()
            let answers = try await withThrowingTaskGroup(of: Set<String>.self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        var answers: Set<String> = []
                        while !requests.isDone {
                            let response = try await client.execute(uri: ServedSite.lessonPage, method: .get)
                            answers.insert(
                                response.status == .ok
                                    ? Self.withoutLiveScript(String(buffer: response.body))
                                    : "status \(response.status)")
                            requests.count()
                        }
                        return answers
                    }
                }
                var previous = "the first version"
                for take in 1...12 {
                    try site.replace(previous, with: "take \(take)", in: ServedSite.lesson)
                    previous = "take \(take)"
                    let before = requests.total
                    try await site.build()
                    versions.insert(try String(contentsOf: onDisk, encoding: .utf8))
                    #expect(await eventually { requests.total >= before + clients }, "the clients stopped")
                }
                requests.finish()
                var all: Set<String> = []
                for try await answers in group { all.formUnion(answers) }
                return all
            }
            #expect(versions.count == 13)
            #expect(requests.total >= 12 * clients)
            let torn = answers.subtracting(versions)
            #expect(torn.isEmpty, "\(torn.count) answers are no build's page: \(torn.map { $0.suffix(200) }.prefix(3))")
            let last = String(buffer: try await client.execute(uri: ServedSite.lessonPage, method: .get).body)
            #expect(last.contains("This paragraph is take 12."))
        }
    }

    /// A served page as it is on disk: without the live-reload script's tag.
    static func withoutLiveScript(_ page: String) -> String {
        page.replacing(/<script src="\/__kdsite\/live\.js" data-kdsite-build="[^"]*" defer><\/script>/, with: "")
    }
}

/// Requests made by concurrent clients, and when to stop.
final class RequestCounter: Sendable {
    private let state = Mutex((total: 0, done: false))
    var total: Int { state.withLock { $0.total } }
    var isDone: Bool { state.withLock { $0.done } }
    func count() { state.withLock { $0.total += 1 } }
    func finish() { state.withLock { $0.done = true } }
}
