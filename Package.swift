// swift-tools-version: 6.0
import PackageDescription

/// Verbatim: customer-survey comments (English and Danish) in, themes, sentiment and
/// follow-up flags out. One target per concern; see README.md for the module map.
let package = Package(
    name: "Verbatim",
    products: [
        .executable(name: "verbatim", targets: ["verbatim"]),
        .library(name: "VerbatimText", targets: ["VerbatimText"]),
        .library(name: "VerbatimLexicon", targets: ["VerbatimLexicon"]),
        .library(name: "VerbatimAnalysis", targets: ["VerbatimAnalysis"]),
        .library(name: "VerbatimIO", targets: ["VerbatimIO"]),
        .library(name: "VerbatimInsights", targets: ["VerbatimInsights"]),
        .library(name: "VerbatimReport", targets: ["VerbatimReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // C shims. ICU headers stay inside CICU's .c file: Foundation carries its own ICU,
        // and a Swift module that sees both fails to build (notes/native-libraries.md).
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(
            name: "CCLD2",
            linkerSettings: [.linkedLibrary("cld2")]
        ),

        .target(name: "VerbatimText", dependencies: ["CICU", "CStemmer", "CCLD2"]),
        .target(name: "VerbatimLexicon", dependencies: ["VerbatimText", "CPCRE2", .product(name: "Yams", package: "Yams")]),
        .target(name: "VerbatimAnalysis", dependencies: ["VerbatimText", "VerbatimLexicon"]),
        .target(name: "VerbatimIO", dependencies: ["VerbatimAnalysis"]),
        .target(name: "VerbatimInsights", dependencies: ["VerbatimAnalysis", "VerbatimIO"]),
        .target(
            name: "VerbatimReport",
            dependencies: ["VerbatimInsights", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        .executableTarget(
            name: "verbatim",
            dependencies: [
                "VerbatimText", "VerbatimLexicon", "VerbatimAnalysis", "VerbatimIO", "VerbatimInsights", "VerbatimReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "VerbatimTextTests", dependencies: ["VerbatimText"]),
        .testTarget(name: "VerbatimLexiconTests", dependencies: ["VerbatimLexicon"]),
        .testTarget(name: "VerbatimAnalysisTests", dependencies: ["VerbatimAnalysis", "VerbatimLexicon"]),
        .testTarget(name: "VerbatimIOTests", dependencies: ["VerbatimIO", "VerbatimText", "VerbatimAnalysis", "VerbatimLexicon"]),
        .testTarget(name: "VerbatimInsightsTests", dependencies: ["VerbatimInsights", "VerbatimIO", "VerbatimAnalysis", "VerbatimLexicon"]),
        .testTarget(name: "VerbatimReportTests", dependencies: ["VerbatimReport", "VerbatimInsights", "VerbatimIO", "VerbatimAnalysis", "VerbatimLexicon"]),
        .testTarget(name: "EndToEndTests", dependencies: ["verbatim"]),
    ],
    swiftLanguageModes: [.v6]
)
