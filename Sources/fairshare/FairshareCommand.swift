import ArgumentParser
import Foundation

/// `fairshare`: divide a region's new homes, priority-group placements and care homes fairly over its
/// municipalities. A thin shell over the FairShare libraries: it parses arguments, loads files, prints.
@main
struct FairshareCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "fairshare",
        abstract: "Divide a region's new homes and priority-group placements fairly over its municipalities.",
        discussion: """
            Examples:
              fairshare solve Scenarios/drechtsteden.json
              fairshare solve Scenarios/drechtsteden.json --variant max-norm --format json
              fairshare solve Scenarios/drechtsteden.json --format csv --decimal-comma
              fairshare validate my-region.json
              fairshare compare Scenarios/drechtsteden.json --variants max-norm,whole-homes
              fairshare explain Scenarios/drechtsteden.json
              fairshare sweep my.json --set region.targets.social-30.minShare=0.25:0.4:16
              fairshare export Scenarios/drechtsteden.json --lp first-level.lp
              fairshare schema --output fairshare-scenario.schema.json
              fairshare init --from gemeenten.csv
              fairshare report Scenarios/drechtsteden.json --lang nl --html rapport.html

            Results go to standard output, messages to standard error.
            Exit status: 0 optimal (or feasible, with a warning), 1 usage or internal
            error, 2 invalid scenario, 3 no optimal solution.
            """,
        version: version,
        subcommands: [
            Solve.self, Validate.self, Compare.self, Explain.self, SweepCommand.self, Export.self, Schema.self,
            BaselineCommand.self, MonitorCommand.self, InitCommand.self, ReportCommand.self,
        ]
    )

    /// Runs the command with fairshare's exit statuses: usage errors exit 1 (not ArgumentParser's 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitStatus {
            Foundation.exit(exit.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.usage.code)
        }
    }
}

/// A finished command's exit status (docs/model.md §6), thrown to leave `run()` after its output is written.
struct ExitStatus: Error {
    let code: Int32

    /// Every result optimal (or feasible, with a warning).
    static let optimal = ExitStatus(code: 0)
    /// A usage error (unknown option, missing file, unknown variant) or an internal error.
    static let usage = ExitStatus(code: 1)
    /// A scenario file is invalid; every problem was listed.
    static let invalidScenario = ExitStatus(code: 2)
    /// A solve ended without an optimal solution (infeasible, unbounded, time limit, failed).
    static let noOptimum = ExitStatus(code: 3)
}
