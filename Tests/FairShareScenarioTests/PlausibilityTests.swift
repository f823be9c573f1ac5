import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// Plausibility warnings (docs/model.md §2, "Plausibility"): valid figures that are probably not what their author
/// meant. Every expected warning below is worked out by hand from the figures written in the test.
@Suite("Plausibility warnings")
struct PlausibilityTests {
    /// Four towns with population, households and stock; `changes` is merged into the municipalities.
    static func scenario(_ changes: String = "{}") throws -> Scenario {
        let base = """
            {"format": "fairshare-scenario/1", "name": "Four towns",
             "segments": {"social-rent": {"label": "Social rent"}, "market": {"label": "Market"}},
             "municipalities": {
               "A": {"name": "Aldorp", "population": 120000, "households": 55000,
                     "stock": {"social-rent": 20000, "market": 32000}},
               "B": {"name": "Beekum", "population": 30000, "households": 13000,
                     "stock": {"social-rent": 4000, "market": 8500}},
               "C": {"name": "Cesdam", "population": 45000, "households": 20000,
                     "stock": {"social-rent": 6000, "market": 13000}},
               "D": {"name": "Dijkwaard", "population": 60000, "households": 26000,
                     "stock": {"social-rent": 9000, "market": 16000}}}}
            """
        return try ScenarioLoader().load(json: merging(#"{"municipalities": \#(changes)}"#, into: base))
    }

    @Test("consistent figures give no warning")
    func none() throws {
        #expect(try Self.scenario().plausibilityWarnings.isEmpty)
    }

    /// `"population": 127.000` is 127 in JSON: below its 55,000 households. The others' median is 45,000 (30,000,
    /// 45,000, 60,000), and 45,000 / 127 = 354×, under 1,000×: not an outlier.
    @Test("127.000 (127,000 in Dutch) is read as 127: below the households, with the thousands hint")
    func dutchThousands() throws {
        let warnings = try Self.scenario(#"{"A": {"population": 127.000}}"#).plausibilityWarnings
        #expect(warnings.count == 1, "\(warnings)")
        let warning = try #require(warnings.first)
        #expect(warning.kind == .populationBelowHouseholds)
        #expect(warning.path == JSONPath(members: ["municipalities", "A", "population"]))
        #expect(warning.message.contains("is 127, below its 55,000 households"), "\(warning.message)")
        #expect(
            warning.message.contains("127.000 means 127,000 in Dutch, but JSON reads it as 127: write 127000"),
            "\(warning.message)")
    }

    /// 13 persons for Beekum: the others' median 60,000 (45,000, 60,000, 120,000) is 4,615× more: an outlier too.
    @Test("a figure 1,000× below the median of the others is an outlier")
    func outlier() throws {
        let warnings = try Self.scenario(#"{"B": {"population": 13, "households": 5}}"#).plausibilityWarnings
        let outlier = try #require(
            warnings.first { $0.kind == .outlier && $0.path.description.hasSuffix("population") })
        #expect(outlier.path == JSONPath(members: ["municipalities", "B", "population"]))
        #expect(outlier.message.contains("4,615× less than the median 60,000"), "\(outlier.message)")
        // Households 5 against the others' 20,000, 26,000, 55,000 (median 26,000): 5,200× less.
        let households = try #require(
            warnings.first { $0.kind == .outlier && $0.path.description.hasSuffix("households") })
        #expect(households.message.contains("5,200× less than the median 26,000"), "\(households.message)")
    }

    /// The threshold is inclusive: 1,000 × the median is an outlier, 999 × is not. Cesdam's social-rent stock
    /// against the others' 4,000, 9,000, 20,000 (median 9,000): 9,000,000 is 1,000×, 8,991,000 is 999×.
    @Test("the outlier threshold: 1,000× warns, 999× does not")
    func outlierThreshold() throws {
        let at = try Self.scenario(#"{"C": {"stock": {"social-rent": 9000000}}}"#).plausibilityWarnings
        #expect(at.contains { $0.kind == .outlier && $0.path.description == "municipalities.C.stock.social-rent" })
        let below = try Self.scenario(#"{"C": {"stock": {"social-rent": 8991000}}}"#).plausibilityWarnings
        #expect(!below.contains { $0.kind == .outlier }, "\(below)")
    }

    /// Dijkwaard's stock is 9,000 + 16,000 = 25,000 homes: half is 12,500 households.
    @Test("households below half the stock warn; exactly half does not")
    func householdsBelowStock() throws {
        let half = try Self.scenario(#"{"D": {"households": 12500}}"#).plausibilityWarnings
        #expect(!half.contains { $0.kind == .householdsBelowStock }, "\(half)")
        let below = try Self.scenario(#"{"D": {"households": 12499}}"#).plausibilityWarnings
        let warning = try #require(below.first { $0.kind == .householdsBelowStock })
        #expect(warning.path == JSONPath(members: ["municipalities", "D", "households"]))
        #expect(warning.message.contains("less than half the 25,000 homes"), "\(warning.message)")
    }

    @Test("a stock segment most municipalities give and one leaves out: absent counts as 0")
    func missingStock() throws {
        let warnings = try Self.scenario(#"{"B": {"stock": {"social-rent": null}}}"#).plausibilityWarnings
        #expect(warnings.count == 1, "\(warnings)")
        let warning = try #require(warnings.first)
        #expect(warning.kind == .missingStock)
        #expect(warning.path == JSONPath(members: ["municipalities", "B", "stock"]))
        #expect(warning.message.contains("3 of the 4 municipalities"), "\(warning.message)")
        #expect(warning.message.contains(#"write "social-rent": 0"#), "\(warning.message)")
        // An explicit 0 is a statement, not an omission.
        #expect(try Self.scenario(#"{"B": {"stock": {"social-rent": 0}}}"#).plausibilityWarnings.isEmpty)
        // Half the municipalities is not "most": two of four without it give no warning.
        let half = try Self.scenario(#"{"B": {"stock": {"social-rent": null}}, "C": {"stock": {"social-rent": null}}}"#)
        #expect(!half.plausibilityWarnings.contains { $0.kind == .missingStock })
    }

    @Test("a share written as a percentage is an error with the share it meant")
    func percentageShare() throws {
        let issues = validationIssues(
            try merging(
                #"{"region": {"targets": {"social": {"segments": ["social-rent"], "minShare": 30}}}}"#,
                into:
                    #"{"format": "fairshare-scenario/1", "name": "x", "segments": {"social-rent": {}}, "municipalities": {"A": {"name": "A"}}}"#
            ))
        #expect(issues.contains { $0.message.contains("write 30% as 0.3") }, "\(issues)")
    }

    @Test("the scenarios shipped with fairshare give no warning")
    func shipped() throws {
        let files = try FileManager.default.contentsOfDirectory(
            at: Repository.scenarios, includingPropertiesForKeys: nil
        ).filter { $0.pathExtension == "json" }
        try #require(files.count >= 3, "\(files)")
        for file in files {
            let scenario = try ScenarioLoader().load(contentsOf: file)
            #expect(
                scenario.plausibilityWarnings.isEmpty, "\(file.lastPathComponent): \(scenario.plausibilityWarnings)")
        }
    }
}

/// A key whose regional total overflows (two populations of 1e308 add up to infinity) would make every share 0 and
/// every fair share vanish while the result still said optimal: it is refused, with the key's path.
@Suite("Key totals that overflow")
struct KeyOverflowTests {
    @Test("two populations of 1e308 under a population key are an invalid scenario, not fair shares of 0")
    func overflow() {
        let issues = validationIssues(
            """
            {"format": "fairshare-scenario/1", "name": "x", "segments": {"social-rent": {}},
             "priorityGroups": {"statushouders": {"demand": 10, "key": "population"}},
             "municipalities": {"A": {"name": "A", "population": 1e308}, "B": {"name": "B", "population": 1e308}}}
            """)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.path.description == "priorityGroups.statushouders.key")
        #expect(issues.first?.message.contains("sums to more than the largest number") == true, "\(issues)")
        // One such figure alone is finite: valid (and a plausibility matter, not an error).
        #expect(
            validationIssues(
                """
                {"format": "fairshare-scenario/1", "name": "x", "segments": {"social-rent": {}},
                 "priorityGroups": {"statushouders": {"demand": 10, "key": "population"}},
                 "municipalities": {"A": {"name": "A", "population": 1e308}, "B": {"name": "B", "population": 1}}}
                """
            ).isEmpty)
    }
}
