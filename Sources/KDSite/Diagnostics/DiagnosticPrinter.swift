@preconcurrency import Glibc

/// Prints diagnostics to stderr as `path:line:col: error: message`, in colour only when
/// stderr is a terminal (and `NO_COLOR` is unset), like swift-format's printer.
public struct DiagnosticPrinter: Sendable {
    public var colors: Bool

    public init(colors: Bool? = nil) {
        self.colors = colors ?? (isatty(STDERR_FILENO) == 1 && getenv("NO_COLOR") == nil)
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var line = "\(bold(diagnostic.location.description + ":")) "
        line += paint(diagnostic.severity) + " " + bold(diagnostic.message)
        if let note = diagnostic.note {
            line += "\n\(bold(note.location.description + ":")) " + paint(.note) + " " + note.message
        }
        return line
    }

    public func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            StandardError.write(format(diagnostic) + "\n")
        }
    }

    private func paint(_ severity: Diagnostic.Severity) -> String {
        let label = severity.rawValue + ":"
        guard colors else { return label }
        let code =
            switch severity {
            case .error: "31"
            case .warning: "35"
            case .note: "90"
            }
        return "\u{1B}[1;\(code)m\(label)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String {
        colors ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}

/// Unbuffered writes to file descriptor 2.
public enum StandardError {
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(STDERR_FILENO, base + offset, bytes.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
