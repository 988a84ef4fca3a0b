import Foundation
import KDEngine

/// A page program's successful run, as the cache stores it: the raw streams the program
/// wrote (decoded again with KDNotebook's `Transcript` on every use, so a damaged entry is
/// noticed), what each `fails` block showed, and its provenance.
struct ProgramRun: Codable, Sendable {
    /// Bumped when the entry's shape or meaning changes; older entries are rebuilt.
    static let formatVersion = 1

    var format: Int = ProgramRun.formatVersion
    /// The cache key it was stored under (hex SHA-256).
    var key: String
    /// The program's stdout: text and block markers.
    var stdout: Data
    /// The records stream (JSON lines).
    var records: Data
    /// What each `fails` block showed (its compile error or trap), by block number.
    var failures: [Int: String]
    /// The engine's short fingerprint.
    var engine: String
    var compileSeconds: Double
    var runSeconds: Double
    /// SHA-256 of the fields above, checked when the entry is read.
    var digest: String = ""

    init(key: String, stdout: Data, records: Data, failures: [Int: String], engine: String, compileSeconds: Double, runSeconds: Double) {
        self.key = key
        self.stdout = stdout
        self.records = records
        self.failures = failures
        self.engine = engine
        self.compileSeconds = compileSeconds
        self.runSeconds = runSeconds
        self.digest = contentDigest()
    }

    /// SHA-256 over everything but `digest`.
    func contentDigest() -> String {
        var hasher = SHA256()
        hasher.update("\(format)\n\(key)\n\(engine)\n\(compileSeconds)\n\(runSeconds)\n")
        hasher.update("stdout \(stdout.count)\n")
        hasher.update(stdout)
        hasher.update("records \(records.count)\n")
        hasher.update(records)
        for (block, text) in failures.sorted(by: { $0.key < $1.key }) {
            hasher.update("failure \(block) \(text.utf8.count)\n\(text)")
        }
        return hasher.finalize().hexString
    }

    /// Whether the entry is whole: the current format, the expected key, an intact digest.
    func isIntact(for expectedKey: String) -> Bool {
        format == Self.formatVersion && key == expectedKey && digest == contentDigest()
    }
}
