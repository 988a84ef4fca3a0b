import Foundation
import KDEngine

/// The built KDEngine and KDNotebook that snippet programs compile and link against: a folder
/// holding `libKDEngine.so`, `libKDNotebook.so` and `Modules/KDEngine.swiftmodule`,
/// `Modules/KDNotebook.swiftmodule` — what `swift build -c release` leaves in `.build/release`.
public struct EngineLibraries: Sendable {
    /// The folder with the libraries (passed to swiftc as `-L` and the run path).
    public let directory: URL
    /// The folder with the `.swiftmodule`s (passed as `-I`).
    public let modules: URL
    /// SHA-256 of the two libraries' bytes: part of every cache key, and the provenance
    /// shown under outputs.
    public let fingerprint: String

    static let libraryNames = ["KDEngine", "KDNotebook"]

    #if os(macOS)
        static func fileName(of library: String) -> String { "lib\(library).dylib" }
    #else
        static func fileName(of library: String) -> String { "lib\(library).so" }
    #endif

    /// The environment variable naming the folder, second in the lookup order.
    public static let environmentVariable = "KDSITE_ENGINE_DIR"

    /// Where the package's release build puts the libraries (found from this file's path).
    static let packageRelease = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/release")

    /// The libraries in `directory`, fingerprinted; throws naming what is missing.
    public init(directory: URL) throws(EnvironmentError) {
        var memo = FileMemo(store: nil)
        try self.init(directory: directory, memo: &memo)
    }

    /// The libraries in `directory`; their digests come from `memo` when they did not change.
    init(directory: URL, memo: inout FileMemo) throws(EnvironmentError) {
        let directory = directory.standardizedFileURL.resolvingSymlinksInPath()
        let missing = Self.missingFiles(in: directory)
        guard missing.isEmpty else {
            throw EnvironmentError(
                "no built engine in '\(directory.path)': missing \(missing.joined(separator: ", ")); "
                    + "build it with 'swift build -c release' in the kdsite package, or pass --engine with the folder that holds \(Self.fileName(of: "KDEngine"))"
            )
        }
        self.directory = directory
        self.modules = directory.appendingPathComponent("Modules")
        var hasher = SHA256()
        for name in Self.libraryNames {
            let digest = try memo.sha256(of: directory.appendingPathComponent(Self.fileName(of: name)))
            hasher.update("\(name) \(digest)\n")
        }
        self.fingerprint = hasher.finalize().hexString
    }

    /// The files a usable engine folder must hold that `directory` lacks.
    static func missingFiles(in directory: URL) -> [String] {
        let wanted = libraryNames.map(fileName(of:)) + libraryNames.map { "Modules/\($0).swiftmodule" }
        return wanted.filter { !FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
    }

    /// Whether a library in `directory` was linked before one of its inputs changed: some
    /// object file in `NAME.build/` (SwiftPM's build folder) is newer than `libNAME.so`, as
    /// when `swift test` or `swift build --target` recompiles a module without relinking
    /// the library. Such a folder is passed over when searching (never when named).
    ///
    /// The `.swiftmodule` is not compared: after an edit that leaves every object file as it
    /// was, SwiftPM writes the module again but rightly does not relink, and the library is
    /// current. A folder without object files (an installed engine) is never stale.
    static func isStale(_ directory: URL) -> Bool {
        let fm = FileManager.default
        func modified(_ url: URL) -> Date? {
            (try? fm.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        }
        return libraryNames.contains { name in
            guard let library = modified(directory.appendingPathComponent(fileName(of: name))) else { return false }
            let objects = directory.appendingPathComponent("\(name).build")
            let names = (try? fm.contentsOfDirectory(atPath: objects.path)) ?? []
            return names.contains { file in
                file.hasSuffix(".o") && (modified(objects.appendingPathComponent(file)).map { $0 > library } ?? false)
            }
        }
    }

    /// Finds the engine, in DESIGN.md's order: `explicit` (`--engine PATH`), the
    /// `KDSITE_ENGINE_DIR` environment variable, the folder of the running executable
    /// (`.build/release/kdsite` sits beside the libraries), the package's `.build/release`.
    /// An explicit folder or variable that does not hold the engine is an error, not skipped;
    /// a searched folder whose libraries are older than their object files is skipped.
    public static func locate(
        explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(EnvironmentError) -> EngineLibraries {
        var memo = FileMemo(store: nil)
        return try locate(explicit: explicit, environment: environment, memo: &memo)
    }

    static func locate(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        memo: inout FileMemo
    ) throws(EnvironmentError) -> EngineLibraries {
        if let explicit { return try EngineLibraries(directory: URL(fileURLWithPath: explicit), memo: &memo) }
        if let variable = environment[environmentVariable], !variable.isEmpty {
            return try EngineLibraries(directory: URL(fileURLWithPath: variable), memo: &memo)
        }
        var candidates: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        candidates.append(packageRelease)
        return try search(candidates, memo: &memo)
    }

    /// The first of `candidates` that holds a current engine. When none does but some hold a
    /// stale one, the error says so, since a relink (not a first build) is what is missing.
    static func search(_ candidates: [URL], memo: inout FileMemo) throws(EnvironmentError) -> EngineLibraries {
        let complete = candidates.filter { missingFiles(in: $0).isEmpty }
        if let current = complete.first(where: { !isStale($0) }) {
            return try EngineLibraries(directory: current, memo: &memo)
        }
        if !complete.isEmpty {
            throw EnvironmentError(
                "the built KDEngine and KDNotebook libraries in "
                    + complete.map { "'\($0.standardizedFileURL.path)'" }.joined(separator: ", ")
                    + " are stale: a module was recompiled after they were linked (as 'swift test' leaves them); "
                    + "relink them with 'swift build -c release' in the kdsite package, or pass --engine PATH to use them as they are"
            )
        }
        throw EnvironmentError(
            "cannot find the built KDEngine and KDNotebook libraries (looked in "
                + candidates.map { "'\($0.standardizedFileURL.path)'" }.joined(separator: ", ")
                + "); build them with 'swift build -c release' in the kdsite package, set \(environmentVariable), or pass --engine PATH"
        )
    }

    /// The first 12 hex digits of the fingerprint, as pages show it.
    public var shortFingerprint: String { String(fingerprint.prefix(12)) }
}
