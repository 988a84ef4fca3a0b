import Foundation

/// What a `fails` block shows the reader under its code.
enum FailureText {
    /// swiftc's errors, each with the block's line it names and a caret under the column:
    ///
    ///     error: cannot convert value of type 'Double' to specified type 'Int'
    ///     let n: Int = 0.5
    ///                  ^
    static func compileErrors(_ errors: [CompilerMessage], in block: SnippetBlock) -> String {
        let lines = block.code.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = Set<CompilerMessage>()
        var out: [String] = []
        for error in errors where seen.insert(error).inserted {
            out.append("error: \(error.message)")
            let index = error.line - block.firstLine
            if lines.indices.contains(index) {
                let line = String(lines[index])
                out.append(line)
                let bytes = Array(line.utf8.prefix(max(0, error.column - 1)))
                let width = String(decoding: bytes, as: UTF8.self).count
                out.append(String(repeating: " ", count: width) + "^")
            }
        }
        return out.joined(separator: "\n")
    }

    /// The runtime's fatal error lines (paths and line numbers dropped, as they change when
    /// prose moves), or the signal or exit status when there are none.
    static func crash(_ ending: ChildProcess.Ending, stderr: String) -> String {
        let fatal = stderr.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "Fatal error") else { return nil }
            return String(line[range.lowerBound...])
        }
        if !fatal.isEmpty { return fatal.joined(separator: "\n") }
        switch ending {
        case .signalled(let signal): return "crashed: \(SignalName.describe(signal))"
        case .exited(let status): return "exited with status \(status)"
        case .timedOut, .outputCapped: return "did not finish"
        }
    }
}
