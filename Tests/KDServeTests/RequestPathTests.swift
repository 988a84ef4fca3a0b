import Testing

@testable import KDServe

@Suite("request paths")
struct RequestPathTests {
    /// Every way to step outside the output folder, or to say something ambiguous.
    static let refused = [
        "/..", "/../etc/passwd", "/lessons/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2e%2e/etc/passwd",
        "/.%2e/secret", "/%2e./secret", "/lessons/./index.html", "/%2e/index.html",
        "/..%2fetc%2fpasswd", "/a%2Fb", "/..%5c..%5cetc", "/\\..\\etc", "/lessons\\index.html", "/a%5Cb",
        "/index.html%00.png", "/%00", "/a%zz", "/a%4", "/trailing%",
        "etc/passwd", "", "*", "http://evil.example/etc/passwd", "/%ff%fe",
    ]

    @Test(arguments: refused)
    func refuses(_ target: String) {
        #expect(RequestPath(target: target) == nil, "'\(target)' must be refused")
    }

    static let accepted: [(target: String, components: [String], folder: Bool)] = [
        ("/", [], true),
        ("/index.html", ["index.html"], false),
        ("/lessons/first-steps/", ["lessons", "first-steps"], true),
        ("/lessons/first-steps", ["lessons", "first-steps"], false),
        ("/lessons//first-steps/?x=1#top", ["lessons", "first-steps"], true),
        ("/assets/style.css?v=3", ["assets", "style.css"], false),
        ("/a%20b/c%2Bd.txt", ["a b", "c+d.txt"], false),
        ("/caf%C3%A9.html", ["café.html"], false),
        ("/...", ["..."], false),
        ("/.well-known/x", [".well-known", "x"], false),
        ("/%252e%252e/x", ["%2e%2e", "x"], false),  // decoded once: a literal name, not a step up
    ]

    @Test(arguments: accepted)
    func accepts(_ example: (target: String, components: [String], folder: Bool)) throws {
        let path = try #require(RequestPath(target: example.target))
        #expect(path.components == example.components)
        #expect(path.isFolder == example.folder)
    }

    @Test func canonicalFormEscapes() throws {
        #expect(try #require(RequestPath(target: "/a%20b/c")).description == "/a%20b/c")
        #expect(try #require(RequestPath(target: "/lessons//x/")).description == "/lessons/x/")
        #expect(try #require(RequestPath(target: "/")).description == "/")
    }

    @Test func fileExtension() throws {
        #expect(try #require(RequestPath(target: "/a/Style.CSS")).fileExtension == "css")
        #expect(try #require(RequestPath(target: "/a/.hidden")).fileExtension == nil)
        #expect(try #require(RequestPath(target: "/a/noext")).fileExtension == nil)
    }
}
