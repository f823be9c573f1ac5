// swift-tools-version: 6.1
// Benchmarks of fairshare (issue 6), in their own package so that the main package's `swift test` stays lean.
// Run from this directory: `swift package benchmark` (see README.md).
import PackageDescription

let package = Package(
    name: "FairShareBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, so that the identity does not depend on the name of the clone's directory.
        .package(name: "fairshare", path: ".."),
        // The default traits pull a package that is not mirrored here; MallocInterposer gives the malloc counts.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // GLPK's C API for the raw baseline; the parent package does not export its own CGLPK module.
        .systemLibrary(name: "CRawGLPK", providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]),
        // The same levels solved through plain C calls on plain arrays: the baseline the Swift layers are held to.
        .target(name: "RawGLPK", dependencies: ["CRawGLPK"]),
        // Fixtures and helpers shared by the benchmarks: scenarios, variants, warm and cold level solving.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                "RawGLPK",
                .product(name: "FairShareEngine", package: "fairshare"),
                .product(name: "FairShareScenario", package: "fairshare"),
                .product(name: "FairShareSynthetic", package: "fairshare"),
                .product(name: "GLPKSolver", package: "fairshare"),
                .product(name: "LinearModel", package: "fairshare"),
            ]
        ),
        // Writes the synthetic regions as scenario files (for the peer comparison) and prints LP sizes.
        .executableTarget(name: "write-scenarios", dependencies: ["BenchmarkSupport"]),
        // Tries GLPK's simplex settings (method, scaling, starting basis, presolve) on the same levels.
        .executableTarget(name: "solver-settings", dependencies: ["BenchmarkSupport", "RawGLPK"]),
        // One LayerOverhead path in a loop, for callgrind (no hardware instruction counters here).
        .executableTarget(name: "profile-layers", dependencies: ["BenchmarkSupport", "RawGLPK"]),
        // Single runs of the programme over time (issue 14): sizes, levels with simplex iterations, solve times.
        .executableTarget(name: "period-timing", dependencies: ["BenchmarkSupport"]),
    ]
)

// One package-benchmark executable per directory of Benchmarks/.
for name in ["LayerOverhead", "Drechtsteden", "SyntheticRegions", "WarmLevels", "Variants", "FirmAnswers", "Periods"] {
    package.targets.append(
        .executableTarget(
            name: name,
            dependencies: ["BenchmarkSupport", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}
