import Foundation
import KDEngine

/// The cache key of a page program: a SHA-256 of everything that can change its outputs —
/// the compiler's version and flags, the engine and notebook libraries' bytes, every data
/// file under the content folder's `data/`, and each swift block's number, fence options and
/// code.
///
/// Deliberately left out: the blocks' line numbers and all prose, so editing prose (which
/// moves blocks down the file) reuses the cached run; the page's path, so renumbering or
/// renaming a lesson file does too (what a run shows never names its file: a `fails` block's
/// error is quoted without it); and the page's `timeout`, which cannot change a run that
/// finished. Two pages with the same blocks share one run.
struct SnippetKey: Sendable {
    /// Everything shared by all pages of one build, hashed once.
    let environmentDigest: String

    static let version = "kdsite-snippet-key 1"

    init(compiler: SwiftCompiler, engine: EngineLibraries, dataDigest: String) {
        var hasher = SHA256()
        hasher.update(
            "\(Self.version)\ncompiler \(compiler.version)\nflags \(SwiftCompiler.flags.joined(separator: " "))\n")
        hasher.update("preamble \(ProgramSource.preamble.joined(separator: ";"))\n")
        hasher.update("engine \(engine.fingerprint)\ndata \(dataDigest)\n")
        environmentDigest = hasher.finalize().hexString
    }

    /// The key of `program` (hex).
    func key(for program: SnippetProgram) -> String {
        var hasher = SHA256()
        hasher.update("\(environmentDigest)\nblocks \(program.blocks.count)\n")
        for block in program.blocks {
            let fence =
                ([block.fence.language]
                + block.fence.options.map { option in option.value.map { "\(option.name)=\($0)" } ?? option.name })
                .joined(separator: " ")
            hasher.update("block \(block.number) \(fence.utf8.count) \(fence) \(block.code.utf8.count)\n")
            hasher.update(block.code)
        }
        return hasher.finalize().hexString
    }

    /// SHA-256 over every regular file under `folder` (sorted relative paths, sizes and bytes);
    /// a fixed value when the folder does not exist.
    static func digest(ofFolder folder: URL) -> String {
        var memo = FileMemo(store: nil)
        return digest(ofFolder: folder, memo: &memo)
    }

    /// As above, file digests from `memo` when the files did not change.
    static func digest(ofFolder folder: URL, memo: inout FileMemo) -> String {
        var hasher = SHA256()
        let fm = FileManager.default
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var files: [String] = []
        if let walker = fm.enumerator(atPath: base) {
            while let relative = walker.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(relative)
                }
            }
        }
        hasher.update("files \(files.count)\n")
        for relative in files.sorted() {
            let digest = (try? memo.sha256(of: URL(fileURLWithPath: base + "/" + relative))) ?? "unreadable"
            hasher.update("\(relative.utf8.count) \(relative) \(digest)\n")
        }
        return hasher.finalize().hexString
    }
}
