import ArgumentParser
import FairShareEngine
import FairShareReport
import FairShareScenario
import Foundation

/// `fairshare compare FILE [--variants a,b]` or `fairshare compare A.json B.json …`: runs side by side.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare a scenario's variants, or several scenario files, side by side.",
        discussion: """
            With one file: its base scenario and its variants (all of them, or those named with --variants). \
            With several files: the base scenario of each; the first file is the base. Shows, per run, the status, \
            targets met, shortfall and fairness optimum, and per item every municipality's figure with its change \
            against the base in parentheses.

            Figures are each run's central allocation, in whole numbers that add up. A change marked ! is forced \
            by the what-if: the two runs' ranges for that figure do not overlap. The other changes lie within the \
            freedom the requirements leave; the summary counts both kinds (json: "forced" per figure, csv: a \
            forced column).

            Examples:
              fairshare compare Scenarios/drechtsteden.json
              fairshare compare Scenarios/drechtsteden.json --variants max-norm,whole-homes
              fairshare compare region-2025.json region-2030.json --format markdown
              fairshare compare Scenarios/drechtsteden.json --format csv --decimal-comma
              fairshare compare Scenarios/drechtsteden.json --plot norms.svg

            Exit status: 0 every run optimal, 1 usage error, 2 an invalid file, 3 a run \
            without an optimal solution (the comparison is still printed).
            """)

    @Argument(
        help: ArgumentHelp("One scenario file, or several (the first is the base).", valueName: "file"),
        completion: Completions.scenarioFile)
    var files: [String]

    @Option(
        help: ArgumentHelp(
            "With one file: the variants to compare, separated by commas (default: all).",
            valueName: "ids"),
        completion: Completions.variant)
    var variants: String?

    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp(
            "Also draw the stock share after each run, each run's allocation and the fairness "
                + "profiles as an SVG chart; a free figure's range is drawn as a whisker.", valueName: "file.svg"))
    var plot: String?

    @OptionGroup var plotOptions: PlotOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name a scenario file, or several to compare") }
        if files.count > 1 && variants != nil {
            throw ValidationError("--variants works with one file; with several files, each file's base is compared")
        }
        if let variants, variantIDs(variants).isEmpty { throw ValidationError("--variants names no variant") }
    }

    func run() throws {
        try output.refuseWorkbook("compare")
        let runs = try loadRuns()
        let progress = Progress(total: runs.count)
        var solved: [ComparisonRun] = []
        for (index, run) in runs.enumerated() {
            progress.step(index + 1, run.name)
            // A variant's scenario is made when its turn comes, so that only the runs solved so far are held.
            let scenario = try run.scenario()
            solved.append(
                ComparisonRun(
                    name: run.name, description: run.description, source: run.source,
                    scenario: scenario, result: FairShare.solve(scenario)))
        }
        progress.finish()
        let title: String
        if files.count == 1, let base = solved.first {
            let count = solved.count - 1
            title = "\(base.scenario.name): the base scenario and \(count) variant\(count == 1 ? "" : "s")"
        } else {
            title = "\(solved.count) scenario files compared"
        }
        let comparison = Comparison(title: title, runs: solved)
        let text: String
        switch output.format {
        case .table: text = ComparisonReport(comparison).text(width: output.tableWidth)
        case .json: text = comparison.jsonText
        case .csv: text = output.csv(ComparisonCSV(comparison, format: output.csvFormat).text())
        case .markdown, .xlsx: text = ComparisonReport(comparison).markdown()  // xlsx: refused before
        }
        try Terminal.output(text, to: output.output)
        if let plot {
            try plotOptions.write(
                Charts.comparisonCharts(solved.map { ($0.name, $0.result, $0.scenario) }), to: plot,
                scenario: title, variant: nil)
        }
        throw ExitStatus.reporting(solved.map { ($0.name, $0.result) })
    }

    /// A run to solve: its name, where it comes from and its validated scenario.
    /// A run to solve: its scenario is made (a variant applied to the base) only when it is solved.
    private struct Run {
        var name: String
        var description: String?
        var source: String
        var variant: String?
        var scenario: () throws -> Scenario
    }

    /// Every run, each file and variant loaded and validated; every invalid file is reported before exiting 2.
    private func loadRuns() throws -> [Run] {
        if files.count == 1 {
            let path = files[0]
            let base = try ScenarioFile.load(path)
            let ids = variants.map(variantIDs) ?? base.variants.map(\.id)
            if ids.isEmpty {
                Terminal.error(
                    "fairshare: \(path) has no variants to compare; add \"variants\" to it, or compare "
                        + "several files")
                throw ExitStatus.usage
            }
            // An unknown variant is a usage error before anything is solved.
            for id in ids where base.variant(id) == nil { _ = try ScenarioFile.apply(id, to: base, path: path) }
            var runs = [Run(name: "base", source: path, scenario: { base })]
            for id in ids {
                runs.append(
                    Run(
                        name: id, description: base.variant(id)?.description, source: path, variant: id,
                        scenario: { try ScenarioFile.apply(id, to: base, path: path) }))
            }
            return runs
        }
        var runs: [Run] = []
        var failure: ExitStatus?
        let names = Self.runNames(files)
        for (path, name) in zip(files, names) {
            do {
                let scenario = try ScenarioFile.load(path)
                runs.append(Run(name: name, source: path, scenario: { scenario }))
            } catch let status as ExitStatus {
                // Report every bad file; a usage error (no such file) outranks an invalid one.
                if failure?.code != ExitStatus.usage.code { failure = status }
            }
        }
        if let failure { throw failure }
        return runs
    }

    private func variantIDs(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Run names for files: the file name without `.json`, or the whole path where two names would be the same.
    static func runNames(_ paths: [String]) -> [String] {
        let short = paths.map { path in
            let name = URL(fileURLWithPath: path).lastPathComponent
            return name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        }
        return zip(paths, short).map { path, name in short.filter { $0 == name }.count > 1 ? path : name }
    }
}
