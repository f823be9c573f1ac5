import ArgumentParser
import FairShareEngine
import FairShareReport
import FairShareScenario
import Foundation

/// The output formats of `solve`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, markdown
}

/// `fairshare solve FILE`: solve a scenario (or one of its variants) and print the allocation.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a scenario and print the fair allocation.",
        discussion: """
            Examples:
              fairshare solve Scenarios/drechtsteden.json
              fairshare solve Scenarios/drechtsteden.json --variant zh-one-third --format markdown
              fairshare solve Scenarios/drechtsteden.json --format json --output result.json
            """)

    @Argument(help: "The scenario file (JSON, format fairshare-scenario/1).")
    var file: String

    @Option(help: "Solve this variant of the scenario (see `variants` in the file).")
    var variant: String?

    @Option(help: "Output format: table (terminal), json (fairshare-result/1) or markdown.")
    var format: OutputFormat = .table

    @Option(help: "Write the output to this file instead of standard output.")
    var output: String?

    func run() throws {
        let scenario = try ScenarioFile.load(file, variant: variant)
        let result = FairShare.solve(scenario, variant: variant)
        let report = AllocationReport(result: result, scenario: scenario)
        switch format {
        case .table: try Terminal.output(report.text(), to: output)
        case .json: try Terminal.output(result.jsonText, to: output)
        case .markdown: try Terminal.output(report.markdown(), to: output)
        }
        switch result.status {
        case .optimal:
            throw ExitStatus.optimal
        case .feasible:
            let gap = result.mipGap.map { Formatting.percent($0) } ?? "unknown"
            Terminal.error("fairshare: warning: the time limit stopped the integer solve; the allocation is feasible "
                + "but may not be optimal (MIP gap \(gap))")
            throw ExitStatus.optimal
        default:
            Terminal.error("fairshare: no optimal solution: \(result.status.rawValue)"
                + (result.failure.map { " (\($0))" } ?? ""))
            throw ExitStatus.noOptimum
        }
    }
}

/// Loading a scenario file for a command, with the CLI's messages and exit status for invalid files.
enum ScenarioFile {
    static func load(_ path: String, variant: String?) throws -> Scenario {
        let loader = ScenarioLoader()
        do {
            let base = try loader.load(contentsOf: URL(fileURLWithPath: path))
            guard let variant else { return base }
            return try loader.applying(variant: variant, to: base)
        } catch {
            Terminal.error("\(path): " + error.description)
            throw ExitStatus.invalidScenario
        }
    }
}
