import ArgumentParser
import FairShareScenario

/// `fairshare validate FILE`: every problem with its JSON path, or "valid" and a one-line summary.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and list every problem with its JSON path.",
        discussion: """
            Checks the file and every variant in it. Prints "valid" and a summary on standard output, or every \
            problem, each with its JSON path and what would be valid, on standard error. Figures that are valid \
            but implausible (a population below its households, a missing stock entry, a figure 1,000× off the \
            other municipalities') are warnings on standard error; --strict makes them errors.

            Examples:
              fairshare validate Scenarios/drechtsteden.json
              fairshare validate my-region.json

            Exit status: 0 valid (warnings included), 1 usage error (no such file), 2 invalid (or, with \
            --strict, implausible).
            """)

    @Argument(help: "The scenario file to check.", completion: Completions.scenarioFile)
    var file: String

    @OptionGroup var plausibility: StrictOption

    @OptionGroup(title: "Input limits")
    var limits: LimitOptions

    func run() throws {
        let scenario = try ScenarioFile.load(file, loader: limits.loader)
        if let variantError = limits.loader.variantError(of: scenario) {
            Terminal.error("\(file): " + variantError.description)
            throw ExitStatus.invalidScenario
        }
        try plausibility.check(scenario, file: file)
        for warning in scenario.plausibilityWarnings {
            Terminal.error("fairshare: warning: \(warning.path): \(warning.message)")
        }
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        print(
            "valid: \(scenario.name): "
                + [
                    count(scenario.municipalities.count, "municipality", "municipalities"),
                    count(scenario.segments.count, "segment", "segments"),
                    count(scenario.priorityGroups.count, "priority group", "priority groups"),
                    count(scenario.careQualities.count, "care quality", "care qualities"),
                    count(scenario.variants.count, "variant", "variants"),
                ].joined(separator: ", "))
    }
}
