// swift-tools-version: 6.1
// Fuzzing and leak checking for fairshare, kept out of the main package so that its build flags
// (-sanitize=fuzzer) and executables never reach users. See README.md in this directory.
import PackageDescription

let package = Package(
    name: "FairShareFuzz",
    dependencies: [.package(name: "fairshare", path: "..")],
    targets: [
        // The declaration of libFuzzer's LLVMFuzzerRunDriver.
        .target(name: "CFuzzerDriver"),
        // libFuzzer target: bytes → decode → validate → solve → result JSON and reports, with invariants.
        .executableTarget(
            name: "FairShareFuzz",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "FairShareEngine", package: "fairshare"),
                .product(name: "FairShareScenario", package: "fairshare"),
                .product(name: "FairShareReport", package: "fairshare"),
                .product(name: "FairShareSynthetic", package: "fairshare"),
                .product(name: "GLPKSolver", package: "fairshare"),
                .product(name: "LinearModel", package: "fairshare"),
            ]
        ),
        // Solves small scenarios N times, for valgrind / LeakSanitizer: no growth between 1,000 and 10,000.
        .executableTarget(
            name: "SolveLoop",
            dependencies: [
                .product(name: "FairShareEngine", package: "fairshare"),
                .product(name: "FairShareScenario", package: "fairshare"),
                .product(name: "FairShareSynthetic", package: "fairshare"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
