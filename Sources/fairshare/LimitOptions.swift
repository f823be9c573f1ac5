import ArgumentParser
import FairShareScenario

/// `--max-file-size`, `--max-municipalities`, `--max-depth`, `--max-periods`, `--max-variants`: raise (or lower) the input limits of
/// ``ScenarioLimits`` for one run. A file over a limit is an invalid scenario (exit 2), never a crash.
struct LimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-file-size"),
        help: ArgumentHelp(
            "Largest scenario file read, in bytes.", valueName: "bytes"))
    var maximumFileSize: Int = ScenarioLimits().maximumFileSize

    @Option(name: .customLong("max-municipalities"), help: "Most municipalities in a scenario.")
    var maximumMunicipalities: Int = ScenarioLimits().maximumMunicipalities

    @Option(
        name: .customLong("max-depth"),
        help: ArgumentHelp(
            "Deepest nesting of JSON objects and arrays (at most \(JSONParser.depthCeiling)).", valueName: "levels"))
    var maximumDepth: Int = ScenarioLimits().maximumDepth

    @Option(name: .customLong("max-periods"), help: "Most periods in a scenario.")
    var maximumPeriods: Int = ScenarioLimits().maximumPeriods

    @Option(name: .customLong("max-variants"), help: "Most variants in a scenario.")
    var maximumVariants: Int = ScenarioLimits().maximumVariants

    func validate() throws {
        guard maximumFileSize > 0, maximumMunicipalities > 0, maximumDepth > 0, maximumPeriods > 0, maximumVariants > 0
        else {
            throw ValidationError(
                "--max-file-size, --max-municipalities, --max-depth, --max-periods and --max-variants must be positive")
        }
        guard maximumDepth <= JSONParser.depthCeiling else {
            throw ValidationError("--max-depth is at most \(JSONParser.depthCeiling)")
        }
    }

    /// A loader with these limits.
    var loader: ScenarioLoader {
        ScenarioLoader(
            limits: ScenarioLimits(
                maximumFileSize: maximumFileSize, maximumMunicipalities: maximumMunicipalities,
                maximumDepth: maximumDepth, maximumPeriods: maximumPeriods, maximumVariants: maximumVariants))
    }
}
