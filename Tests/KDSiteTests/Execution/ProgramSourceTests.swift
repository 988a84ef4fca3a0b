import Foundation
import KDNotebook
import Testing

@testable import KDSite

/// The parts of execution that need no compiler: the generated program, swiftc's messages,
/// the cache key, failure texts, drift descriptions.
@Suite("Snippet programs, keys and messages")
struct ProgramSourceTests {
    static func block(_ number: Int, _ code: String, fence: String = "swift", line: Int) -> SnippetBlock {
        SnippetBlock(number: number, code: code, fence: FenceInfo(fence), firstLine: line)
    }

    static let program = SnippetProgram(
        pageID: "the-teacher", path: "Content/lessons/02-the-teacher.md", timeout: nil,
        blocks: [
            block(1, "let a = 1\nprint(a)\n", line: 12),
            block(2, "show(table)\n", fence: "swift hidden", line: 20),
        ])

    @Test func programAnnouncesAndPlacesEveryBlock() {
        let source = ProgramSource(path: Self.program.path, blocks: Self.program.blocks)
        #expect(
            source.text == """
                import Foundation
                import KDEngine
                import KDNotebook
                _kdBeginBlock(1, line: 12)
                #sourceLocation(file: "Content/lessons/02-the-teacher.md", line: 12)
                let a = 1
                print(a)
                #sourceLocation()
                _kdBeginBlock(2, line: 20)
                #sourceLocation(file: "Content/lessons/02-the-teacher.md", line: 20)
                show(table)
                #sourceLocation()

                """)
        #expect(source.block(atGeneratedLine: 2)?.number == 1)
        #expect(source.block(atGeneratedLine: 7)?.number == 1)
        #expect(source.block(atGeneratedLine: 11)?.number == 2)
        #expect(source.block(atGeneratedLine: 99)?.number == 2)
    }

    @Test func pathsAreSwiftStringLiterals() {
        #expect(ProgramSource.literal(#"C:\a "b".md"#) == #""C:\\a \"b\".md""#)
    }

    @Test(arguments: [
        (
            "Content/lessons/x.md:53:14: error: cannot find 'techer' in scope",
            CompilerMessage(
                path: "Content/lessons/x.md", line: 53, column: 14, severity: .error,
                message: "cannot find 'techer' in scope")
        ),
        (
            "/tmp/a:b/x.md:3:1: note: did you mean 'teacher'?",
            CompilerMessage(
                path: "/tmp/a:b/x.md", line: 3, column: 1, severity: .note, message: "did you mean 'teacher'?")
        ),
    ])
    func compilerMessagesParse(line: String, expected: CompilerMessage) {
        #expect(CompilerMessage.parseLine(line) == expected)
    }

    @Test func linesWithoutAPositionAreNotMessages() {
        #expect(
            CompilerMessage.parse(
                "error: emit-module command failed with exit code 1 (use -v to see invocation)\nlet a = techer\n        ^~~~~~\n"
            ) == [])
    }

    @Test func keysIgnoreLinesPathAndTimeoutButNotCodeOrFences() throws {
        let compiler = SwiftCompiler(
            executable: URL(fileURLWithPath: "/usr/bin/swiftc"), version: "Swift version 6.3.1")
        let engine = try EngineLibraries(directory: URL(fileURLWithPath: try ExecutionTesting.engineDirectory))
        let keys = SnippetKey(compiler: compiler, engine: engine, dataDigest: "data")
        let base = keys.key(for: Self.program)
        var moved = Self.program
        moved.blocks = moved.blocks.map {
            var b = $0; b.firstLine += 7; return b
        }
        moved.timeout = 300
        #expect(keys.key(for: moved) == base, "prose moving blocks, or a new timeout, keeps the key")
        var edited = Self.program
        edited.blocks[0].code = "let a = 2\nprint(a)\n"
        #expect(keys.key(for: edited) != base)
        var refenced = Self.program
        refenced.blocks[1].fence = FenceInfo("swift")
        #expect(keys.key(for: refenced) != base)
        var renamed = Self.program
        renamed.path = "Content/lessons/03-the-teacher.md"
        renamed.pageID = "teacher"
        #expect(keys.key(for: renamed) == base, "renumbering a lesson file keeps the key")
        let otherData = SnippetKey(compiler: compiler, engine: engine, dataDigest: "other data")
        #expect(otherData.key(for: Self.program) != base)
        let otherCompiler = SnippetKey(
            compiler: SwiftCompiler(executable: compiler.executable, version: "Swift version 6.4"), engine: engine,
            dataDigest: "data")
        #expect(otherCompiler.key(for: Self.program) != base)
    }

    @Test func folderDigestCoversNamesAndBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kdsite-digest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("1,2\n".utf8).write(to: folder.appendingPathComponent("sub/a.csv"))
        let first = SnippetKey.digest(ofFolder: folder)
        #expect(SnippetKey.digest(ofFolder: folder) == first)
        try Data("1,3\n".utf8).write(to: folder.appendingPathComponent("sub/a.csv"))
        let second = SnippetKey.digest(ofFolder: folder)
        #expect(second != first)
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("sub/a.csv"), to: folder.appendingPathComponent("sub/b.csv"))
        #expect(SnippetKey.digest(ofFolder: folder) != second)
    }

    @Test func aLibraryIsStaleOnlyWhenOneOfItsObjectFilesIsNewer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kdsite-engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["Modules", "KDEngine.build", "KDNotebook.build"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let files = [
            "libKDEngine.so", "libKDNotebook.so", "Modules/KDEngine.swiftmodule", "Modules/KDNotebook.swiftmodule",
            "KDEngine.build/Tensor.swift.o", "KDEngine.build/Dense.swift.o", "KDNotebook.build/Show.swift.o",
        ]
        for file in files { try Data(file.utf8).write(to: folder.appendingPathComponent(file)) }
        let now = Date()
        func stamp(_ file: String, _ seconds: Double) throws {
            try FileManager.default.setAttributes(
                [.modificationDate: now.addingTimeInterval(seconds)],
                ofItemAtPath: folder.appendingPathComponent(file).path)
        }
        for file in files { try stamp(file, -60) }
        try stamp("libKDEngine.so", 0)
        try stamp("libKDNotebook.so", 0)
        #expect(EngineLibraries.missingFiles(in: folder) == [])
        #expect(!EngineLibraries.isStale(folder))

        // A module-only edit: SwiftPM writes the .swiftmodule again but, the object files
        // being unchanged, does not relink the library. The library is still the right one.
        try stamp("Modules/KDEngine.swiftmodule", 60)
        #expect(
            !EngineLibraries.isStale(folder), "a module newer than its library is not stale while its objects are older"
        )

        // A rebuilt object file that was not linked (`swift test`, `swift build --target`): stale.
        try stamp("KDEngine.build/Dense.swift.o", 30)
        #expect(EngineLibraries.isStale(folder))
        try stamp("libKDEngine.so", 40)
        #expect(!EngineLibraries.isStale(folder), "relinked")
        try stamp("KDNotebook.build/Show.swift.o", 30)
        #expect(EngineLibraries.isStale(folder))

        // An engine folder that is not a SwiftPM build folder (no objects) is never stale.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("KDEngine.build"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("KDNotebook.build"))
        #expect(!EngineLibraries.isStale(folder))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("libKDNotebook.so"))
        #expect(EngineLibraries.missingFiles(in: folder) == ["libKDNotebook.so"])
    }

    @Test func crashesArePinnedToTheStatementInTheBlock() {
        let block = Self.block(2, "let i = 3\nprint(xs[i])\n", line: 20)
        let program = SnippetProgram(pageID: "p", path: "Content/lessons/p.md", timeout: nil, blocks: [block])
        let stderr = """
            Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

            *** Signal 4: Backtracing from 0x7f928f56df7f... done ***
              3 [ra] 0x000055d633b0c6ef main + 990 in program at Content/lessons/p.md:21:9
            """
        let backtraced = RunFailure.crashLine(in: stderr, path: program.path, block: block, program: program)
        #expect(backtraced?.line == 21 && backtraced?.column == 9)
        #expect(
            RunFailure.stderrTail(stderr) == ["Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range"])
        let precondition = "Content/lessons/p.md:20: Fatal error: negative\n"
        let failed = RunFailure.crashLine(in: precondition, path: program.path, block: block, program: program)
        #expect(failed?.line == 20 && failed?.column == 1)
        #expect(
            RunFailure.crashLine(
                in: "Content/lessons/p.md:90: Fatal error: elsewhere\n", path: program.path, block: block,
                program: program) == nil)
        #expect(FailureText.crash(.signalled(4), stderr: precondition) == "Fatal error: negative")
        #expect(FailureText.crash(.signalled(11), stderr: "") == "crashed: SIGSEGV, segmentation fault")
    }

    @Test func tableDriftNamesTheCells() {
        var old = PageSnapshot.TableSnapshot(KDNotebookTable.sizes(97.2, 12), block: 3)
        let new = PageSnapshot.TableSnapshot(KDNotebookTable.sizes(97.5, 12), block: 3)
        #expect(DriftReport.describe(old, new) == "Teacher / Accuracy: 97.2 → 97.5")
        old.rows.append(["Student", "90.0", "3"])
        #expect(DriftReport.describe(old, new) == "2 rows → 1 rows")
    }
}

enum KDNotebookTable {
    static func sizes(_ accuracy: Double, _ kilobytes: Int) -> Table {
        var table = Table(
            "Sizes", columns: [.text("Model"), .number("Accuracy", format: .fixed(digits: 1)), .number("KB")])
        table.row("Teacher", accuracy, kilobytes)
        return table
    }
}
