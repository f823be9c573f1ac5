// swift-tools-version: 6.1
// fairshare: divide a region's new homes, priority-group placements and care homes fairly over its
// municipalities by solving linear programmes with GLPK.
import PackageDescription

let package = Package(
    name: "fairshare",
    products: [
        .library(name: "LinearModel", targets: ["LinearModel"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
        .library(name: "FairShareJSON", targets: ["FairShareJSON"]),
        .library(name: "FairShareScenario", targets: ["FairShareScenario"]),
        .library(name: "FairShareEngine", targets: ["FairShareEngine"]),
        .library(name: "FairShareReport", targets: ["FairShareReport"]),
        .library(name: "FairShareXLSX", targets: ["FairShareXLSX"]),
        // Test and benchmark data: synthetic regions of any size and the random stream behind them.
        .library(name: "FairShareSynthetic", targets: ["FairShareSynthetic"]),
        .executable(name: "fairshare", targets: ["fairshare"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // Scenario files in YAML (with comments): parsed to the same JSON values the validator reads.
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        // Reads the municipality tables analysts save from Excel or LibreOffice (FairShareScenario); the tests also
        // use it as an independent RFC 4180 reader of the CLI's CSV output.
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
        // Documentation only: `swift package generate-documentation` (scripts/docs.sh). Links into no product.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The C library, nothing else: a module map and a shim header. No pkgConfig: GLPK ships no glpk.pc.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        // GLPK's interior-point method made stoppable (a time limit, a cancellation): a terminal hook that may
        // longjmp out of glp_interior, then glp_free_env(). C, because Swift cannot setjmp. Used by GLPKSolver only.
        .target(name: "CGLPKInterior", linkerSettings: [.linkedLibrary("glpk")]),
        // Pure Swift linear models: variables, expressions, constraints, objectives. No C.
        .target(name: "LinearModel"),
        // The C library libxlsxwriter, nothing else: a module map and a shim header.
        .systemLibrary(
            name: "CXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // The only Swift code that imports CGLPK: solves a LinearModel.Model with GLPK, never aborting.
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "CGLPKInterior", "LinearModel"]),
        // The JSON toolkit: a strict parser with positions, a writer, typed paths, merge patches. Knows no scenario.
        .target(name: "FairShareJSON"),
        // The scenario model and its validation (the same for files and code), reading files, variants, the schema.
        // No solver. Re-exports FairShareJSON: a scenario's document and its problems' paths are JSON values. YAML
        // files become the same JSON values through Yams; municipality data may come from a CSV table next to the
        // scenario (MunicipalityTable, read with CSV.swift).
        .target(
            name: "FairShareScenario",
            dependencies: [
                "FairShareJSON", .product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift"),
            ]),
        // The fair-share formulation (docs/model.md §3-5), lexicographic solve, checked result. Imports no C.
        .target(name: "FairShareEngine", dependencies: ["FairShareScenario", "LinearModel", "GLPKSolver"]),
        // Deterministic synthetic regions (scenario documents of any size) and SplitMix64, for tests, benchmarks
        // and fuzzing; not used by the engine or the CLI.
        .target(name: "FairShareSynthetic", dependencies: ["FairShareScenario"]),
        // Tables and reports of results for people: terminal text and Markdown.
        .target(name: "FairShareReport", dependencies: ["FairShareEngine", "FairShareScenario"]),
        // Results as Excel workbooks (`--format xlsx`): the report's tables as sheets, numbers as numbers. The only
        // Swift code that imports CXLSXWriter, so the other libraries need no libxlsxwriter.
        .target(name: "FairShareXLSX", dependencies: ["CXLSXWriter", "FairShareReport", "FairShareEngine"]),
        // The CLI: argument parsing and printing only.
        .executableTarget(
            name: "fairshare",
            dependencies: [
                "FairShareEngine", "FairShareScenario", "FairShareReport", "FairShareXLSX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Helpers the test targets share: repository paths, running programs, closeness of numbers, and the
        // guard that a property test checked at least one case. Test code only; no product.
        .target(name: "FairShareTestSupport", path: "Tests/FairShareTestSupport"),

        .testTarget(
            name: "LinearModelTests",
            dependencies: [
                "LinearModel", "FairShareTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel", "FairShareTestSupport"]),
        .testTarget(
            name: "FairShareScenarioTests",
            dependencies: ["FairShareJSON", "FairShareScenario", "FairShareTestSupport"]),
        .testTarget(
            name: "FairShareEngineTests",
            dependencies: [
                "FairShareEngine", "FairShareScenario", "FairShareSynthetic", "FairShareTestSupport", "LinearModel",
                "GLPKSolver", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Test data read from the source tree: published apportionments and the independent reference.
            exclude: ["Apportionment", "Reference"]
        ),
        // SVG charts: well-formed XML, escaping, nice ticks, layout.
        .testTarget(name: "FairShareReportTests", dependencies: ["FairShareReport", "FairShareEngine"]),
        // The fairshare command run as a process on real files.
        .testTarget(
            name: "FairshareCLITests",
            dependencies: [
                "fairshare", "FairShareEngine", "FairShareScenario", "FairShareTestSupport", "FairShareXLSX",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            exclude: ["BadScenarios", "Golden", "Scenarios"]
        ),
        // Hostile input, limits, concurrency, determinism.
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "fairshare", "FairShareEngine", "FairShareReport", "FairShareScenario", "FairShareSynthetic",
                "FairShareTestSupport", "GLPKSolver", "LinearModel",
            ],
            exclude: ["Corpus", "FuzzFindings"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
