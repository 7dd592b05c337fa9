// swift-tools-version: 6.0
import PackageDescription

/// Benchmarks, apart from the product: `swift run -c release --package-path Benchmarks text-benchmark`.
let package = Package(
    name: "VerbatimBenchmarks",
    dependencies: [.package(name: "Verbatim", path: "..")],
    targets: [
        .executableTarget(
            name: "text-benchmark",
            dependencies: [.product(name: "VerbatimText", package: "Verbatim")],
            path: "Sources/TextBenchmark"
        ),
    ],
    swiftLanguageModes: [.v6]
)
