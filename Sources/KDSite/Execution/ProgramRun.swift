import Foundation
import KDEngine

/// A page program's successful run, as the cache stores it: the raw streams the program
/// wrote (decoded again with KDNotebook's `Transcript` on every use, so a damaged entry is
/// noticed), what each `fails` block showed, and its provenance.
struct ProgramRun: Codable, Sendable {
    /// Bumped when the entry's shape or meaning changes; older entries are rebuilt.
    static let formatVersion = 3

    var format: Int = ProgramRun.formatVersion
    /// The cache key it was stored under (hex SHA-256).
    var key: String
    /// The program's stdout: text and block markers.
    var stdout: Data
    /// The records stream (JSON lines).
    var records: Data
    /// What each `fails` block showed, by block number.
    var failures: [Int: FailedBlock]
    /// The engine's short fingerprint.
    var engine: String
    var compileSeconds: Double
    var runSeconds: Double
    /// When the program ran, UTC, to the second (`2026-11-30T08:40:12Z`). Stored so a page
    /// built from the cache shows the same provenance, byte for byte, as the build that ran it.
    var ranAt: String
    /// SHA-256 of the fields above, checked when the entry is read.
    var digest: String = ""

    init(
        key: String, stdout: Data, records: Data, failures: [Int: FailedBlock], engine: String, compileSeconds: Double,
        runSeconds: Double,
        ranAt: Date = Date()
    ) {
        self.key = key
        self.stdout = stdout
        self.records = records
        self.failures = failures
        self.engine = engine
        self.compileSeconds = compileSeconds
        self.runSeconds = runSeconds
        self.ranAt = ranAt.formatted(.iso8601)
        self.digest = contentDigest()
    }

    /// SHA-256 over everything but `digest`.
    func contentDigest() -> String {
        var hasher = SHA256()
        hasher.update("\(format)\n\(key)\n\(engine)\n\(compileSeconds)\n\(runSeconds)\n\(ranAt)\n")
        hasher.update("stdout \(stdout.count)\n")
        hasher.update(stdout)
        hasher.update("records \(records.count)\n")
        hasher.update(records)
        for (block, failed) in failures.sorted(by: { $0.key < $1.key }) {
            hasher.update("failure \(block) \(failed.message.utf8.count)\n\(failed.message)")
            hasher.update("stdout \(failed.stdout.count)\n")
            hasher.update(failed.stdout)
            hasher.update("records \(failed.records.count)\n")
            hasher.update(failed.records)
        }
        return hasher.finalize().hexString
    }

    /// Whether the entry is whole: the current format, the expected key, an intact digest.
    func isIntact(for expectedKey: String) -> Bool {
        format == Self.formatVersion && key == expectedKey && digest == contentDigest()
    }
}

/// A `fails` block as it failed: the error the reader is shown (swiftc's, or the runtime's
/// fatal error) and, when it crashed, the streams of the run that reached it, so what it
/// printed before the crash is shown too.
struct FailedBlock: Codable, Sendable, Equatable {
    var message: String
    var stdout = Data()
    var records = Data()
}
