#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// C's `stdout`, the stream Swift's `print` writes to. C locks the stream itself, so these
/// are safe from any thread.
enum StandardOutput {
    /// Line buffering: each completed line reaches the file or pipe at once, so what a program
    /// printed before it traps is not lost in a buffer.
    static func makeLineBuffered() {
        fflush(stdout)
        setvbuf(stdout, nil, _IOLBF, 0)
    }

    @Sendable static func write(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }

    @Sendable static func flush() {
        fflush(stdout)
    }
}
