import ArgumentParser
import FairShareEngine
import FairShareReport
import FairShareScenario

/// `fairshare monitor FILE [--as-of PERIOD]`: realised against the plan, and the fair plan for the rest.
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Compare what was realised with the plan, and show the fair plan for the periods to come.",
        discussion: """
            Needs a scenario with periods. The plan is the programme solved with nothing realised; the fair \
            plan for the rest is the programme solved with the periods up to --as-of realised (default: \
            monitoring.asOf, or the last period with realised figures). Per municipality and item: realised, \
            plan, the share delivered and its category (on track, behind, well behind, far behind; thresholds \
            in monitoring.categories, by default 95%, 85% and 75% after England's Housing Delivery Test), the \
            arrears, what the straight pace expected, and the fair plan per period to come.

            Examples:
              fairshare monitor Scenarios/drechtsteden-monitor.json
              fairshare monitor Scenarios/drechtsteden-monitor.json --format csv --decimal-comma > monitor.csv
              fairshare monitor Scenarios/statushouders-halfyears.json --as-of 2023-I --plot paths.svg

            When what was realised leaves a horizon requirement out of reach (a municipality too far behind to \
            make its horizon minimum within its capacity), the tables are still printed, with the smallest change \
            that would make the rest possible, and the exit status is 3.

            Exit status: 0 monitored, 1 usage error (fewer than two periods, an unknown period, nothing \
            realised), 2 invalid scenario, 3 the plan or the rest has no optimal solution.
            """)

    @Argument(help: "The scenario file (with periods).", completion: Completions.scenarioFile)
    var file: String

    @Option(help: "Monitor this variant of the scenario.", completion: Completions.variant)
    var variant: String?

    @Option(help: ArgumentHelp("The last realised period (default: the scenario's).", valueName: "period"))
    var asOf: String?

    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp(
            "Also draw each municipality's new homes over time, cumulative: the plan at the start against what "
                + "was realised and the fair plan for the rest, as an SVG chart.", valueName: "file.svg"))
    var plot: String?

    @OptionGroup var plotOptions: PlotOptions

    @OptionGroup(title: "Input limits")
    var limits: LimitOptions

    func run() throws {
        try output.refuseWorkbook("monitor")
        let scenario = try ScenarioFile.load(file, variant: variant, loader: limits.loader)
        let monitor: Monitor
        do {
            monitor = try Monitor.run(scenario, asOf: asOf, limits: limits.loader.limits)
        } catch let error as MonitorError {
            Terminal.error("fairshare: \(error)")
            if case .unsolved = error { throw ExitStatus.noOptimum }
            throw ExitStatus.usage
        }
        let report = MonitorReport(monitor: monitor, scenario: scenario)
        switch output.format {
        case .table: try Terminal.output(report.text(width: output.tableWidth), to: output.output)
        case .json: try Terminal.output(monitor.jsonText, to: output.output)
        case .csv: try Terminal.output(output.csv(report.csv(format: output.csvFormat)), to: output.output)
        case .markdown: try Terminal.output(report.markdown(), to: output.output)
        case .xlsx: break  // refused before
        }
        if let plot {
            try plotOptions.write(
                report.plotCharts(height: plotOptions.size == .slide ? 540 : 300), to: plot, scenario: scenario.name,
                variant: scenario.appliedVariant)
        }
        // The tables are printed; the rest's failure is the exit status (its reason is in the output).
        if !monitor.restIsPlanned {
            Terminal.error("fairshare: the periods after \(monitor.asOf) cannot be planned with what was realised")
            throw ExitStatus.noOptimum
        }
    }
}
