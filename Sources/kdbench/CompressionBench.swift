import Foundation
import KDEngine

/// The "compression" suite: the digits student of DESIGN.md's smallest program, float against
/// int8 (KDEngine's integer path), and LiteRT's interpreter on the exported `.tflite`, per sample
/// and per batch; plus the model's sizes and planned RAM.
func compressionBench(_ report: inout BenchReport) throws {
    let suite = "compression"
    let digits = try Digits.load(URL(fileURLWithPath: "Content/data/digits.csv"))
    let (train, test) = digits.split(testFraction: 0.2, seed: 0)
    let teacher = Sequential([
        Dense(64, 256, seed: 1), ReLU(), Dense(256, 256, seed: 2), ReLU(), Dense(256, 10, seed: 3),
    ])
    var fit = Trainer(model: teacher, optimizer: SGD(learningRate: 0.05, momentum: 0.9), batchSize: 32, seed: 0)
    fit.fit(train, epochs: 20)
    let student = Sequential([Dense(64, 16, seed: 4), ReLU(), Dense(16, 10, seed: 5)])
    var distill = Trainer(model: student, optimizer: Adam(learningRate: 0.01), batchSize: 32, seed: 0)
    distill.distill(from: teacher, on: train, temperature: 4, alpha: 0.1, epochs: 30)
    let q = try quantize(student, calibration: train.inputs)
    let qin = q.quantizeInput(test.inputs)
    let n = test.count

    let qout = q.predict(qin, batch: n)
    let int8Accuracy = Float(zip(q.predictedClasses(qout), test.labels).filter { $0 == $1 }.count) / Float(n)
    report.record(suite, "student float test accuracy", Double(student.accuracy(on: test)) * 100, "%")
    report.record(
        suite, "student int8 test accuracy", Double(int8Accuracy) * 100, "%", note: "runtime \(q.runtime.rawValue)")

    // Per sample: one row at a time, as a microcontroller would run it.
    let rows = (0..<n).map { test.inputs.row($0).reshaped([1, 64]) }
    let floatSample = measure(runs: 5) { for row in rows { _ = student(row) } } / Double(n)
    let int8Sample =
        measure(runs: 5) {
            for i in 0..<n { _ = q.predict(Array(qin[(i * 64)..<((i + 1) * 64)]), batch: 1) }
        } / Double(n)
    report.record(suite, "float latency per sample", floatSample * 1e6, "µs", note: "Sequential on [1, 64]")
    report.record(
        suite, "int8 latency per sample", int8Sample * 1e6, "µs",
        note: String(format: "%.2f× float", int8Sample / floatSample))
    let floatBatch = measure(runs: 5) { _ = student(test.inputs) } / Double(n)
    let int8Batch = measure(runs: 5) { _ = q.predict(qin, batch: n) } / Double(n)
    report.record(suite, "float per sample, batch \(n)", floatBatch * 1e6, "µs")
    report.record(suite, "int8 per sample, batch \(n)", int8Batch * 1e6, "µs")

    // LiteRT on the same model, side by side.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kdbench-compression-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let model = directory.appendingPathComponent("student.tflite"),
        input = directory.appendingPathComponent("input.bin")
    let output = directory.appendingPathComponent("output.bin")
    try q.writeTFLite(to: model)
    try Data(qin.map { UInt8(bitPattern: $0) }).write(to: input)
    do {
        let text = try runPython([
            "scripts/verify/litert_run.py", model.path, input.path, String(n), output.path,
            "--repeat", "50", "--latency", "2000",
        ])
        let litert = try Data(contentsOf: output).map { Int8(bitPattern: $0) }
        if let latency = value(after: "latency:", in: text) {
            report.record(
                suite, "LiteRT latency per sample", latency * 1e6, "µs", note: "Python set/invoke/get, XNNPACK")
        }
        if let batch = value(after: "seconds:", in: text) {
            report.record(suite, "LiteRT per sample, batch \(n)", batch / Double(n) * 1e6, "µs", note: "invoke only")
        }
        let same = litert == qout
        report.record(
            suite, "LiteRT outputs equal to int8 predict",
            same ? 100 : Double(zip(litert, qout).filter { $0 == $1 }.count) / Double(qout.count) * 100, "%",
            note: same ? "bit-exact, \(qout.count) values" : "differs")
    } catch {
        print("compression: LiteRT skipped (\(error)); `make setup-test` installs ai-edge-litert")
    }

    let sizes = try q.sizeReport()
    report.record(
        suite, "float32 parameters", Double(sizes.float32Bytes), "bytes", note: "\(sizes.parameterCount) parameters")
    report.record(suite, "int8 .tflite file", Double(sizes.tfliteBytes), "bytes")
    report.record(suite, "int8 C arrays", Double(sizes.cArrayBytes), "bytes", note: "student_weights.h")
    report.record(suite, "activation arena", Double(sizes.plan.arenaBytes), "bytes", note: "TFLite Micro greedy plan")
}

private struct PythonFailure: Error, CustomStringConvertible {
    var description: String
}

private func runPython(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw PythonFailure(description: "python3 exited \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
}

private func value(after label: String, in text: String) -> Double? {
    text.split(separator: "\n").first { $0.hasPrefix(label) }.flatMap {
        Double($0.dropFirst(label.count).trimmingCharacters(in: .whitespaces))
    }
}
