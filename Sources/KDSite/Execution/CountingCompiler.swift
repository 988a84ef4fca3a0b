import Foundation

/// A `swiftc` wrapper script that logs each compilation (each invocation naming a
/// `main.swift`) and then runs the real compiler, so cache tests and benchmarks count
/// compilations rather than infer them from times. Pass ``script`` as the build's compiler.
public struct CountingCompiler: Sendable {
    /// The wrapper to build with (`FOLDER/swiftc-counting`).
    public let script: URL
    /// One line per compilation: the compiler's working directory (`FOLDER/swiftc.log`).
    public let log: URL

    /// Writes the wrapper into `folder`, running `realCompiler` for every invocation.
    public init(in folder: URL, realCompiler: URL) throws {
        script = folder.appendingPathComponent("swiftc-counting")
        log = folder.appendingPathComponent("swiftc.log")
        let text = """
            #!/bin/sh
            case "$*" in *main.swift*) echo "$PWD" >> '\(log.path)';; esac
            exec '\(realCompiler.path)' "$@"

            """
        try Data(text.utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    }

    /// Each compilation since the last ``reset()``, oldest first, as its folder under the
    /// cache's `work/`: `PAGE` for a page's program, `PAGE/fails-N` for its `fails` block N
    /// (`PAGE` is the page id with `/` as `+`).
    public var compilations: [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map { line in
            let parts = line.split(separator: "/")
            guard let work = parts.lastIndex(of: "work") else { return String(line) }
            return parts[(work + 1)...].joined(separator: "/")
        }
    }

    /// Forgets the compilations logged so far.
    public func reset() {
        try? FileManager.default.removeItem(at: log)
    }
}
