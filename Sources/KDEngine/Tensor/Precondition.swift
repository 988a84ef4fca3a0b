// The engine is always built optimised, and Swift's `precondition` prints its message only in
// -Onone builds: an -O build traps silently. A snippet that multiplies mismatched shapes
// must say which shapes, so inside KDEngine these two shadow the standard library's: same
// check, same trap, but the message is printed in every build.

/// Stops with `message` (printed in optimised builds too) when `condition` is false.
@usableFromInline @inline(__always)
func precondition(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = String(),
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { fatalError(message(), file: file, line: line) }
}

/// Stops with `message`, printed in optimised builds too.
@usableFromInline
func preconditionFailure(
    _ message: @autoclosure () -> String = String(),
    file: StaticString = #fileID, line: UInt = #line
) -> Never {
    fatalError(message(), file: file, line: line)
}
