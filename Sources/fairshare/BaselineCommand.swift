import ArgumentParser
import FairShareReport
import FairShareScenario

/// `fairshare baseline FILE`: today's distribution, before any optimising.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Show today's distribution, before any optimising: the picture a region starts from.",
        discussion: """
            Reads the scenario and solves nothing. Per municipality: the stock share of each lettable or \
            converging segment against the region's; the obligations its existing stock decides \
            ("obligations"); each priority group's task (the statutory task, or the group's key share of its \
            demand) against the people housed so far ("housed") and the arrears; and the share of its lettings \
            that went to priority groups against the region's.

            Examples:
              fairshare baseline Scenarios/drechtsteden.json
              fairshare baseline Scenarios/drechtsteden.json --variant wet-vrv --format markdown
              fairshare baseline Scenarios/drechtsteden.json --format csv --decimal-comma > baseline.csv
            """)

    @Argument(help: "The scenario file.")
    var file: String

    @Option(help: "Show this variant of the scenario.")
    var variant: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.refuseWorkbook("baseline")
        let scenario = try ScenarioFile.load(file, variant: variant)
        let baseline = Baseline(scenario: scenario)
        switch output.format {
        case .table: try Terminal.output(baseline.text(width: output.tableWidth), to: output.output)
        case .json: try Terminal.output(JSONWriter.text(baseline.json), to: output.output)
        case .csv: try Terminal.output(output.csv(baseline.csv(output.csvFormat)), to: output.output)
        case .markdown: try Terminal.output(baseline.markdown(), to: output.output)
        case .xlsx: break  // refused before
        }
    }
}
