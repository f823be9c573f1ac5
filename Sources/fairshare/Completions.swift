import ArgumentParser
import FairShareScenario
import Foundation

/// Shell completion (`fairshare --generate-completion-script bash|zsh|fish`): scenario files for file arguments, and
/// the variants of the scenario file already on the command line for `--variant`.
enum Completions {
    /// Scenario files: JSON and YAML.
    static let scenarioFile = CompletionKind.file(extensions: ["json", "yaml", "yml"])

    /// The variant ids of the first scenario file among the command line's words.
    static let variant = CompletionKind.custom { words, _, prefix in variants(in: words).filter { $0.hasPrefix(prefix) }
    }

    /// The variants of the first word that names a readable scenario file; none when there is none.
    static func variants(in words: [String]) -> [String] {
        for word in words where [".json", ".yaml", ".yml"].contains(where: { word.hasSuffix($0) }) {
            guard FileManager.default.fileExists(atPath: word),
                let scenario = try? ScenarioLoader().load(contentsOf: URL(fileURLWithPath: word))
            else { continue }
            return scenario.variants.map(\.id)
        }
        return []
    }
}
