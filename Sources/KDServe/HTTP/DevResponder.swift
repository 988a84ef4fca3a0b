import Hummingbird

/// Every request `kdsite serve` answers:
///
/// - `/__kdsite/events`: the live-reload channel (Server-Sent Events, `ReloadHub`);
/// - `/__kdsite/live.js`: the script that listens to it (`LiveScript`);
/// - anything else: a file of the output folder (`SiteFiles`), GET or HEAD.
///
/// `/__kdsite/` is reserved: a site cannot have a folder of that name.
public struct DevResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let files: SiteFiles
    let hub: ReloadHub

    static let reserved = "/__kdsite/"
    static let eventsPath = "/__kdsite/events"

    public init(output: String, hub: ReloadHub) {
        self.files = SiteFiles(site: SiteDirectory(path: output), hub: hub)
        self.hub = hub
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentLength: "0"])
        }
        guard path.hasPrefix(Self.reserved) else {
            return files.respond(to: request)
        }
        switch path {
        case Self.eventsPath:
            return request.method == .head
                ? Response(status: .ok, headers: [.contentType: ContentType.eventStream]) : eventStream()
        case LiveScriptInjector.scriptPath:
            let script = ByteBuffer(string: LiveScript.source)
            let headers: HTTPFields = [.contentType: ContentType.javascript, .cacheControl: "no-cache"]
            return Response(
                status: .ok, headers: headers,
                body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: script))
        default:
            return files.notFound(request, build: hub.current.build)
        }
    }

    /// A stream that lasts as long as the page is open: the hub's events, as
    /// `event: NAME` / `data: JSON` blocks. `retry` asks the browser to reconnect within a
    /// second when the server goes away (a restart).
    private func eventStream() -> Response {
        let events = hub.subscribe()
        let headers: HTTPFields = [.contentType: ContentType.eventStream, .cacheControl: "no-cache"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                for await event in events {
                    try await writer.write(ByteBuffer(string: event.eventStreamText))
                }
                try await writer.finish(nil)
            })
    }
}
