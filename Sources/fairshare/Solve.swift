import ArgumentParser
import FairShareEngine
import FairShareReport
import FairShareScenario
import FairShareXLSX

/// `fairshare solve FILE`: solve a scenario (or one of its variants) and print the allocation.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a scenario and print the fair allocation.",
        discussion: """
            Where the requirements leave a figure a range, fairshare reports the central allocation: each figure \
            as near the middle of its range as the others allow. Tables show whole numbers rounded so that the \
            totals add up, mark each free figure (range wider than half a home) with ~ and list the free figures \
            with their ranges; warnings go to standard error.

            json prints the fairshare-result/1 document (exact figures, each with its range); csv one record per \
            municipality and item (segment, priority group, care quality) with the exact allocation, fair share, \
            deviation, stock shares and the range (min, max; empty with solver.allocation "any").

            Examples:
              fairshare solve Scenarios/drechtsteden.json
              fairshare solve Scenarios/drechtsteden.json --variant max-norm
              fairshare solve Scenarios/drechtsteden.json --format markdown --output a.md
              fairshare solve Scenarios/drechtsteden.json --format json > result.json
              fairshare solve Scenarios/drechtsteden.json --format csv --decimal-comma
              fairshare solve Scenarios/drechtsteden.json --plot allocation.svg

            Exit status: 0 optimal (feasible: with a warning), 1 usage error, 2 invalid \
            scenario, 3 no optimal solution.
            """)

    @Argument(
        help: "The scenario file (format fairshare-scenario/1): JSON, or YAML ending in .yaml or .yml.",
        completion: Completions.scenarioFile)
    var file: String

    @Option(help: "Solve this variant of the scenario (see `variants` in the file).", completion: Completions.variant)
    var variant: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var language: LanguageOption

    @Option(
        help: ArgumentHelp(
            "Also draw the stock share before and after and the fair share against the "
                + "allocation, per municipality, as an SVG chart; a free figure's range is drawn as a whisker.",
            valueName: "file.svg"))
    var plot: String?

    @Option(
        name: .customLong("plot-item"),
        help: ArgumentHelp(
            "With --plot: draw this segment, priority group or care quality (repeatable; 'all' for every one) "
                + "instead of the default pair.",
            valueName: "id"))
    var plotItems: [String] = []

    @OptionGroup var plotOptions: PlotOptions

    @OptionGroup(title: "What-ifs")
    var whatIf: WhatIfOptions

    @OptionGroup var plausibility: StrictOption

    @OptionGroup(title: "Input limits")
    var limits: LimitOptions

    func run() throws {
        let loaded = try ScenarioFile.load(file, variant: variant, loader: limits.loader)
        let scenario = try whatIf.apply(to: loaded, file: file, limits: limits.loader.limits)
        let drawable = Charts.drawableItems(scenario)
        let items = plotItems.contains("all") ? drawable : plotItems
        if let unknown = items.first(where: { !drawable.contains($0) }) {
            Terminal.error(
                "fairshare: --plot-item \(unknown): \(file) has no such segment, priority group or care quality; "
                    + "its items: \(drawable.joined(separator: ", ")), or all")
            throw ExitStatus.usage
        }
        try plausibility.check(scenario, file: file)
        var result = SolveProgressLine().around { FairShare.solve(scenario, options: $0) }
        // A result solved with --set says so: its label names the variant and every change.
        if !whatIf.isEmpty { result.variant = ([variant].compactMap { $0 } + [whatIf.label]).joined(separator: ", ") }
        switch output.format {
        case .table:
            try Terminal.output(
                AllocationReport(result: result, scenario: scenario, language: language.of(scenario))
                    .text(width: output.tableWidth), to: output.output)
        case .json: try Terminal.output(result.jsonText, to: output.output)
        case .csv:
            try Terminal.output(
                output.csv(AllocationCSV(result: result, scenario: scenario, format: output.csvFormat).text()),
                to: output.output)
        case .markdown:
            try Terminal.output(
                AllocationReport(result: result, scenario: scenario, language: language.of(scenario)).markdown(),
                to: output.output)
        case .xlsx:
            do {
                try AllocationWorkbook.write(result, scenario: scenario, to: output.output ?? "")
            } catch {
                Terminal.error("fairshare: cannot write \(output.output ?? ""): \(error)")
                throw ExitStatus.usage
            }
        }
        for warning in result.warnings { Terminal.error("fairshare: warning: \(warning.path): \(warning.message)") }
        if let plot, result.hasAllocation {
            try plotOptions.write(
                Charts.allocationCharts(result, scenario, language: language.of(scenario), items: items), to: plot,
                scenario: result.scenario, variant: result.variant)
        }
        throw ExitStatus.reporting([(nil, result)])
    }
}
