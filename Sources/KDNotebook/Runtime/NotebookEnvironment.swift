/// The environment variables a snippet program reads to find where its outputs go.
///
/// | variable | meaning |
/// | --- | --- |
/// | `KDNOTEBOOK_FD` | a file descriptor number, open for writing, that receives the records stream |
/// | `KDNOTEBOOK_RECORDS` | a file path that receives the records stream (created or appended to); used when `KDNOTEBOOK_FD` is unset |
/// | `KDNOTEBOOK_OUTPUT_DIR` | without either of the above: the folder where figures are saved as .svg (default: the current folder) |
///
/// With neither `KDNOTEBOOK_FD` nor `KDNOTEBOOK_RECORDS` the program is run by hand or by
/// `kdsite run`, and outputs are rendered for a person on stdout (see `ConsoleRenderer`).
/// Note: Foundation's `Process` closes every descriptor above 2 in the child, so a parent
/// that uses it must pass a path (`KDNOTEBOOK_RECORDS`); `posix_spawn` with a `dup2` file
/// action can pass a descriptor.
public enum NotebookEnvironment {
    public static let recordsDescriptor = "KDNOTEBOOK_FD"
    public static let recordsPath = "KDNOTEBOOK_RECORDS"
    public static let outputDirectory = "KDNOTEBOOK_OUTPUT_DIR"
}
