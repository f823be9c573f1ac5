import ArgumentParser
import FairShareScenario

/// `fairshare schema`: the JSON Schema of the scenario format, for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the scenario format.",
        discussion: """
            Editors use it to check scenario files as they are typed. The schema checks fields, types, ids, \
            counts and shares; `fairshare validate` checks everything, including references between parts of \
            the file.

            Examples:
              fairshare schema > fairshare-scenario.schema.json
              fairshare schema --output fairshare-scenario.schema.json
            """)

    @Option(help: ArgumentHelp("Write the schema to this file instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        try Terminal.output(ScenarioSchema.text, to: output)
    }
}
