import ArgumentParser
import FairShareEngine
import FairShareReport
import FairShareScenario

/// `fairshare sweep FILE --set PATH=FROM:TO:STEPS`: re-solve while one number runs over a range.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Re-solve while one number of the scenario runs over a range.",
        discussion: """
            PATH is any number in the scenario file, written as fairshare prints paths \
            (region.targets.social-30.minShare, municipalities.GM0505.newHomes.max). STEPS is the number of \
            values, ends included: 0.25:0.35:11 gives 0.25, 0.26, …, 0.35. Values whose programme has the same \
            shape re-solve warm on one GLPK problem.

            Examples:
              fairshare sweep my.json --set region.targets.social-30.minShare=0.25:0.4:16
              fairshare sweep my.json --set region.newHomes.min=8000:10000:5 --format csv
              fairshare sweep my.json --set region.newHomes.min=8000:10000:5 --plot s.svg
            """)

    @Argument(help: "The scenario file.", completion: Completions.scenarioFile)
    var file: String

    @Option(help: ArgumentHelp("The number to vary and its range.", valueName: "PATH=FROM:TO:STEPS"))
    var set: String

    @Option(help: "Sweep this variant of the scenario.", completion: Completions.variant)
    var variant: String?

    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp(
            "Also draw the level optima and target shares against the value as an SVG chart.",
            valueName: "file.svg"))
    var plot: String?

    @OptionGroup var plotOptions: PlotOptions

    /// The parsed `--set`.
    var range: (path: String, from: Double, to: Double, steps: Int)? {
        guard let equals = set.lastIndex(of: "=") else { return nil }
        let path = String(set[..<equals])
        let parts = set[set.index(after: equals)...].split(separator: ":", omittingEmptySubsequences: false)
        guard !path.isEmpty, parts.count == 3, let from = Double(parts[0]), let to = Double(parts[1]),
            let steps = Int(parts[2]), from.isFinite, to.isFinite, (2...1000).contains(steps)
        else { return nil }
        return (path, from, to, steps)
    }

    func validate() throws {
        if range == nil {
            throw ValidationError(
                "--set must be PATH=FROM:TO:STEPS with numbers FROM and TO and 2 to 1000 STEPS, "
                    + "e.g. region.targets.social-30.minShare=0.25:0.40:16; got '\(set)'")
        }
    }

    func run() throws {
        try output.refuseWorkbook("sweep")
        guard let range else { throw ExitStatus.usage }
        let scenario = try ScenarioFile.load(file, variant: variant)
        guard let components = JSONPath(parsing: range.path) else {
            Terminal.error(
                "fairshare: \(range.path) is not a path; write member names joined by dots and array "
                    + "positions in brackets, e.g. region.targets.social-30.minShare or "
                    + "municipalities[\"gm.0505\"].newHomes.max for an id with a dot")
            throw ExitStatus.usage
        }
        if let current = scenario.document.value(at: components), case .number = current {
        } else if scenario.document.value(at: components) != nil {
            Terminal.error(
                "fairshare: \(range.path) is not a number in \(file); sweep a number, e.g. "
                    + "region.targets.social-30.minShare")
            throw ExitStatus.usage
        }
        let sweep: Sweep
        // Progress on a terminal: the value being solved, once the sweep has taken more than a second.
        let progress = Progress(total: range.steps, minimum: 2)
        let started = ContinuousClock.now
        do {
            sweep = try Sweep.run(
                scenario, setting: components,
                to: Sweep.values(from: range.from, to: range.to, count: range.steps)
            ) { index, value in
                if ContinuousClock.now - started >= .seconds(1) {
                    progress.step(index, "\(range.path) = \(JSONWriter.number(value))")
                }
            }
            progress.finish()
        } catch {
            progress.finish()
            Terminal.error("\(file): " + error.description)
            throw ExitStatus.invalidScenario
        }
        let report = SweepReport(sweep)
        switch output.format {
        case .table: try Terminal.output(report.text(), to: output.output)
        case .csv: try Terminal.output(output.csv(report.csv(output.csvFormat)), to: output.output)
        case .markdown: try Terminal.output(report.markdown(), to: output.output)
        case .json: try Terminal.output(report.jsonText, to: output.output)
        case .xlsx: break  // refused before
        }
        if let plot {
            try plotOptions.write(
                Charts.sweepCharts(sweep, scenario: scenario), to: plot, scenario: scenario.name,
                variant: scenario.appliedVariant)
        }
        throw ExitStatus.reporting(sweep.points.map { (JSONWriter.number($0.value), $0.result) })
    }
}
