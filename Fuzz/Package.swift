// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets, apart from the product: `bash scripts/fuzz [SECONDS]` builds them with
/// `-sanitize=fuzzer,address` and runs them.
let package = Package(
    name: "VerbatimFuzz",
    dependencies: [.package(name: "Verbatim", path: "..")],
    targets: [
        .executableTarget(
            name: "fuzz-readers",
            dependencies: [
                .product(name: "VerbatimIO", package: "Verbatim"),
                .product(name: "VerbatimAnalysis", package: "Verbatim"),
                .product(name: "VerbatimLexicon", package: "Verbatim"),
            ],
            path: "Sources/FuzzReaders"
        )
    ],
    swiftLanguageModes: [.v6]
)
