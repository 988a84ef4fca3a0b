import Hummingbird

/// Serves the output folder as a static host would, with what an author's loop needs:
///
/// - `Content-Type` from the extension; a folder's `index.html`; a folder asked for without
///   its `/` redirected (301) so relative links resolve; the site's `404.html` with status
///   404 (a minimal page when the site has none yet).
/// - `Cache-Control: no-cache` with an `ETag` and `Last-Modified` on every file, so a browser
///   may keep a copy but asks each time, and a rebuilt file is never masked by a stale one
///   (a conditional request gets 304 only for the very same file).
/// - HTML pages get the live-reload script (`LiveScriptInjector`); their `ETag` includes the
///   build they are labelled with, so a page cached under another build is sent again.
struct SiteFiles: Sendable {
    let site: SiteDirectory
    let hub: ReloadHub

    /// Files up to this size are read whole; bigger ones are streamed in chunks.
    static let wholeFileLimit = 1 << 20
    static let chunkSize = 256 << 10

    func respond(to request: Request) -> Response {
        // Read the build label before opening the file: if a rebuild lands in between, the
        // page (old or new) is labelled with the older build and reloads once more.
        let build = hub.servedBuild
        guard let path = RequestPath(target: request.uri.path) else { return notFound(request, build: build.name) }
        switch site.lookup(path) {
        case .file(let file):
            let fileExtension = path.isFolder ? "html" : path.fileExtension
            return fileResponse(file, fileExtension: fileExtension, status: .ok, request: request, build: build)
        case .folder:
            var location = path.description + "/"
            if let query = request.uri.query { location += "?" + query }
            return Response(
                status: .movedPermanently,
                headers: [.location: location, .cacheControl: "no-cache", .contentLength: "0"])
        case .notFound:
            return notFound(request, build: build.name)
        }
    }

    /// The site's `404.html` with status 404.
    func notFound(_ request: Request, build: String) -> Response {
        if case .file(let page) = site.lookup(Self.notFoundPage) {
            return fileResponse(page, fileExtension: "html", status: .notFound, request: request, build: (build, 0))
        }
        let page = LiveScriptInjector.inject(build: build, into: Array(Self.fallbackNotFound.utf8))
        var headers: HTTPFields = [.contentType: ContentType.html, .cacheControl: "no-cache"]
        headers[.contentLength] = String(page.count)
        return Response(status: .notFound, headers: headers, body: body(page, request))
    }

    private static let notFoundPage = RequestPath(components: ["404.html"], isFolder: false)
    private static let fallbackNotFound = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
        <body><h1>Not found</h1><p>There is no such page in the site (and the site has no 404.html yet).</p></body></html>

        """

    private func fileResponse(
        _ file: OpenedFile, fileExtension: String?, status: HTTPResponse.Status, request: Request,
        build: (name: String, since: Int)
    ) -> Response {
        let isHTML = ContentType.isHTML(fileExtension)
        let tag = "\"" + file.identity + (isHTML ? "." + build.name : "") + "\""
        let modified = isHTML ? max(file.modified, build.since) : file.modified
        var headers: HTTPFields = [
            .contentType: isHTML ? ContentType.html : ContentType.forExtension(fileExtension),
            .cacheControl: "no-cache",
            .eTag: tag,
            .lastModified: HTTPDate.format(modified),
        ]
        if status == .ok, Self.isUnchanged(request, tag: tag, modified: modified) {
            return Response(status: .notModified, headers: headers)
        }
        do {
            if isHTML || file.size <= Self.wholeFileLimit {
                var bytes = try file.readAll()
                if isHTML { bytes = LiveScriptInjector.inject(build: build.name, into: bytes) }
                headers[.contentLength] = String(bytes.count)
                return Response(status: status, headers: headers, body: body(bytes, request))
            }
        } catch {
            return Response(status: .internalServerError, headers: [.contentLength: "0"])
        }
        headers[.contentLength] = String(file.size)
        if request.method == .head { return Response(status: status, headers: headers, body: ResponseBody()) }
        return Response(
            status: status, headers: headers,
            body: ResponseBody(contentLength: file.size) { writer in
                var offset = 0
                while offset < file.size {
                    let chunk = try file.read(offset: offset, count: min(Self.chunkSize, file.size - offset))
                    if chunk.isEmpty { break }
                    try await writer.write(ByteBuffer(bytes: chunk))
                    offset += chunk.count
                }
                try await writer.finish(nil)
            })
    }

    private func body(_ bytes: [UInt8], _ request: Request) -> ResponseBody {
        request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
    }

    /// RFC 9110 §13.1: `If-None-Match` decides when present; else `If-Modified-Since`.
    static func isUnchanged(_ request: Request, tag: String, modified: Int) -> Bool {
        let matches = request.headers[values: .ifNoneMatch]
        if !matches.isEmpty {
            return matches.flatMap { $0.split(separator: ",") }.contains { candidate in
                let token = String(
                    candidate.trimmingPrefix(while: \.isWhitespace).trimmingPrefix("W/").prefix { !$0.isWhitespace })
                return token == "*" || token == tag
            }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return modified <= since
        }
        return false
    }
}
