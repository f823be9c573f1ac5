import ArgumentParser
import FairShareEngine
import FairShareReport
import FairShareScenario

/// `fairshare report FILE --html report.html`: solve a scenario (or one of its variants) and write a report for a
/// council: one self-contained HTML file that prints to A4.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Solve a scenario and write a report for a council as one self-contained HTML file.",
        discussion: """
            The report holds the scenario's question in words, the allocation in whole homes that add up, what \
            the requirements leave open, the fair shares, the targets, the charts, the assumptions and every \
            source (estimates marked), and the method in a paragraph. It needs no network: the style and the \
            charts are inside the file. Open it in a browser; print it to PDF from there (A4, each major section \
            on a new page).

            Examples:
              fairshare report Scenarios/drechtsteden.json --html report.html
              fairshare report Scenarios/drechtsteden.json --lang nl --html rapport.html
              fairshare report my-region.yaml --variant leximin --html leximin.html

            Exit status: 0 optimal (feasible: with a warning), 1 usage error, 2 invalid \
            scenario, 3 no optimal solution (the report then says why).
            """)

    @Argument(help: "The scenario file (format fairshare-scenario/1): JSON, or YAML ending in .yaml or .yml.")
    var file: String

    @Option(help: "Report on this variant of the scenario (see `variants` in the file).")
    var variant: String?

    @Option(help: ArgumentHelp("Write the HTML report to this file ('-': standard output).", valueName: "path"))
    var html: String

    @OptionGroup var language: LanguageOption

    @OptionGroup var plausibility: StrictOption

    @OptionGroup(title: "Input limits")
    var limits: LimitOptions

    func run() throws {
        let scenario = try ScenarioFile.load(file, variant: variant, loader: limits.loader)
        try plausibility.check(scenario, file: file)
        let result = SolveProgressLine().around { FairShare.solve(scenario, options: $0) }
        let report = HTMLReport(
            result: result, scenario: scenario, language: language.of(scenario), file: file,
            version: FairshareCommand.version)
        try Terminal.output(report.html(), to: html)
        for warning in result.warnings { Terminal.error("fairshare: warning: \(warning.path): \(warning.message)") }
        throw ExitStatus.reporting([(nil, result)])
    }
}
