import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// This target's data, and the library's answers to compare the command's with. Paths, processes and the
/// executable come from FairShareTestSupport.
enum CLITestSupport {
    /// This test target's directory and its data.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let badScenarios = directory.appendingPathComponent("BadScenarios")
    static let golden = directory.appendingPathComponent("Golden")
    /// Test scenarios, as paths relative to the repository (as a user would type them).
    static let infeasible = "Tests/FairshareCLITests/Scenarios/infeasible.json"
    static let awkwardNames = "Tests/FairshareCLITests/Scenarios/awkward-names.json"

    /// The scenario files users start from (`Scenarios/*.json`), relative to the repository.
    static let scenarioFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.scenarios.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "Scenarios/\($0)" }
    }()

    /// The library's result for a scenario file (relative to the repository) or one of its variants.
    static func libraryResult(_ path: String, variant: String? = nil) throws -> FairShareResult {
        let loader = ScenarioLoader()
        var scenario = try loader.load(contentsOf: Repository.root.appendingPathComponent(path))
        if let variant { scenario = try loader.applying(variant: variant, to: scenario) }
        return FairShare.solve(scenario)
    }

    /// What `fairshare solve` writes on standard error for a result with an allocation: one line per warning.
    static func warningLines(_ result: FairShareResult) -> String {
        result.warnings.map { "fairshare: warning: \($0.path): \($0.message)\n" }.joined()
    }
}

/// Runs `fairshare arguments…` in `directory` (default: the repository) and waits for it.
func fairshare(_ arguments: [String], in directory: URL = Repository.root) throws -> CommandOutput {
    try run(builtFairshare(), arguments, in: directory)
}
