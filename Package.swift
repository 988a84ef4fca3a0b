// swift-tools-version: 6.1
// kdsite: a static site generator for executable courses, and KDEngine, the distillation
// engine its snippets run against. Layout and boundaries: README.md and docs/.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

// KDEngine's kernels use AVX2 + FMA on x86-64 (x86-64-v3: Haswell, Zen and later); without
// them `SIMD8.addingProduct` becomes a libm call per lane. KDENGINE_PORTABLE=1 builds for the
// baseline CPU (the kernels then multiply and add separately).
#if arch(x86_64)
    let enginePortable = Context.environment["KDENGINE_PORTABLE"] == "1"
#else
    let enginePortable = true
#endif
// The engine is optimised in debug builds too: its tests train real models, which take
// minutes at -Onone and seconds at -O.
let engineSettings: [SwiftSetting] =
    strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
    + (enginePortable ? [] : [.unsafeFlags(["-Xcc", "-march=x86-64-v3"]), .define("KDENGINE_FMA")])

let package = Package(
    name: "kdsite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kdsite", targets: ["kdsite"]),
        .executable(name: "kdbench", targets: ["kdbench"]),
        .library(name: "KDEngine", type: .dynamic, targets: ["KDEngine"]),
        .library(name: "KDNotebook", type: .dynamic, targets: ["KDNotebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C is visible only here and in KDMarkdown's bridge file.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Markdown → Swift AST (cmark-gfm bridge, math lifting, passes, HTML).
        .target(name: "KDMarkdown", dependencies: ["CCmarkGFM"], swiftSettings: strictSettings),
        // TeX → MathML Core. Depends on nothing.
        .target(name: "KDMath", swiftSettings: strictSettings),
        // The distillation engine. Snippets link it as libKDEngine.so.
        .target(name: "KDEngine", swiftSettings: engineSettings),
        // Source code → HTML spans for highlighting (Swift, C, shell, YAML, Python). Depends on nothing.
        .target(name: "KDHighlight", swiftSettings: strictSettings),
        // What snippets call besides the engine: show(), export(), charts, widgets.
        .target(name: "KDNotebook", dependencies: ["KDEngine"], swiftSettings: strictSettings),
        // The generator: load, parse, execute, render, emit.
        .target(
            name: "KDSite",
            dependencies: [
                "KDMarkdown", "KDMath", "KDHighlight", "KDEngine", "KDNotebook",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
        // `kdsite serve`: the development server. The only place Hummingbird is imported.
        .target(
            name: "KDServe",
            dependencies: [
                "KDSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kdsite",
            dependencies: ["KDSite", "KDServe", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kdbench",
            dependencies: ["KDSite", "KDEngine", "KDMath", "KDMarkdown", "KDHighlight", "KDServe"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "KDMarkdownTests", dependencies: ["KDMarkdown"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KDMathTests", dependencies: ["KDMath"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KDEngineTests", dependencies: ["KDEngine"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KDNotebookTests", dependencies: ["KDNotebook"]),
        .testTarget(name: "KDHighlightTests", dependencies: ["KDHighlight"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "KDSiteTests", dependencies: ["KDSite"],
            resources: [.copy("Fixtures"), .copy("Execution/ExecutionFixtures")]),
        .testTarget(
            name: "KDServeTests",
            dependencies: ["KDServe", "KDSite", .product(name: "HummingbirdTesting", package: "hummingbird")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
