import ArgumentParser
import FairShareReport
import FairShareScenario

extension ReportLanguage: ExpressibleByArgument {}

/// `--lang nl|en`: the language of a report's words and numbers (`4.197`, `29,1%` in Dutch). Without it, the
/// scenario's `language` member decides, else English.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "The language of the tables and the report: en or nl (Dutch words, 4.197 and 29,1%). Default: the "
                + "scenario's \"language\", else en.",
            valueName: "language"))
    var language: ReportLanguage?

    /// The language for a report of `scenario`.
    func of(_ scenario: Scenario) -> ReportLanguage { ReportLanguage.of(scenario, asked: language) }
}
