import Foundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output side of a snippet program: numbers records, writes them to the records stream
/// and marks their place on stdout, or, run by hand, renders them for a person.
/// One per process (`Notebook.shared`), safe to use from any thread.
final class Notebook: @unchecked Sendable {
    enum Mode: Equatable {
        /// Records go to this file descriptor; markers to stdout.
        case records(Int32)
        /// Rendered on stdout; figures saved into this directory.
        case console(directory: String)
    }

    static let shared = Notebook(environment: ProcessInfo.processInfo.environment)

    let mode: Mode
    private let lock = NSLock()
    private var sequence = 0
    private var currentBlock: Int?
    private var console: ConsoleRenderer
    /// Writes text to stdout (markers, console renderings) and flushes it.
    private let writeText: @Sendable (String) -> Void
    private let flushText: @Sendable () -> Void

    /// Reads the mode from `environment` (see `NotebookEnvironment`) and makes stdout
    /// line-buffered, so text printed before a trap reaches the file it is redirected to.
    convenience init(environment: [String: String]) {
        StandardOutput.makeLineBuffered()
        self.init(mode: Self.mode(from: environment), writeText: StandardOutput.write, flushText: StandardOutput.flush)
    }

    init(mode: Mode, writeText: @escaping @Sendable (String) -> Void, flushText: @escaping @Sendable () -> Void) {
        self.mode = mode
        self.writeText = writeText
        self.flushText = flushText
        if case .console(let directory) = mode {
            console = ConsoleRenderer(directory: directory)
        } else {
            console = ConsoleRenderer(directory: ".")
        }
    }

    static func mode(from environment: [String: String]) -> Mode {
        if let value = environment[NotebookEnvironment.recordsDescriptor] {
            guard let fd = Int32(value), fd >= 0 else {
                preconditionFailure(
                    "kdnotebook: \(NotebookEnvironment.recordsDescriptor)='\(value)' is not a file descriptor number")
            }
            return .records(fd)
        }
        if let path = environment[NotebookEnvironment.recordsPath] {
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                preconditionFailure(
                    "kdnotebook: cannot open \(NotebookEnvironment.recordsPath)='\(path)': \(String(cString: strerror(errno)))"
                )
            }
            return .records(fd)
        }
        return .console(directory: environment[NotebookEnvironment.outputDirectory] ?? ".")
    }

    /// Starts block `index` (whose code begins on source line `line`): flushes stdout, writes
    /// a `blockStart` record, then the block marker on stdout.
    func beginBlock(_ index: Int, line: Int) {
        lock.lock()
        defer { lock.unlock() }
        currentBlock = index
        guard case .records = mode else {
            flushText()
            return
        }
        send(.blockStart(BlockStart(index: index, line: line)), marker: .block(index: index, line: line))
    }

    /// Emits a record whose payload is made from its sequence number (figures use it in
    /// their ids).
    func emit(_ makePayload: (Int) -> NotebookRecord.Payload) {
        lock.lock()
        defer { lock.unlock() }
        let payload = makePayload(sequence)
        switch mode {
        case .records:
            send(payload, marker: .record(sequence: sequence))
        case .console:
            flushText()
            writeText(console.render(payload))
            sequence += 1
        }
    }

    /// Caller holds the lock. Order: flush user text, write the record (one `write`), then the
    /// marker, so the record exists whenever its marker does.
    private func send(_ payload: NotebookRecord.Payload, marker: OutputMarker) {
        guard case .records(let fd) = mode else { return }
        flushText()
        let record = NotebookRecord(sequence: sequence, block: currentBlock, payload: payload)
        sequence += 1
        let line: Data
        do {
            line = try record.jsonLine()
        } catch {
            preconditionFailure("kdnotebook: cannot encode a \(payload.kind) record: \(error)")
        }
        Self.writeAll(line, to: fd)
        writeText(marker.text)
    }

    private static func writeAll(_ data: Data, to fd: Int32) {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    preconditionFailure(
                        "kdnotebook: cannot write records to file descriptor \(fd): \(String(cString: strerror(errno)))"
                    )
                }
                offset += n
            }
        }
    }
}
