import Foundation
@preconcurrency import Glibc
import Testing

@testable import KDServe

/// `kdsite serve` as a user runs it: the built binary, stopped with Ctrl-C (SIGINT).
@Suite("kdsite serve command", .timeLimit(.minutes(2)))
struct ServeCommandTests {
    /// `kdsite` sits next to the test bundle in the build folder (`swift test` builds it).
    static var binary: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("kdsite")
    }

    /// Starts `kdsite ARGS` in `folder`, its stderr to a file.
    static func start(_ arguments: [String], in folder: URL) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let err = folder.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, err)
    }

    static func waitForExit(_ process: Process, within timeout: Duration) async -> Bool {
        await eventually(timeout: timeout) { !process.isRunning }
    }

    @Test func ctrlCStopsTheServerCleanly() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let (process, err) = try Self.start(["serve", "--port", "0"], in: site.folder)
        defer { if process.isRunning { process.terminate() } }
        @Sendable func port() -> Int? {
            let text = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            guard let range = text.range(of: "at http://127.0.0.1:"), text.contains("built ") else { return nil }
            return Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(await eventually { port() != nil })
        let listening = try #require(port())
        let page = try await blocking { try LoopbackClient(port: listening).request("/") }
        #expect(page.status == 200)
        #expect(page.text.contains("/__kdsite/live.js"))

        kill(process.processIdentifier, SIGINT)
        #expect(await Self.waitForExit(process, within: .seconds(10)), "kdsite serve must stop on Ctrl-C")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let stderr = try String(contentsOf: err, encoding: .utf8)
        #expect(stderr.contains("stopping"))
    }

    @Test func badFlagsAreUsageErrors() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        for (arguments, message) in [
            (["serve", "--port", "70000"], "--port must be from 0 to 65535, not 70000"),
            (["serve", "--poll", "0"], "--poll must be at least 10 milliseconds, not 0"),
        ] {
            let (process, err) = try Self.start(arguments, in: site.folder)
            #expect(await Self.waitForExit(process, within: .seconds(10)))
            #expect(process.terminationStatus == 2, "\(arguments)")
            #expect(try String(contentsOf: err, encoding: .utf8).contains(message))
        }
    }

    @Test func aMissingContentFolderIsAnEnvironmentError() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let (process, err) = try Self.start(["serve", "--port", "0", "--content", "Nowhere"], in: site.folder)
        defer { if process.isRunning { process.terminate() } }
        #expect(await Self.waitForExit(process, within: .seconds(20)))
        #expect(process.terminationStatus == 2)
        #expect(try String(contentsOf: err, encoding: .utf8).contains("error: no content folder 'Nowhere'"))
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true),
        ("0.0.0.0", false), ("::", false), ("192.168.1.10", false),
    ])
    func loopbackHosts(_ example: (String, Bool)) {
        let configuration = DevServer.Configuration(build: .init(), host: example.0)
        #expect(configuration.isLoopback == example.1)
    }

    /// A host that is not loopback is warned about before anything listens. (192.0.2.1 is
    /// TEST-NET-1: no machine has it, so nothing is exposed; the bind fails.)
    @Test func exposedHostsAreWarnedAbout() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let log = EventLog()
        let server = DevServer(.init(build: site.options, host: "192.0.2.1", port: 0), report: log.report)
        do {
            try await server.run()
            Issue.record("binding 192.0.2.1 should fail")
        } catch {
            #expect(error.message.hasPrefix("cannot listen on 192.0.2.1:0"))
        }
        guard case .warning(let text) = log.all.first else {
            Issue.record("the first event must be the warning, not \(log.all.first.map { "\($0)" } ?? "nothing")")
            return
        }
        #expect(text.contains("--host 192.0.2.1 lets every machine"))
    }
}
