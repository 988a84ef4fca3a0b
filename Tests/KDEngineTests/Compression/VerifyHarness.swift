import Foundation

@testable import KDEngine

/// Runs the external checkers of the compression tests: the LiteRT interpreter (through
/// scripts/verify/litert_run.py) and gcc. Both are installed by `make test` (PIP_TEST, APT_TEST).
enum VerifyHarness {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct ToolFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kdengine-compression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `executable` with `arguments`; returns stdout, throws with stderr on a non-zero exit.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            throw ToolFailure(
                description:
                    "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(stderr)")
        }
        return stdout
    }

    /// The int8 outputs `runtime` computes for `model` on `input` (`batch` samples): LiteRT's
    /// interpreter with the matching op resolver, or TFLite Micro's interpreter.
    static func outputs(of model: QuantizedModel, on runtime: Int8Runtime, input: [Int8], batch: Int) throws -> [Int8] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let modelURL = directory.appendingPathComponent("model.tflite")
        try model.writeTFLite(to: modelURL)
        let inputURL = directory.appendingPathComponent("input.bin"),
            outputURL = directory.appendingPathComponent("output.bin")
        try Data(input.map { UInt8(bitPattern: $0) }).write(to: inputURL)
        let arguments = [modelURL.path, inputURL.path, String(batch), outputURL.path]
        switch runtime {
        case .tfliteMicro:
            try run("python3", [script("tflm_run.py")] + arguments)
        case .liteRT, .liteRTBuiltin, .liteRTReference:
            let resolver =
                ["liteRT": "auto", "liteRTBuiltin": "builtin", "liteRTReference": "reference"][runtime.rawValue]
                ?? "auto"
            try run("python3", [script("litert_run.py")] + arguments + ["--resolver", resolver])
        }
        return try Data(contentsOf: outputURL).map { Int8(bitPattern: $0) }
    }

    static func script(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("scripts/verify/\(name)").path
    }
}

/// SplitMix64: deterministic test data without the engine's generator.
struct TestGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * Float(next() >> 40) / Float(1 << 24)
    }

    mutating func uniforms(_ count: Int, _ low: Float, _ high: Float) -> [Float] {
        (0..<count).map { _ in uniform(low, high) }
    }
}

/// Small float models with seeded random weights, and a digits student trained on hard labels.
enum TestModels {
    /// A 64-`hidden`-10 student trained `epochs` epochs with Adam, and the digits split.
    static func digitsStudent(hidden: Int = 32, epochs: Int = 15) throws -> (
        student: Sequential, train: Dataset, test: Dataset
    ) {
        let digits = try Digits.load(VerifyHarness.repositoryRoot.appendingPathComponent("Content/data/digits.csv"))
        let (train, test) = digits.split(testFraction: 0.2, seed: 0)
        let student = Sequential([Dense(64, hidden, seed: 4), ReLU(), Dense(hidden, 10, seed: 5)])
        var fit = Trainer(model: student, optimizer: Adam(learningRate: 0.01), batchSize: 32, seed: 0)
        fit.fit(train, epochs: epochs)
        return (student, train, test)
    }

    static func mlp(seed: UInt64, sizes: [Int]) -> FloatGraph {
        var g = TestGenerator(state: seed)
        var layers: [FloatGraph.Layer] = []
        for (n, m) in zip(sizes, sizes.dropFirst()) {
            let bound = 1 / Float(n).squareRoot()
            layers.append(
                .dense(weights: g.uniforms(n * m, -bound, bound), bias: g.uniforms(m, -0.1, 0.1), inputs: n, outputs: m)
            )
            layers.append(.relu)
        }
        layers.removeLast()
        return FloatGraph(inputShape: [sizes[0]], layers: layers)
    }

    /// 8×8×1 → conv 3×3 (same) → ReLU → max pool 2×2 → conv 3×3 (valid, stride 2)... → flatten → dense.
    static func convnet(seed: UInt64, channels: Int = 4, padding: Padding = .same) -> FloatGraph {
        var g = TestGenerator(state: seed)
        let conv = WindowGeometry(
            inputHeight: 8, inputWidth: 8, channels: 1, windowHeight: 3, windowWidth: 3,
            strideHeight: 1, strideWidth: 1, padding: padding, outputChannels: channels)
        let pool = WindowGeometry(
            inputHeight: conv.outputHeight, inputWidth: conv.outputWidth, channels: channels,
            windowHeight: 2, windowWidth: 2, strideHeight: 2, strideWidth: 2, padding: .valid, outputChannels: channels)
        let conv2 = WindowGeometry(
            inputHeight: pool.outputHeight, inputWidth: pool.outputWidth, channels: channels,
            windowHeight: 3, windowWidth: 3, strideHeight: 2, strideWidth: 2, padding: .same, outputChannels: 6)
        let flat = conv2.outputShape.reduce(1, *)
        return FloatGraph(
            inputShape: [8, 8, 1],
            layers: [
                .conv2D(
                    weights: g.uniforms(channels * 9, -0.5, 0.5), bias: g.uniforms(channels, -0.1, 0.1), geometry: conv),
                .relu,
                .maxPool2D(geometry: pool),
                .conv2D(
                    weights: g.uniforms(6 * 9 * channels, -0.3, 0.3), bias: g.uniforms(6, -0.1, 0.1), geometry: conv2),
                .relu,
                .reshape([flat]),
                .dense(
                    weights: g.uniforms(flat * 10, -0.3, 0.3), bias: g.uniforms(10, -0.1, 0.1), inputs: flat,
                    outputs: 10),
            ])
    }
}

extension VerifyHarness {
    /// Exports `model` as C named `name`, builds it with gcc under `standard` (`c99`, `c11`)
    /// and `-Wall -Wextra -Werror -pedantic`, runs it on `input` and returns its int8 outputs.
    static func gccOutputs(
        of model: QuantizedModel, name: String = "model", standard: String,
        input: [Int8], batch: Int
    ) throws -> [Int8] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try model.writeC(directory: directory, name: name)
        let harness = repositoryRoot.appendingPathComponent("Tests/KDEngineTests/Fixtures/compression/run_model.c").path
        let binary = directory.appendingPathComponent("run").path
        try run(
            "gcc",
            [
                "-std=\(standard)", "-Wall", "-Wextra", "-Werror", "-pedantic", "-O2",
                "-DKD_HEADER=\"\(name).h\"", "-DKD_MODEL=\(name)", "-DKD_MODEL_UPPER=\(name.uppercased())",
                "-I", directory.path, harness, directory.appendingPathComponent("\(name).c").path, "-o", binary,
            ])
        let inputURL = directory.appendingPathComponent("input.bin"),
            outputURL = directory.appendingPathComponent("output.bin")
        try Data(input.map { UInt8(bitPattern: $0) }).write(to: inputURL)
        try run(binary, [inputURL.path, String(batch), outputURL.path])
        return try Data(contentsOf: outputURL).map { Int8(bitPattern: $0) }
    }
}
