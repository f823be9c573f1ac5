import Foundation

/// Where the test data and the shipped scenarios are: the package's source tree, found from this file.
public enum Repository {
    /// The package's root directory (commands run there, so `Scenarios/…` paths work as in the README).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL

    /// `Scenarios/`: the scenario files users start from.
    public static let scenarios = root.appendingPathComponent("Scenarios")

    /// A shipped scenario file, e.g. `scenario("drechtsteden.json")`.
    public static func scenario(_ file: String) -> URL { scenarios.appendingPathComponent(file) }
}

/// A fresh temporary directory named `prefix-UUID`, removed by the caller.
public func temporaryDirectory(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
