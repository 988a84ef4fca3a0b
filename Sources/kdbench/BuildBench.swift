import Foundation
@preconcurrency import Glibc

// Suite "build": kdsite's pages per second, on the course and on a generated corpus of 1,000
// Markdown lessons with math; Hugo on the same Markdown when Debian's hugo is installed
// (`make bench` installs it). Both are timed as the command a user runs, in a fresh process.

func buildBench(_ report: inout BenchReport) throws {
    let kdsite = BuildBench.sibling("kdsite")
    guard FileManager.default.isExecutableFile(atPath: kdsite.path) else {
        throw BuildBench.Failure("no kdsite binary next to kdbench (\(kdsite.path)); run `swift build -c release`")
    }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("kdbench-build-\(getpid())")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }

    // The course as shipped.
    let course = URL(fileURLWithPath: "Content")
    if FileManager.default.fileExists(atPath: course.appendingPathComponent("site.yml").path) {
        let out = work.appendingPathComponent("course-site")
        let time = try BuildBench.measureCommand(runs: 5) {
            try BuildBench.run(kdsite, ["build", "--content", course.path, "--out", out.path])
        }
        let pages = BuildBench.htmlCount(in: out)
        report.record(
            "build", "kdsite, the course (\(pages) pages)", Double(pages) / time.wall, "pages/s",
            note: String(format: "%.0f ms wall, %.0f ms CPU per build", time.wall * 1000, time.cpu * 1000))
    }

    // 1,000 generated lessons.
    let corpus = BuildBench.Corpus(lessons: 1000)
    let content = work.appendingPathComponent("Content")
    try corpus.writeKdsite(to: content, theme: course.appendingPathComponent("theme"))
    let out = work.appendingPathComponent("Site")
    let time = try BuildBench.measureCommand(runs: 3) {
        try BuildBench.run(kdsite, ["build", "--content", content.path, "--out", out.path])
    }
    let pages = BuildBench.htmlCount(in: out)
    report.record(
        "build", "kdsite, 1,000 generated lessons (\(pages) pages)", Double(pages) / time.wall, "pages/s",
        note: String(format: "%.2f s wall, %.2f s CPU per build", time.wall, time.cpu))

    guard let hugo = BuildBench.which("hugo") else {
        report.record(
            "build", "hugo, same Markdown", .nan, "pages/s", note: "hugo not installed (apt-get install hugo)")
        return
    }
    let hugoSite = work.appendingPathComponent("hugo")
    try corpus.writeHugo(to: hugoSite)
    let hugoOut = hugoSite.appendingPathComponent("public")
    let hugoTime = try BuildBench.measureCommand(runs: 3) {
        try? FileManager.default.removeItem(at: hugoOut)
        try BuildBench.run(hugo, ["--quiet", "--source", hugoSite.path, "--destination", hugoOut.path])
    }
    let hugoPages = BuildBench.htmlCount(in: hugoOut)
    let ratio = (Double(pages) / time.wall) / (Double(hugoPages) / hugoTime.wall)
    report.record(
        "build", "hugo \(BuildBench.hugoVersion(hugo)), same Markdown (\(hugoPages) pages)",
        Double(hugoPages) / hugoTime.wall, "pages/s",
        note: String(
            format: "%.2f s wall, %.2f s CPU per build; kdsite/hugo = %.2f", hugoTime.wall, hugoTime.cpu, ratio))
}

enum BuildBench {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Median wall-clock and CPU seconds (user + system, of the child processes) of `body`
    /// over `runs` runs after one warm-up. CPU time is the steadier figure on a shared machine.
    static func measureCommand(runs: Int, _ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
        try body()
        var walls: [Double] = [], cpus: [Double] = []
        for _ in 0..<runs {
            let cpuBefore = childCPUSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpus.append(childCPUSeconds() - cpuBefore)
        }
        return (walls.sorted()[runs / 2], cpus.sorted()[runs / 2])
    }

    static func childCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// A file next to this executable (`.build/release/kdsite`).
    static func sibling(_ name: String) -> URL {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent(name)
    }

    static func which(_ name: String) -> URL? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs a command to completion, its output discarded; throws when it fails.
    static func run(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)"
            )
        }
    }

    static func hugoVersion(_ hugo: URL) -> String {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = hugo
        process.arguments = ["version"]
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "" }
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: " ").dropFirst().first.map { String($0.prefix { $0 != "+" && $0 != "-" }) } ?? ""
    }

    static func htmlCount(in folder: URL) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return 0 }
        var count = 0
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(".html") { count += 1 }
        }
        return count
    }
}
