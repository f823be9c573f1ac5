import ArgumentParser
import FairShareEngine
import FairShareScenario

/// `fairshare export FILE --lp PATH`: the first level's linear programme, for any solver to check.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the first level's linear programme (CPLEX LP or free MPS) with readable names.",
        discussion: """
            The first level is the shortfall of soft requirements when the scenario has any, otherwise the \
            fairness objective; its optimum is the first optimum that `fairshare solve` reports. Names read \
            x[GM0505,social-rent] (new homes), y[...] (placements), z[...] (care homes); LP files write them \
            x(GM0505,social~rent). A comment at the top of the file explains every name.

            Examples:
              fairshare export Scenarios/drechtsteden.json --lp first-level.lp
              glpsol --lp first-level.lp -o solution.txt
              fairshare export Scenarios/drechtsteden.json --variant max-norm --mps m.mps
              glpsol --freemps m.mps -o solution.txt
            """)

    @Argument(
        help: "The scenario file (format fairshare-scenario/1): JSON, or YAML ending in .yaml or .yml.",
        completion: Completions.scenarioFile)
    var file: String

    @Option(help: "Export this variant of the scenario.", completion: Completions.variant)
    var variant: String?

    @Option(help: ArgumentHelp("Write CPLEX LP format to this file ('-': standard output).", valueName: "path"))
    var lp: String?

    @Option(help: ArgumentHelp("Write free MPS format to this file ('-': standard output).", valueName: "path"))
    var mps: String?

    func validate() throws {
        if lp == nil && mps == nil { throw ValidationError("name a file with --lp PATH or --mps PATH") }
        if lp == "-" && mps == "-" { throw ValidationError("only one of --lp and --mps can write to standard output") }
    }

    func run() throws {
        let scenario = try ScenarioFile.load(file, variant: variant)
        let level = FairShare.firstLevel(of: scenario).level
        for (format, path) in [(ProgrammeFormat.cplexLP, lp), (.freeMPS, mps)] {
            guard let path else { continue }
            let text: String
            do {
                text = try FairShare.export(scenario, as: format)
            } catch {
                Terminal.error("fairshare: cannot export \(file): \(error)")
                throw ExitStatus.usage
            }
            try Terminal.output(text, to: path)
            if path != "-" {
                let name = format == .cplexLP ? "CPLEX LP" : "free MPS"
                Terminal.error(
                    "fairshare: wrote the \(level.rawValue) level of \"\(scenario.name)\" as \(name) "
                        + "to \(path)")
            }
        }
    }
}
