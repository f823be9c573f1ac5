import ArgumentParser
import FairShareScenario
import Foundation

/// `fairshare validate FILE`: every problem with its JSON path, or "valid" and a one-line summary.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and list every problem with its JSON path.",
        discussion: """
            Examples:
              fairshare validate Scenarios/drechtsteden.json
              fairshare validate my-region.json
            """)

    @Argument(help: "The scenario file to check.")
    var file: String

    func run() throws {
        let loader = ScenarioLoader()
        let scenario: Scenario
        do {
            scenario = try loader.load(contentsOf: URL(fileURLWithPath: file))
        } catch {
            Terminal.error("\(file): " + error.description)
            throw ExitStatus.invalidScenario
        }
        let variantIssues = loader.variantIssues(of: scenario)
        guard variantIssues.isEmpty else {
            Terminal.error("\(file): " + ScenarioError(variantIssues).description)
            throw ExitStatus.invalidScenario
        }
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        print("valid: \(scenario.name): "
            + [
                count(scenario.municipalities.count, "municipality", "municipalities"),
                count(scenario.segments.count, "segment", "segments"),
                count(scenario.priorityGroups.count, "priority group", "priority groups"),
                count(scenario.careQualities.count, "care quality", "care qualities"),
                count(scenario.variants.count, "variant", "variants"),
            ].joined(separator: ", "))
    }
}
