import Foundation

/// What a run of a program left: its exit status and both streams.
public struct CommandOutput: CustomStringConvertible, Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var description: String { "exit \(status)\n--- stdout:\n\(stdout)--- stderr:\n\(stderr)" }

    /// Nothing a user should never see: crash reports, stack traces, Swift runtime errors, GLPK's own output.
    public var isClean: Bool {
        let both = stdout + stderr
        return ![
            "Fatal error", "Stack dump", "Current stack trace", "backtrace", "GLPK Simplex", "glp_",
            "Writing problem data", "Illegal instruction", "Segmentation fault",
        ].contains { both.contains($0) }
    }
}

/// Runs a program to completion in `directory` (default: the repository). The streams go to temporary files, so
/// that large outputs never block on a full pipe.
public func run(_ program: URL, _ arguments: [String], in directory: URL = Repository.root) throws -> CommandOutput {
    let scratch = try temporaryDirectory("fairshare-run")
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

/// The path of a program on `PATH`, if installed.
public func installedProgram(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}

/// The `fairshare` executable of this build: it sits in the products directory next to the test bundle,
/// whatever the scratch path (`swift test`, `swift test --scratch-path X`, release or debug).
/// `FAIRSHARE_EXECUTABLE` overrides the search.
public let fairshareExecutable: URL? = {
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
    let candidates = places.map {
        $0.hasDirectoryPath || $0.lastPathComponent != "fairshare"
            ? $0.appendingPathComponent("fairshare") : $0
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}()

/// ``fairshareExecutable``, or an error that says how to get one.
public func builtFairshare() throws -> URL {
    guard let executable = fairshareExecutable else { throw ExecutableNotFound() }
    return executable
}

public struct ExecutableNotFound: Error, CustomStringConvertible {
    public var description: String {
        "the fairshare executable was not found next to the test bundle; build it (swift build) or set "
            + "FAIRSHARE_EXECUTABLE"
    }
}

/// The status and objective value of a `glpsol -o` report ("Status: OPTIMAL", "Objective:  obj = 2138.395342
/// (MINimum)").
public func glpsolReport(_ report: String) -> (status: String, objective: Double?) {
    var status = ""
    var objective: Double?
    for line in report.split(separator: "\n") {
        if line.hasPrefix("Status:") { status = line.dropFirst("Status:".count).trimmingCharacters(in: .whitespaces) }
        if line.hasPrefix("Objective:"), let equals = line.firstIndex(of: "=") {
            objective = Double(line[line.index(after: equals)...].split(separator: " ").first.map(String.init) ?? "")
        }
    }
    return (status, objective)
}
