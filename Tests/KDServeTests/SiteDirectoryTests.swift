import Foundation
@preconcurrency import Glibc
import Testing

@testable import KDServe

/// Lookups on disk: folders, symbolic links, special files, and a tree swapped underneath.
@Suite("site directory", .timeLimit(.minutes(2)))
struct SiteDirectoryTests {
    /// `root/secret.txt` outside the output folder `root/out`, and every kind of entry inside it.
    final class Tree {
        let root: URL
        var out: URL { root.appendingPathComponent("out") }
        var site: SiteDirectory { SiteDirectory(path: out.path) }

        init() throws {
            let fm = FileManager.default
            root = fm.temporaryDirectory.appendingPathComponent("kdserve-dir-\(UUID().uuidString)")
            try fm.createDirectory(at: out.appendingPathComponent("lessons/a"), withIntermediateDirectories: true)
            try fm.createDirectory(at: out.appendingPathComponent("empty"), withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
            try Data("<p>home</p>".utf8).write(to: out.appendingPathComponent("index.html"))
            try Data("<p>a</p>".utf8).write(to: out.appendingPathComponent("lessons/a/index.html"))
            try Data("body{}".utf8).write(to: out.appendingPathComponent("style.css"))
            try fm.createSymbolicLink(
                atPath: out.appendingPathComponent("secret").path, withDestinationPath: "../secret.txt")
            try fm.createSymbolicLink(
                atPath: out.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd")
            try fm.createSymbolicLink(atPath: out.appendingPathComponent("etc").path, withDestinationPath: "/etc")
            try fm.createSymbolicLink(
                atPath: out.appendingPathComponent("outside").path, withDestinationPath: root.path)
            try fm.createSymbolicLink(
                atPath: out.appendingPathComponent("home.html").path, withDestinationPath: "index.html")
            try fm.createSymbolicLink(atPath: out.appendingPathComponent("lessons/b").path, withDestinationPath: "a")
            #expect(mkfifo(out.appendingPathComponent("pipe").path, 0o644) == 0)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func lookup(_ target: String) throws -> SiteDirectory.Lookup {
            site.lookup(try #require(RequestPath(target: target)))
        }

        func text(_ target: String) throws -> String? {
            guard case .file(let file) = try lookup(target) else { return nil }
            return String(decoding: try file.readAll(), as: UTF8.self)
        }
    }

    @Test func servesFilesAndFolderIndexes() throws {
        let tree = try Tree()
        #expect(try tree.text("/") == "<p>home</p>")
        #expect(try tree.text("/index.html") == "<p>home</p>")
        #expect(try tree.text("/lessons/a/") == "<p>a</p>")
        #expect(try tree.text("/style.css") == "body{}")
        guard case .folder = try tree.lookup("/lessons/a") else {
            Issue.record("a folder without its slash must redirect")
            return
        }
    }

    @Test func missingThingsAreNotFound() throws {
        let tree = try Tree()
        for target in ["/nope.html", "/empty/", "/style.css/", "/lessons/a/index.html/x", "/lessons/zzz/"] {
            guard case .notFound = try tree.lookup(target) else {
                Issue.record("\(target) should be not found")
                continue
            }
        }
    }

    /// Symbolic links are never followed, wherever they point and wherever they sit on the path.
    @Test(arguments: [
        "/secret", "/passwd", "/etc/passwd", "/etc/", "/outside/secret.txt", "/outside/", "/home.html", "/lessons/b/",
        "/lessons/b/index.html",
    ])
    func symbolicLinksAreRefused(_ target: String) throws {
        let tree = try Tree()
        guard case .notFound = try tree.lookup(target) else {
            Issue.record("\(target) goes through a symbolic link and must be refused")
            return
        }
    }

    /// A FIFO would block a reader forever; it is refused without being read.
    @Test func specialFilesAreRefused() throws {
        let tree = try Tree()
        guard case .notFound = try tree.lookup("/pipe") else {
            Issue.record("a FIFO must be refused")
            return
        }
    }

    /// An opened file keeps its bytes when its tree is replaced and deleted.
    @Test func anOpenedFileOutlivesTheSwap() throws {
        let tree = try Tree()
        guard case .file(let file) = try tree.lookup("/style.css") else {
            Issue.record("style.css is missing")
            return
        }
        try FileManager.default.removeItem(at: tree.out)
        try FileManager.default.createDirectory(at: tree.out, withIntermediateDirectories: true)
        try Data("new{}".utf8).write(to: tree.out.appendingPathComponent("style.css"))
        #expect(String(decoding: try file.readAll(), as: UTF8.self) == "body{}")
        #expect(try tree.text("/style.css") == "new{}")
    }

    /// Swaps in a new tree (RENAME_EXCHANGE, then deletes the old one, as a build does) 150
    /// times while another thread looks the page up: every lookup finds one whole version.
    @Test func lookupsDuringSwapsSeeWholeVersions() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kdserve-swap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        @Sendable func page(_ version: Int) -> String { String(repeating: "v\(version);", count: 4000) + "END" }
        @Sendable func tree(_ version: Int, at folder: URL) throws {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("lessons/x"), withIntermediateDirectories: true)
            for i in 0..<8 {
                try Data("filler \(i)".utf8).write(to: folder.appendingPathComponent("lessons/f\(i).txt"))
            }
            try Data(page(version).utf8).write(to: folder.appendingPathComponent("lessons/x/index.html"))
        }
        try tree(0, at: out)
        let swaps = 150
        let writer: @Sendable () throws -> Void = {
            for version in 1...swaps {
                let staging = root.appendingPathComponent("staging")
                try tree(version, at: staging)
                #expect(exchange(staging.path, out.path), "renameat2(RENAME_EXCHANGE) is needed for this test")
                try FileManager.default.removeItem(at: staging)
            }
        }
        let reader: @Sendable () throws -> (Int, [String]) = {
            let site = SiteDirectory(path: out.path)
            let path = RequestPath(components: ["lessons", "x"], isFolder: true)
            var count = 0
            var bad: [String] = []
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                count += 1
                guard case .file(let file) = site.lookup(path) else {
                    bad.append("lookup \(count): not found")
                    continue
                }
                let text = String(decoding: try file.readAll(), as: UTF8.self)
                let version = text.prefix { $0 != ";" }.dropFirst()
                if Int(version).map({ text != page($0) }) ?? true { bad.append("lookup \(count): a torn page") }
                if Int(version) == swaps { break }
            }
            return (count, bad)
        }
        async let reading = blocking(reader)
        try await blocking(writer)
        let (count, bad) = try await reading
        #expect(count > 0)
        #expect(bad.isEmpty, "\(bad.prefix(5))")
    }
}

/// `renameat2(a, b, RENAME_EXCHANGE)`, as `StagedOutput` swaps a build in.
private func exchange(_ a: String, _ b: String) -> Bool {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
    return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, a, AT_FDCWD, b, 2) == 0
}
