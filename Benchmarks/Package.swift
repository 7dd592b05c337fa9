// swift-tools-version: 6.0
import PackageDescription

/// Benchmarks, apart from the product: `swift run -c release --package-path Benchmarks text-benchmark`.
let package = Package(
    name: "VerbatimBenchmarks",
    dependencies: [
        .package(name: "Verbatim", path: ".."),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .target(name: "BenchmarkSupport", path: "Sources/BenchmarkSupport"),
        .executableTarget(
            name: "text-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "VerbatimText", package: "Verbatim")],
            path: "Sources/TextBenchmark"
        ),
        .executableTarget(
            name: "analysis-benchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "VerbatimText", package: "Verbatim"),
                .product(name: "VerbatimLexicon", package: "Verbatim"),
                .product(name: "VerbatimAnalysis", package: "Verbatim"),
            ],
            path: "Sources/AnalysisBenchmark"
        ),
        .executableTarget(
            name: "csv-benchmark",
            dependencies: [.product(name: "VerbatimIO", package: "Verbatim"), .product(name: "CSV", package: "CSV.swift")],
            path: "Sources/CSVBenchmark"
        ),
        .executableTarget(name: "export-generator", dependencies: ["BenchmarkSupport"], path: "Sources/ExportGenerator"),
    ],
    swiftLanguageModes: [.v6]
)
