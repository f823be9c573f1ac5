import FairShareEngine
import FairShareScenario
import Foundation

/// Loading scenario files for a command, with the CLI's messages and exit statuses.
enum ScenarioFile {
    /// The validated scenario in `path` (`-`: standard input).
    /// - Throws: ``ExitStatus/usage`` when the file does not exist; ``ExitStatus/invalidScenario`` after listing
    ///   every problem when it is not a valid scenario.
    static func load(_ path: String, loader: ScenarioLoader = ScenarioLoader()) throws -> Scenario {
        // `-`: the scenario (JSON) from standard input, read within the size limit like a file; a municipality
        // table it names is relative to the working directory (not to /dev, the folder of /dev/stdin).
        if path == "-" {
            do {
                return try loader.load(
                    contentsOf: URL(fileURLWithPath: "/dev/stdin"),
                    relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            } catch {
                Terminal.error("standard input: " + error.description)
                throw ExitStatus.invalidScenario
            }
        }
        guard FileManager.default.fileExists(atPath: path) else {
            Terminal.error("fairshare: no such file: \(path)")
            throw ExitStatus.usage
        }
        do {
            return try loader.load(contentsOf: URL(fileURLWithPath: path))
        } catch {
            Terminal.error("\(path): " + error.description)
            throw ExitStatus.invalidScenario
        }
    }

    /// The scenario in `path`, or one of its variants applied.
    /// - Throws: as ``load(_:)``; ``ExitStatus/usage`` when the file has no such variant.
    static func load(_ path: String, variant: String?, loader: ScenarioLoader = ScenarioLoader()) throws -> Scenario {
        let base = try load(path, loader: loader)
        guard let variant else { return base }
        return try apply(variant, to: base, path: path, loader: loader)
    }

    /// `scenario` with a variant's patch applied and validated again.
    /// - Throws: ``ExitStatus/usage`` for an unknown variant; ``ExitStatus/invalidScenario`` when the patched
    ///   scenario is invalid.
    static func apply(
        _ variant: String, to scenario: Scenario, path: String, loader: ScenarioLoader = ScenarioLoader()
    ) throws -> Scenario {
        guard scenario.variant(variant) != nil else {
            let known = scenario.variants.map(\.id)
            Terminal.error(
                "fairshare: \(path) has no variant \"\(variant)\"; "
                    + (known.isEmpty ? "it has no variants" : "its variants: \(known.joined(separator: ", "))"))
            throw ExitStatus.usage
        }
        do {
            return try loader.applying(variant: variant, to: scenario)
        } catch {
            Terminal.error("\(path): " + error.description)
            throw ExitStatus.invalidScenario
        }
    }
}

extension ExitStatus {
    /// Reports results that are not optimal on stderr and returns the exit status for them: 0 when every result
    /// is optimal or feasible (a warning for feasible ones), 3 when any has no optimal solution.
    static func reporting(_ results: [(name: String?, result: FairShareResult)]) -> ExitStatus {
        var status = ExitStatus.optimal
        for (name, result) in results {
            let which = name.map { " (\($0))" } ?? ""
            switch result.status {
            case .optimal:
                break
            case .feasible:
                let gap = result.mipGap.map { String(format: "%.2f%%", $0 * 100) } ?? "unknown"
                Terminal.error(
                    "fairshare: warning\(which): the time limit stopped the integer solve; the allocation "
                        + "is feasible but may not be optimal (MIP gap \(gap))")
            default:
                Terminal.error(
                    "fairshare: no optimal solution\(which): \(result.status.rawValue)"
                        + (result.failure.map { " (\($0))" } ?? ""))
                if let diagnosis = result.diagnosis, !diagnosis.changes.isEmpty {
                    Terminal.error(
                        "  the smallest change that makes it solvable"
                            + (diagnosis.verified ? "" : " (not confirmed by solving again)") + ":\n"
                            + diagnosis.changes.map { "    \($0)" }.joined(separator: "\n"))
                } else if let reason = result.diagnosis?.unavailable {
                    Terminal.error("  no smallest change that makes it solvable: \(reason)")
                }
                status = .noOptimum
            }
        }
        return status
    }
}
