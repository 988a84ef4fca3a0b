import Foundation
import KDNotebook

/// Why a page program's run failed, as a diagnostic at the block that was running: a crash
/// (the signal, and the Markdown line of the crashing statement when the backtrace or the
/// fatal error names it), a non-zero exit, a timeout, or too much output. The tail of
/// stderr follows the first line of the message.
struct RunFailure {
    let diagnostic: Diagnostic

    /// Nil when the run succeeded (exit status 0).
    init?(
        result: ChildProcess.Result, transcript: Transcript?, stderr: String, program: SnippetProgram,
        timeLimit: Double, outputCap: Int
    ) {
        let running =
            transcript?.lastBlock.flatMap { last in program.blocks.first { $0.number == last.index } }
            ?? program.blocks.first { $0.fence.runs }
        let blockName = running.map { "block \($0.number)" } ?? "the program"
        var location = program.location(line: running?.firstLine ?? 1)
        var message: String
        switch result.ending {
        case .exited(0):
            return nil
        case .exited(let status):
            message = "snippet exited with status \(status) in \(blockName)"
        case .signalled(let signal):
            message = "snippet crashed in \(blockName) (\(SignalName.describe(signal)))"
            if let running, let line = Self.crashLine(in: stderr, path: program.path, block: running, program: program)
            {
                location = program.location(line: line.line, column: line.column)
            }
        case .timedOut:
            let seconds = Int(timeLimit.rounded())
            message =
                "snippet timed out after \(seconds) s in \(blockName); make it faster (a lesson may raise 'timeout', in seconds, in its front matter)"
        case .outputCapped:
            message = "snippet output passed \(outputCap / (1 << 20)) MB in \(blockName); print less"
        }
        let tail = Self.stderrTail(stderr)
        if !tail.isEmpty { message += "\n" + tail.map { "    " + $0 }.joined(separator: "\n") }
        diagnostic = Diagnostic(.error, message, at: location)
    }

    /// The last lines of stderr before the backtrace (at most `limit`, blank lines dropped).
    static func stderrTail(_ stderr: String, limit: Int = 6) -> [String] {
        var lines: [Substring] = []
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("*** Signal") || line.hasPrefix("💣") || line.hasPrefix("*** Program crashed")
                || line.hasPrefix("Current stack trace:")
            {
                break
            }
            if !line.allSatisfy(\.isWhitespace) { lines.append(line) }
        }
        return lines.suffix(limit).map(String.init)
    }

    /// The line (and column) of the crashing statement inside `block`: the first backtrace
    /// frame `at PATH:LINE:COL`, else a `PATH:LINE: Fatal error` from a precondition in the
    /// snippet. Nil when neither names a line of the block.
    static func crashLine(in stderr: String, path: String, block: SnippetBlock, program: SnippetProgram) -> (
        line: Int, column: Int
    )? {
        let lineCount = block.code.split(separator: "\n", omittingEmptySubsequences: false).count
        let range = block.firstLine..<(block.firstLine + max(lineCount, 1))
        for raw in stderr.split(separator: "\n") {
            let line = String(raw)
            if let at = line.range(of: " at \(path):") {
                let parts = line[at.upperBound...].split(separator: ":")
                if let number = parts.first.flatMap({ Int($0) }), range.contains(number) {
                    let column = parts.dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) } ?? 1
                    return (number, column)
                }
            } else if line.hasPrefix(path + ":"), line.contains(": Fatal error") {
                let rest = line.dropFirst(path.count + 1)
                if let number = Int(rest.prefix { $0.isNumber }), range.contains(number) { return (number, 1) }
            }
        }
        return nil
    }
}
