import FairShareEngine
import FairShareScenario
import Foundation
import Testing

/// Where things are, and running the built `fairshare` executable as a process.
enum CLITestSupport {
    /// The package's root directory; commands run there, so `Scenarios/…` paths work as in the README.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL
    /// This test target's directory and its data.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let badScenarios = directory.appendingPathComponent("BadScenarios")
    static let golden = directory.appendingPathComponent("Golden")
    /// Test scenarios, as paths relative to the repository (as a user would type them).
    static let infeasible = "Tests/FairshareCLITests/Scenarios/infeasible.json"
    static let awkwardNames = "Tests/FairshareCLITests/Scenarios/awkward-names.json"

    /// The scenario files users start from (`Scenarios/*.json`), relative to the repository.
    static let scenarioFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(
            atPath: repository.appendingPathComponent("Scenarios").path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "Scenarios/\($0)" }
    }()

    /// The `fairshare` executable of this build: it sits in the products directory next to the test bundle,
    /// whatever the scratch path (`swift test`, `swift test --scratch-path X`, release or debug).
    /// `FAIRSHARE_EXECUTABLE` overrides the search.
    static let executable: URL? = {
        var places: [URL] = []
        if let path = ProcessInfo.processInfo.environment["FAIRSHARE_EXECUTABLE"] {
            places.append(URL(fileURLWithPath: path))
        }
        // Linux: the test runner is the `…PackageTests.xctest` executable in the products directory.
        if let runner = Bundle.main.executableURL { places.append(runner.deletingLastPathComponent()) }
        if let runner = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            places.append(URL(fileURLWithPath: runner).deletingLastPathComponent())
        }
        // macOS: the `.xctest` bundle sits in the products directory.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            places.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let candidates = places.map { $0.hasDirectoryPath || $0.lastPathComponent != "fairshare"
            ? $0.appendingPathComponent("fairshare") : $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fairshare-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The library's result for a scenario file (relative to the repository) or one of its variants.
    static func libraryResult(_ path: String, variant: String? = nil) throws -> FairShareResult {
        let loader = ScenarioLoader()
        var scenario = try loader.load(contentsOf: repository.appendingPathComponent(path))
        if let variant { scenario = try loader.applying(variant: variant, to: scenario) }
        return FairShare.solve(scenario)
    }

    /// What `fairshare solve` writes on standard error for a result with an allocation: one line per warning.
    static func warningLines(_ result: FairShareResult) -> String {
        result.warnings.map { "fairshare: warning: \($0.path): \($0.message)\n" }.joined()
    }
}

/// What a run of the command left: its exit status and both streams.
struct CommandOutput: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout:\n\(stdout)--- stderr:\n\(stderr)" }

    /// Nothing a user should never see: crash reports, stack traces, Swift runtime errors, GLPK's own output.
    var isClean: Bool {
        let both = stdout + stderr
        return !["Fatal error", "Stack dump", "Current stack trace", "backtrace", "GLPK Simplex", "glp_",
            "Writing problem data", "Illegal instruction", "Segmentation fault"].contains { both.contains($0) }
    }
}

struct ExecutableNotFound: Error, CustomStringConvertible {
    var description: String {
        "the fairshare executable was not found next to the test bundle; build it (swift build) or set "
            + "FAIRSHARE_EXECUTABLE"
    }
}

/// Runs `fairshare arguments…` in `directory` (default: the repository) and waits for it.
func fairshare(_ arguments: [String], in directory: URL = CLITestSupport.repository) throws -> CommandOutput {
    guard let executable = CLITestSupport.executable else { throw ExecutableNotFound() }
    return try run(executable, arguments, in: directory)
}

/// The path of a program on `PATH`, if installed.
func installedProgram(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}

/// Runs a program to completion. The streams go to temporary files, so that large outputs never block on a full
/// pipe.
func run(_ program: URL, _ arguments: [String], in directory: URL = CLITestSupport.repository) throws
    -> CommandOutput
{
    let scratch = try CLITestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = scratch.appendingPathComponent("stdout")
    let err = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return CommandOutput(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
}
