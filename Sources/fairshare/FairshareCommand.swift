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
              fairshare validate my-region.json

            Exit status: 0 optimal (or feasible, with a warning); 1 usage or internal error;
            2 invalid scenario; 3 no optimal solution.
            """,
        version: version,
        subcommands: [Solve.self, Validate.self]
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
            Foundation.exit(1)
        }
    }
}

/// A finished command's exit status, thrown to leave `run()` after its output is written.
struct ExitStatus: Error {
    let code: Int32

    static let optimal = ExitStatus(code: 0)
    static let usage = ExitStatus(code: 1)
    static let invalidScenario = ExitStatus(code: 2)
    static let noOptimum = ExitStatus(code: 3)
}

/// Writing to the terminal's streams: results on stdout, messages on stderr.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    /// Writes `text` to `path`, or to stdout when `path` is nil.
    static func output(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            Terminal.error("fairshare: cannot write \(path): \(error.localizedDescription)")
            throw ExitStatus.usage
        }
    }
}
