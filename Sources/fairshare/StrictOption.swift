import ArgumentParser
import FairShareScenario

/// `--strict`: the scenario's plausibility warnings (docs/model.md §2, "Plausibility") become errors.
struct StrictOption: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Treat plausibility warnings (a population below its households, a missing stock entry, a figure "
                + "1,000× off the others) as errors: exit 2 without solving."))
    var strict = false

    /// Under `--strict`, lists every plausibility warning of `scenario` as an error and exits 2.
    /// - Throws: ``ExitStatus/invalidScenario`` when `--strict` is set and there is a warning.
    func check(_ scenario: Scenario, file: String) throws {
        let warnings = scenario.plausibilityWarnings
        guard strict, !warnings.isEmpty else { return }
        Terminal.error(
            "\(file): \(warnings.count) implausible figure\(warnings.count == 1 ? "" : "s") (--strict):\n"
                + warnings.map { "  \($0.path): \($0.message)" }.joined(separator: "\n"))
        throw ExitStatus.invalidScenario
    }
}
