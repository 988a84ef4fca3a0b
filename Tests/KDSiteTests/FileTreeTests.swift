import Foundation
import Testing

@testable import KDSite

/// Writing a build's files many at once, and removing a tree without following its links.
@Suite("File trees")
struct FileTreeTests {
    struct Injected: Error {}

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kdsite-filetree-\(UUID().uuidString)")

    func contents(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func writesEveryFileWithItsFolders() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files =
            (0..<300).map { i in OutputFile(path: "lessons/l\(i)/index.html", data: Data("page \(i)\n".utf8)) }
            + [OutputFile(path: "a/b/c/deep.txt", data: Data("deep".utf8)), OutputFile(path: "top.xml", data: Data())]
        try FileTree.write(files, in: folder.path)
        #expect(try contents("lessons/l0/index.html") == "page 0\n")
        #expect(try contents("lessons/l299/index.html") == "page 299\n")
        #expect(try contents("a/b/c/deep.txt") == "deep")
        #expect(try contents("top.xml").isEmpty)
        let lessons = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("lessons").path)
        #expect(lessons.count == 300)
    }

    @Test func aThrowAfterAFileStopsTheWriting() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = (0..<2000).map { i in OutputFile(path: "f\(i).txt", data: Data("\(i)".utf8)) }
        let written = Counter()
        #expect(throws: Injected.self) {
            try FileTree.write(files, in: folder.path) { _ in
                if written.increment() == 3 { throw Injected() }
            }
        }
        // Threads already past the check finish their file (a few at most); then none starts.
        let count = try FileManager.default.contentsOfDirectory(atPath: folder.path).count
        #expect(count >= 3 && count < files.count / 2)
    }

    @Test func aFileInPlaceOfAFolderIsAnError() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("lessons"))
        #expect(throws: EnvironmentError.self) {
            try FileTree.write([OutputFile(path: "lessons/a/index.html", data: Data())], in: folder.path)
        }
    }

    @Test func removesATreeButNotWhatItsLinksPointTo() throws {
        let fm = FileManager.default
        let tree = folder.appendingPathComponent("tree"), outside = folder.appendingPathComponent("outside")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try fm.createDirectory(at: tree, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: folder) }
        try Data("keep".utf8).write(to: outside.appendingPathComponent("kept.txt"))
        try FileTree.write(
            (0..<50).map { OutputFile(path: "x/\($0)/y/z.txt", data: Data("\($0)".utf8)) }, in: tree.path)
        try fm.createSymbolicLink(at: tree.appendingPathComponent("x/link"), withDestinationURL: outside)

        FileTree.remove(tree.path)
        #expect(!fm.fileExists(atPath: tree.path))
        #expect(try contents("outside/kept.txt") == "keep")
    }
}
