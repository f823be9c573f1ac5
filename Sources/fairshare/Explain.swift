import ArgumentParser
import FairShareEngine
import FairShareReport
import FairShareScenario

/// `fairshare explain FILE`: the requirements that bind at the optimum, what relaxing each is worth, and the
/// cost of every regional target.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which requirements shape the answer and what changing them would cost.",
        discussion: """
            Solves the scenario, then lists the requirements that bind at the chosen level's optimum, ranked by \
            their shadow price: how much the optimum would improve per home, placement or share point of \
            relaxation, and the range over which that holds (GLPK's sensitivity analysis). Every regional target \
            appears, binding or not. Integer scenarios are explained through their linear relaxation; either-or \
            rules with each municipality's chosen option held fixed.

            Examples:
              fairshare explain Scenarios/drechtsteden.json
              fairshare explain Scenarios/drechtsteden.json --variant zh-one-third
              fairshare explain Scenarios/drechtsteden.json --format markdown
              fairshare explain Scenarios/drechtsteden.json --level shortfall --format json
            """)

    @Argument(help: "The scenario file.", completion: Completions.scenarioFile)
    var file: String

    @Option(help: "Explain this variant of the scenario.", completion: Completions.variant)
    var variant: String?

    @Option(help: "The level to explain: shortfall, fairness (default) or tiebreak.")
    var level: Level = .fairness

    @Option(help: "Output format: table, json or markdown.")
    var format: ExplainFormat = .table

    @Option(help: ArgumentHelp("Write the output to this file instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        let scenario = try ScenarioFile.load(file, variant: variant)
        let explanation: Explanation
        do {
            explanation = try Explanation.explain(scenario, level: level)
        } catch {
            Terminal.error("fairshare: \(error)")
            switch error {
            case .noOptimum(let result):
                if let diagnosis = result.diagnosis { Terminal.error(DiagnosisReport(diagnosis).text()) }
                throw ExitStatus.noOptimum
            case .noSuchLevel: throw ExitStatus.usage
            case .solverFailed: throw ExitStatus.noOptimum
            }
        }
        let report = ExplanationReport(explanation)
        switch format {
        case .table: try Terminal.output(report.text(), to: output)
        case .json: try Terminal.output(explanation.jsonText, to: output)
        case .markdown: try Terminal.output(report.markdown(), to: output)
        }
    }
}

/// The output formats of `explain`.
enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, markdown
}

extension Level: ExpressibleByArgument {}
