import Foundation
import KDEngine

/// The "engine" suite: matmul throughput against this CPU's peak, training throughput of the
/// course's teacher and student, one full distillation run, and the fixed reference job
/// (MLP 64-256-256-10, ReLU, SGD momentum 0.9, lr 0.05, batch 32, 20 epochs on the digits'
/// training split) beside the same job in PyTorch when `python3 -c "import torch"` works.
enum EngineBench {
    static let suite = "engine"

    static func run(_ report: inout BenchReport) throws {
        let digits = try Digits.load(URL(fileURLWithPath: "Content/data/digits.csv"))
        let (train, test) = digits.split(testFraction: 0.2, seed: 0)
        let peak = singleCorePeak()
        matmul(&report, peak: peak)
        throughput(&report, train: train)
        try distillation(&report, train: train, test: test)
        let (seconds, accuracy) = referenceJob(&report, train: train, test: test)
        try pytorch(&report, train: train, test: test, engineSeconds: seconds, engineAccuracy: accuracy)
    }

    /// fp32 peak of one core: 2 FMA units × 8 lanes × 2 flops = 32 flops/cycle (AVX2 + FMA,
    /// Zen 2/3 and Haswell onwards) at the clock /proc/cpuinfo reports. The engine runs single-
    /// threaded (kdsite runs one lesson per core), so one core is the honest reference.
    static func singleCorePeak() -> (gflops: Double, note: String) {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let mhz =
            info.split(separator: "\n").first { $0.hasPrefix("cpu MHz") }
            .flatMap { Double($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") } ?? 2000
        let fma = info.contains(" fma") && info.contains(" avx2")
        let flopsPerCycle = fma ? 32.0 : 8.0
        let gflops = mhz / 1000 * flopsPerCycle
        return (
            gflops,
            String(
                format: "%.0f MHz (nominal; the host may boost above it) × %.0f flop/cycle, 1 core", mhz, flopsPerCycle)
        )
    }

    static func matmul(_ report: inout BenchReport, peak: (gflops: Double, note: String)) {
        report.record(suite, "fp32 peak, one core (assumed)", peak.gflops, "GFLOP/s", note: peak.note)
        let shapes: [(String, Int, Int, Int, Bool)] = [
            ("64×64·64×64", 64, 64, 64, false), ("128×128·128×128", 128, 128, 128, false),
            ("256×256·256×256", 256, 256, 256, false), ("512×512·512×512", 512, 512, 512, false),
            ("batch 32·Dense(64,256)ᵀ", 32, 256, 64, true), ("batch 32·Dense(256,256)ᵀ", 32, 256, 256, true),
        ]
        for (name, m, n, k, transposeB) in shapes {
            let a = Tensor(shape: [m, k], scalars: (0..<m * k).map { Float($0 % 17) / 17 - 0.5 })
            let b = Tensor(
                shape: transposeB ? [n, k] : [k, n], scalars: (0..<k * n).map { Float($0 % 13) / 13 - 0.5 })
            let reps = max(1, 400_000_000 / (m * n * k))
            var sink: Float = 0
            let seconds = cpuMeasure(runs: 5) {
                for _ in 0..<reps { sink += KDEngine.matmul(a, b, transposeB: transposeB).scalars[0] }
            }
            let gflops = 2 * Double(m * n * k) * Double(reps) / seconds / 1e9
            let target =
                m >= 256 && n >= 256 && k >= 256
                ? String(format: " (target ≥ 40%% at ≥256: %@)", gflops >= 0.4 * peak.gflops ? "met" : "MISSED") : ""
            report.record(
                suite, "matmul \(name)", gflops, "GFLOP/s",
                note: String(format: "per CPU second; %.0f%% of peak", 100 * gflops / peak.gflops) + target
                    + (sink.isNaN ? "!" : ""))
        }
    }

    static func throughput(_ report: inout BenchReport, train: Dataset) {
        for (name, recipe) in [("teacher 64-256-256-10", Recipe.teacher()), ("student 64-24-10", Recipe.student())] {
            let model = Sequential(specs: recipe.architecture)
            var trainer = Trainer(model: model, optimizer: recipe.optimizer.make(), batchSize: 32, seed: 0)
            let seconds = measure(runs: 3) { trainer.fit(train, epochs: 1) }
            report.record(
                suite, "training throughput, \(name)", Double(train.count) / seconds, "samples/s",
                note: "batch 32, one epoch, \(model.parameterCount) parameters")
        }
    }

    /// Trains the course's teacher (once) and times one full distillation of the student.
    static func distillation(_ report: inout BenchReport, train: Dataset, test: Dataset) throws {
        var teacher: TrainedModel?
        let teacherSeconds = try measure(runs: 1) { teacher = try Recipe.teacher().train(on: train, validation: test) }
        guard let teacher else { return }
        report.record(
            suite, "teacher recipe (30 epochs) time", teacherSeconds, "s",
            note: String(format: "test accuracy %.2f%%", 100 * Double(teacher.history.last?.testAccuracy ?? 0)))
        var student: TrainedModel?
        let seconds = try measure(runs: 3) {
            student = try Recipe.distilledStudent().train(on: train, validation: test, teacher: teacher.model)
        }
        report.record(
            suite, "distillation run, student 64-24-10, 30 epochs", seconds, "s",
            note: String(
                format: "test accuracy %.2f%%, T 2, α 0.5", 100 * Double(student?.history.last?.testAccuracy ?? 0)))
        var scratch: TrainedModel?
        let scratchSeconds = try measure(runs: 3) { scratch = try Recipe.student().train(on: train, validation: test) }
        report.record(
            suite, "student from scratch, 30 epochs", scratchSeconds, "s",
            note: String(format: "test accuracy %.2f%%", 100 * Double(scratch?.history.last?.testAccuracy ?? 0)))
    }

    static func referenceModel() -> Sequential {
        Sequential([Dense(64, 256, seed: 1), ReLU(), Dense(256, 256, seed: 2), ReLU(), Dense(256, 10, seed: 3)])
    }

    static func referenceJob(_ report: inout BenchReport, train: Dataset, test: Dataset) -> (Double, Float) {
        var accuracy: Float = 0
        let seconds = measure(runs: 3) {
            var trainer = Trainer(
                model: referenceModel(), optimizer: SGD(learningRate: 0.05, momentum: 0.9), batchSize: 32, seed: 0)
            accuracy = trainer.fit(train, epochs: 20, validation: test).last?.testAccuracy ?? 0
        }
        report.record(
            suite, "reference job: MLP 64-256-256-10, 20 epochs", seconds, "s",
            note: String(format: "KDEngine, 1 thread; test accuracy %.2f%%; %@", 100 * Double(accuracy), loadAverage()))
        let cpu = cpuMeasure(runs: 3) {
            var trainer = Trainer(
                model: referenceModel(), optimizer: SGD(learningRate: 0.05, momentum: 0.9), batchSize: 32, seed: 0)
            trainer.fit(train, epochs: 20, validation: test)
        }
        report.record(
            suite, "reference job, CPU time", cpu, "s", note: "KDEngine, CPU seconds (unaffected by other processes)")
        return (seconds, accuracy)
    }

    /// Runs scripts/bench/reference_job.py on the same split (written to .build/) three
    /// times and records the median, and the ratio to KDEngine's time.
    static func pytorch(
        _ report: inout BenchReport, train: Dataset, test: Dataset, engineSeconds: Double, engineAccuracy: Float
    ) throws {
        let dir = URL(fileURLWithPath: ".build/kdbench")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let trainURL = dir.appendingPathComponent("digits-train.csv"),
            testURL = dir.appendingPathComponent("digits-test.csv")
        try csv(train).write(to: trainURL, atomically: true, encoding: .utf8)
        try csv(test).write(to: testURL, atomically: true, encoding: .utf8)
        for threads in [1, 0] {
            var runs: [(seconds: Double, accuracy: Double, threads: Int, version: String, cpu: Double)] = []
            // Three runs for the median; one with torch's own threads, which can take minutes
            // when other processes keep the cores busy.
            for _ in 0..<(threads == 1 ? 3 : 1) {
                guard
                    let line = try python(
                        ["scripts/bench/reference_job.py", trainURL.path, testURL.path]
                            + (threads > 0 ? ["\(threads)"] : [])),
                    let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let seconds = json["seconds"] as? Double, let accuracy = json["testAccuracy"] as? Double
                else {
                    report.record(
                        suite, "reference job in PyTorch", .nan, "s",
                        note: "skipped: python3 with torch not available (make bench installs it)")
                    return
                }
                runs.append(
                    (
                        seconds, accuracy, json["threads"] as? Int ?? 0, json["torch"] as? String ?? "?",
                        json["cpuSeconds"] as? Double ?? .nan
                    ))
            }
            let median = runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
            let label = threads > 0 ? "\(threads) thread" : "default threads"
            report.record(
                suite, "reference job in PyTorch, \(label)", median.seconds, "s",
                note: String(
                    format: "torch %@, %d threads; test accuracy %.2f%%; %@", median.version, median.threads,
                    100 * median.accuracy, loadAverage()))
            report.record(
                suite, "reference job in PyTorch, \(label), CPU time", median.cpu, "s",
                note: "CPU seconds of all torch threads")
            report.record(
                suite, "reference job, PyTorch (\(label)) / KDEngine time", median.seconds / engineSeconds, "×",
                note: median.seconds > engineSeconds ? "KDEngine faster (target met)" : "PyTorch faster (target MISSED)"
            )
        }
    }

    /// The 1-minute load average: other processes on the machine skew every timing.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        return "load average \(text.split(separator: " ").first ?? "?")"
    }

    static func csv(_ data: Dataset) -> String {
        var text = (0..<64).map { "p\($0)" }.joined(separator: ",") + ",label\n"
        for i in 0..<data.count {
            text +=
                (0..<64).map { String(Int((data.inputs[i, $0] * 16).rounded())) }.joined(separator: ",")
                + ",\(data.labels[i])\n"
        }
        return text
    }

    /// The last line `python3 ARGS` printed, or nil if it failed.
    static func python(_ arguments: [String]) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(data: data, encoding: .utf8)?.split(separator: "\n").last.map(String.init)
    }
}
