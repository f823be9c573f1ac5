import FairShareEngine
import FairShareReport
import FairShareScenario
import Foundation
import Testing

@Suite("Report languages: Dutch numbers through FormatStyle, the words of each language, HTML escaping")
struct LanguageTests {
    @Test("Foundation on this platform writes Dutch numbers the Dutch way")
    func foundationDutch() {
        let dutch = Locale(identifier: "nl_NL")
        #expect(4197.formatted(IntegerFormatStyle<Int>(locale: dutch)) == "4.197")
        #expect(0.291.formatted(.percent.locale(dutch).precision(.fractionLength(1))) == "29,1%")
    }

    @Test("Dutch: 4.197, 29,1%, 2.138,4, +43, -26, ranges with thousands points")
    func dutchNumbers() {
        let numbers = ReportLanguage.nl.numbers
        #expect(numbers.whole(4197) == "4.197")
        #expect(numbers.whole(10000) == "10.000")
        #expect(numbers.whole(530) == "530")
        #expect(numbers.whole(0) == "0")
        #expect(numbers.whole(-1045) == "-1.045")
        #expect(numbers.percent(0.291) == "29,1%")
        #expect(numbers.percent(0.6667) == "66,7%")
        #expect(numbers.optimum(2138.395342) == "2.138,4")
        #expect(numbers.optimum(16) == "16")
        #expect(numbers.signed(43) == "+43")
        #expect(numbers.signed(-1082) == "-1.082")
        #expect(numbers.signed(0.2) == "0")
        #expect(numbers.range(min: 9000, max: 10000) == "9.000–10.000")
        #expect(numbers.range(min: 2700, max: .infinity) == "≥ 2.700")
        #expect(numbers.whole(1e300) == 1e300.description)
    }

    @Test("English: the terminal's numbers unchanged (4197, 29.1%); grouped for the HTML report (4,197)")
    func englishNumbers() {
        let plain = ReportLanguage.en.numbers
        #expect(plain.whole(4197) == "4197")
        #expect(plain.percent(0.291) == "29.1%")
        #expect(plain.optimum(2138.395342) == "2138.4")
        let grouped = ReportNumbers(.en, grouped: true)
        #expect(grouped.whole(4197) == "4,197")
        #expect(grouped.percent(0.291) == "29.1%")
        #expect(grouped.optimum(2138.395342) == "2,138.4")
    }

    @Test("the language of a report: asked for, else none (English)")
    func words() {
        #expect(ReportLanguage.nl.strings.municipality == "Gemeente")
        #expect(ReportLanguage.en.strings.municipality == "Municipality")
        #expect(ReportLanguage.nl.strings.status(.optimal) == "optimaal")
        #expect(ReportLanguage.en.strings.status(.timeLimit) == "time-limit")
    }

    @Test("HTML escaping: the five characters that matter, nothing else")
    func escaping() {
        #expect(HTMLReport.escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(HTMLReport.escape("A & \"B\"") == "A &amp; &quot;B&quot;")
        #expect(HTMLReport.escape("Súdwest-Fryslân → 29,1%") == "Súdwest-Fryslân → 29,1%")
    }
}

/// The engine writes its warnings in English; a Dutch report writes those it can rebuild from the result anew.
@Suite("Report languages: the solver's warnings in Dutch")
struct DutchWarningTests {
    /// A box: A builds 1,000…3,000 homes, B 0…800, nothing else decides them, so the region's total, and the total
    /// of its one segment, can be anything from 1,000 to 3,800 at the same optima (fairness 0).
    static let box = """
        {"format": "fairshare-scenario/1", "name": "box", "segments": {"homes": {"label": "Woningen"}},
         "municipalities": {"A": {"name": "A", "population": 1, "newHomes": {"min": 1000, "max": 3000}},
                            "B": {"name": "B", "population": 1, "newHomes": {"max": 800}}}}
        """

    @Test("a total no requirement decides: its range by hand, in Dutch words and numbers; English unchanged")
    func freeTotals() throws {
        let scenario = try ScenarioLoader().load(json: Self.box)
        let result = FairShare.solve(scenario)
        #expect(result.warnings.map(\.kind) == [.freeTotal, .freeTotal])
        let dutch = AllocationReport(result: result, scenario: scenario, language: .nl).markdown()
        #expect(
            dutch.contains(
                "- `region.newHomes`: geen eis legt het totaal aantal nieuwe woningen in de regio vast: bij dezelfde "
                    + "optima kan dat van 1.000 tot 3.800 woningen zijn;"), "\(dutch)")
        #expect(
            dutch.contains(
                "- `region.newHomes.homes`: geen eis legt vast hoeveel woningen in het segment Woningen de regio "
                    + "bouwt: bij dezelfde optima kan dat van 1.000 tot 3.800 woningen zijn;"), "\(dutch)")
        #expect(!dutch.contains("no requirement decides"))
        let english = AllocationReport(result: result, scenario: scenario, language: .en).markdown()
        #expect(english.contains("it can be anything from 1000 to 3800 homes at the same optima"), "\(english)")
        let html = HTMLReport(result: result, scenario: scenario, language: .nl, file: "box.json", version: "test")
            .html()
        #expect(html.contains("bij dezelfde optima kan dat van 1.000 tot 3.800 woningen zijn"))
    }

    @Test("allocation any: the one-of-many warning in Dutch")
    func oneOfMany() throws {
        let scenario = try ScenarioLoader().load(
            json: Self.box.replacingOccurrences(
                of: #""name": "box","#, with: #""name": "box", "solver": {"allocation": "any"},"#))
        let result = FairShare.solve(scenario)
        #expect(result.warnings.map(\.kind) == [.oneOfMany])
        let dutch = AllocationReport(result: result, scenario: scenario, language: .nl).markdown()
        #expect(dutch.contains("de getoonde verdeling is één van meerdere even goede"), "\(dutch)")
    }

    @Test("a warning without a Dutch text stays as the engine wrote it, marked as English")
    func keptInEnglish() throws {
        // 1 inhabitant in 500 households: a plausibility warning, which has no Dutch text.
        let scenario = try ScenarioLoader().load(
            json: Self.box.replacingOccurrences(
                of: #""A": {"name": "A", "population": 1,"#,
                with: #""A": {"name": "A", "population": 1, "households": 500,"#))
        let result = FairShare.solve(scenario)
        let warning = try #require(result.warnings.first { $0.kind == .populationBelowHouseholds })
        let dutch = AllocationReport(result: result, scenario: scenario, language: .nl).markdown()
        #expect(dutch.contains("\(MarkdownText.escaped(warning.message)) (in het Engels)"), "\(dutch)")
    }
}
