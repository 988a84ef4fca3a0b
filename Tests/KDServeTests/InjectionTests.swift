import Testing

@testable import KDServe

@Suite("script injection and dates")
struct InjectionTests {
    static let tag = LiveScriptInjector.tag(build: "b-1")

    @Test(arguments: [
        ("<html><body><p>x</p></body></html>", "<html><body><p>x</p>\(tag)</body></html>"),
        ("<HTML><BODY>x</BODY></HTML>", "<HTML><BODY>x\(tag)</BODY></HTML>"),
        ("<p>\"</body>\" in text</p></body>", "<p>\"</body>\" in text</p>\(tag)</body>"),
        ("<html><p>no body end</html>", "<html><p>no body end\(tag)</html>"),
        ("fragment", "fragment\(tag)"),
        ("", tag),
    ])
    func insertsBeforeTheLastBodyEnd(_ example: (String, String)) {
        let result = LiveScriptInjector.inject(build: "b-1", into: Array(example.0.utf8))
        #expect(String(decoding: result, as: UTF8.self) == example.1)
    }

    @Test func buildNamesAreEscapedInTheAttribute() {
        #expect(LiveScriptInjector.tag(build: "a\"b<c&").contains("data-kdsite-build=\"a&quot;b&lt;c&amp;\""))
    }

    @Test func httpDatesRoundTrip() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        for seconds in [1, 951_782_400, 1_700_000_000, 2_000_000_000] {
            #expect(HTTPDate.parse(HTTPDate.format(seconds)) == seconds)
        }
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("garbage") == nil)
    }

    @Test func contentTypes() {
        #expect(ContentType.forExtension("html") == "text/html; charset=utf-8")
        #expect(ContentType.forExtension("css") == "text/css; charset=utf-8")
        #expect(ContentType.forExtension("js") == "text/javascript; charset=utf-8")
        #expect(ContentType.forExtension("svg") == "image/svg+xml; charset=utf-8")
        #expect(ContentType.forExtension("json") == "application/json; charset=utf-8")
        #expect(ContentType.forExtension("png") == "image/png")
        #expect(ContentType.forExtension("woff2") == "font/woff2")
        #expect(ContentType.forExtension("tflite") == "application/octet-stream")
        #expect(ContentType.forExtension(nil) == "application/octet-stream")
    }
}
