import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

@testable import FairShareEngine

/// docs/model.md §9, worked out by hand: carry-over of arrears between half-years, the published national figures
/// of 2017-I, a `converge` segment whose second-period fair share follows what the first built, and a single period
/// that is the horizon itself.
@Suite("periods: the programme over time")
struct PeriodTests {
    /// Three towns, 100 placements a half-year, divided by population 5,000 : 3,000 : 2,000 — tasks 50, 30 and 20.
    /// In the first half-year Aldorp houses 38 (12 short), Bestad 35 (5 more than its task), Cewijk its 20.
    static func halfYears(surplus: CarryOver.Surplus = .none, arrears: CarryOver.Arrears = .next) -> String {
        """
        {"format": "fairshare-scenario/1", "name": "Three towns, two half-years",
         "segments": {"social-rent": {"lettable": true}},
         "priorityGroups": {"statushouders": {"key": "population",
                            "carryOver": {"arrears": "\(arrears.rawValue)", "surplus": "\(surplus.rawValue)"}}},
         "periods": {
           "2024-I": {"start": "2024-01", "end": "2024-06", "priorityGroups": {"statushouders": {"demand": 100}}},
           "2024-II": {"start": "2024-07", "end": "2024-12", "priorityGroups": {"statushouders": {"demand": 100}}}},
         "municipalities": {
           "A": {"name": "Aldorp", "population": 5000, "lettings": 500, "newHomes": 0,
                 "periods": {"2024-I": {"realised": {"statushouders": 38}}}},
           "B": {"name": "Bestad", "population": 3000, "lettings": 500, "newHomes": 0,
                 "periods": {"2024-I": {"realised": {"statushouders": 35}}}},
           "C": {"name": "Cewijk", "population": 2000, "lettings": 500, "newHomes": 0,
                 "periods": {"2024-I": {"realised": {"statushouders": 20}}}}}}
        """
    }

    static func task(_ result: FairShareResult, _ period: String, _ municipality: String) -> PeriodTask? {
        result.period(period)?.municipality(municipality)?.tasks["statushouders"]
    }

    @Test("(a) a town 12 short in the first half-year: its second task is its share plus 12, the others' unchanged")
    func arrearsToTheNextHalfYear() throws {
        let scenario = try ScenarioLoader().load(json: Self.halfYears())
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal)
        // First half-year: realised, the facts stand; Aldorp's balance 50 − 38 = 12.
        #expect(result.period("2024-I")?.isRealised == true)
        #expect(
            Self.task(result, "2024-I", "A")
                == PeriodTask(task: 50, arrears: 0, corrected: 50, delivered: 38, remaining: 12, pacePerMonth: 8.333333)
        )
        // Second half-year: Aldorp 50 + 12 = 62; Bestad's surplus of 5 is not credited (the default): 30; Cewijk 20.
        let a = try #require(Self.task(result, "2024-II", "A"))
        #expect(a.task == 50 && a.arrears == 12 && a.corrected == 62)
        #expect(Self.task(result, "2024-II", "B")?.corrected == 30)
        #expect(Self.task(result, "2024-II", "C")?.corrected == 20)
        // The region's corrected task is 100 + 12, and the plan places every corrected task.
        #expect(result.period("2024-II")?.region.tasks["statushouders"]?.corrected == 112)
        let planned = try #require(result.period("2024-II"))
        #expect(isClose(planned.municipality("A")?.placements["statushouders"], 62))
        #expect(isClose(planned.municipality("B")?.placements["statushouders"], 30))
        #expect(isClose(planned.municipality("C")?.placements["statushouders"], 20))
        // Horizon: 38 + 62, 35 + 30, 20 + 20.
        #expect(isClose(result["A"].placements["statushouders"], 100))
        #expect(isClose(result["B"].placements["statushouders"], 65))
        #expect(isClose(result["C"].placements["statushouders"], 40))
        #expect(IndependentCheck.violations(of: result, in: scenario).isEmpty)
    }

    @Test("a credited surplus lowers the next task; arrears spread or dropped as the rule says")
    func carryOverRules() throws {
        let credited = FairShare.solve(try ScenarioLoader().load(json: Self.halfYears(surplus: .credit)))
        #expect(Self.task(credited, "2024-II", "B")?.arrears == -5)
        #expect(Self.task(credited, "2024-II", "B")?.corrected == 25)
        #expect(credited.period("2024-II")?.region.tasks["statushouders"]?.corrected == 107)
        let dropped = FairShare.solve(try ScenarioLoader().load(json: Self.halfYears(arrears: .none)))
        #expect(Self.task(dropped, "2024-II", "A")?.corrected == 50)
        #expect(dropped.period("2024-II")?.region.tasks["statushouders"]?.corrected == 100)
        for result in [credited, dropped] { #expect(result.status == .optimal) }
    }

    /// Two towns of equal population, 40 placements a half-year (tasks 20 and 20). In the first, Aldorp houses 60
    /// (a surplus of 40, credited) and Bestad none (arrears of 20). Second half-year: Aldorp's corrected task is
    /// max(0, 20 − 40) = 0 — a credit lowers only its own task, never below 0 — and Bestad's 20 + 20 = 40, so the
    /// region's corrected task is 0 + 40 = 40 and the plan places 0 and 40.
    @Test("a credit larger than the task lowers its own task to 0 and no one else's")
    func creditBeyondTheTask() throws {
        let json = """
            {"format": "fairshare-scenario/1", "name": "Two towns, a large credit",
             "segments": {"social-rent": {"lettable": true}},
             "priorityGroups": {"statushouders": {"carryOver": {"surplus": "credit"}}},
             "periods": {
               "h1": {"start": "2024-01", "end": "2024-06", "priorityGroups": {"statushouders": {"demand": 40}}},
               "h2": {"start": "2024-07", "end": "2024-12", "priorityGroups": {"statushouders": {"demand": 40}}}},
             "municipalityDefaults": {"lettings": 500, "newHomes": 0},
             "municipalities": {
               "A": {"name": "Aldorp", "population": 1000, "periods": {"h1": {"realised": {"statushouders": 60}}}},
               "B": {"name": "Bestad", "population": 1000, "periods": {"h1": {"realised": {"statushouders": 0}}}}}}
            """
        let scenario = try ScenarioLoader().load(json: json)
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal, "\(result.failure?.description ?? "")")
        let second = try #require(result.period("h2"))
        #expect(second.municipality("A")?.tasks["statushouders"]?.arrears == -40)
        #expect(second.municipality("A")?.tasks["statushouders"]?.corrected == 0)
        #expect(second.municipality("B")?.tasks["statushouders"]?.corrected == 40)
        #expect(second.region.tasks["statushouders"]?.corrected == 40)
        #expect(isClose(second.municipality("A")?.placements["statushouders"], 0))
        #expect(isClose(second.municipality("B")?.placements["statushouders"], 40))
        #expect(IndependentCheck.violations(of: result, in: scenario).isEmpty)
    }

    /// Rijksoverheid: the task for the first half of 2017 was 13,000 statushouders, and municipalities still had
    /// 6,082 to house from earlier half-years, so 19,082 had to be housed in six months: 3,180 a month.
    @Test("(b) 2017-I: 13,000 plus 6,082 carried over is a corrected task of 19,082, 3,180 a month")
    func nationalFigures2017() throws {
        // The Netherlands as one "municipality": the 2016-II task's own size does not matter, only that 6,082 of it
        // were not housed.
        let json = """
            {"format": "fairshare-scenario/1", "name": "Nederland 2016-II and 2017-I",
             "segments": {"social-rent": {"lettable": true}},
             "priorityGroups": {"statushouders": {"key": "population"}},
             "periods": {
               "2016-II": {"start": "2016-07", "end": "2016-12", "priorityGroups": {"statushouders": {"demand": 20000}}},
               "2017-I": {"start": "2017-01", "end": "2017-06", "priorityGroups": {"statushouders": {"demand": 13000}}}},
             "municipalities": {
               "NL": {"name": "Nederland", "population": 17000000, "lettings": 200000, "newHomes": 0,
                      "periods": {"2016-II": {"realised": {"statushouders": 13918}}}}}}
            """
        let result = FairShare.solve(try ScenarioLoader().load(json: json))
        #expect(result.status == .optimal)
        let task = try #require(result.period("2017-I")?.region.tasks["statushouders"])
        #expect(task.task == 13_000)
        #expect(task.arrears == 6_082)
        #expect(task.corrected == 19_082)
        #expect(task.pacePerMonth.rounded() == 3_180)
        #expect(result.period("2017-I")?.months == 6)
    }

    /// Two towns of 1,000 homes; social rent converges on 30%. Aldorp has 250 social homes, Bestad 400. In the
    /// first (realised) period each built 100 homes: Aldorp no social ones, Bestad 50. In the second each builds 200.
    ///
    /// Aldorp's second-period fair share: 0.3 · (1,000 + 100 + 200) − (250 + 0) = 140. Had it built 30 social homes
    /// first: 0.3 · 1,300 − 280 = 110. Bestad's: 0.3 · 1,300 − (400 + 50) = −60, so it builds none (deviation 60).
    @Test(
        "(c) converge over two periods: the second fair share follows what the first built",
        arguments: [(0.0, 140.0), (30.0, 110.0)])
    func convergeCarriesTheStock(firstSocial: Double, secondFair: Double) throws {
        let json = """
            {"format": "fairshare-scenario/1", "name": "Two towns, two periods",
             "segments": {"social-rent": {"fair": {"rule": "converge", "targetShare": 0.3}}, "market": {}},
             "periods": {"p1": {"start": "2025-01", "end": "2025-12"}, "p2": {"start": "2026-01", "end": "2026-12"}},
             "municipalities": {
               "A": {"name": "Aldorp", "stock": {"social-rent": 250, "market": 750},
                     "periods": {"p1": {"realised": {"social-rent": \(firstSocial), "market": \(100 - firstSocial)}},
                                 "p2": {"newHomes": 200}}},
               "B": {"name": "Bestad", "stock": {"social-rent": 400, "market": 600},
                     "periods": {"p1": {"realised": {"social-rent": 50, "market": 50}}, "p2": {"newHomes": 200}}}}}
            """
        let scenario = try ScenarioLoader().load(json: json)
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal)
        let second = try #require(result.period("p2"))
        #expect(isClose(second.municipality("A")?.fairShare["social-rent"], secondFair))
        #expect(isClose(second.municipality("A")?.newHomes["social-rent"], secondFair))
        #expect(isClose(second.municipality("B")?.fairShare["social-rent"], -60))
        #expect(isClose(second.municipality("B")?.newHomes["social-rent"], 0))
        #expect(isClose(result.optimum(.fairness), 60))
        #expect(isClose(result["A"].newHomes["social-rent"], firstSocial + secondFair))
        #expect(IndependentCheck.violations(of: result, in: scenario).isEmpty)
    }

    /// The same towns over three years, the first realised (Aldorp no social homes, Bestad 50 of 100), then 200 new
    /// homes a year each. The share to reach by the end of a year runs evenly from a town's own share today to 30%
    /// at the end of the last: Aldorp 25% → 30%, so by the end of year 2 (two thirds of the way)
    /// 25% + 5% · 2/3 = 28.33%; its fair share in year 2 is 0.28333 · (1,000 + 100 + 200) − 250 = 118.33, and in
    /// year 3 0.3 · 1,500 − 250 − 118.33 = 81.67. Bestad (40% → 30%): 33.33% · 1,300 − 450 = −16.67 in year 2 (it
    /// builds none: deviation 16.67) and 0.3 · 1,500 − 450 − 0 = 0 in year 3.
    @Test("converge along an even path: each year's share lies on the line from today's share to the target")
    func convergeAlongAPath() throws {
        let json = """
            {"format": "fairshare-scenario/1", "name": "Two towns, three years",
             "segments": {"social-rent": {"fair": {"rule": "converge", "targetShare": 0.3}}, "market": {}},
             "periods": {"y1": {"start": "2025-01", "end": "2025-12"}, "y2": {"start": "2026-01", "end": "2026-12"},
                         "y3": {"start": "2027-01", "end": "2027-12"}},
             "municipalities": {
               "A": {"name": "Aldorp", "stock": {"social-rent": 250, "market": 750},
                     "periods": {"y1": {"realised": {"market": 100}}, "y2": {"newHomes": 200}, "y3": {"newHomes": 200}}},
               "B": {"name": "Bestad", "stock": {"social-rent": 400, "market": 600},
                     "periods": {"y1": {"realised": {"social-rent": 50, "market": 50}}, "y2": {"newHomes": 200},
                                 "y3": {"newHomes": 200}}}}}
            """
        let scenario = try ScenarioLoader().load(json: json)
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal)
        let aldorp2 = 0.3 - 0.05 / 3
        #expect(isClose(result.period("y2")?.municipality("A")?.fairShare["social-rent"], aldorp2 * 1300 - 250))
        #expect(isClose(result.period("y2")?.municipality("A")?.newHomes["social-rent"], aldorp2 * 1300 - 250))
        #expect(
            isClose(result.period("y3")?.municipality("A")?.newHomes["social-rent"], 450 - 250 - (aldorp2 * 1300 - 250))
        )
        #expect(
            isClose(result.period("y2")?.municipality("B")?.fairShare["social-rent"], (0.4 - 0.1 * 2 / 3) * 1300 - 450))
        #expect(isClose(result.optimum(.fairness), 450 - (0.4 - 0.1 * 2 / 3) * 1300))
        #expect(isClose(result["A"].newHomes["social-rent"], 200))
        #expect(IndependentCheck.violations(of: result, in: scenario).isEmpty)
    }

    /// rtvdordrecht.nl (4 Aug 2023): Dordrecht's task for the second half of 2023 was 185 statushouders plus 27
    /// carried over from the first half, 212 in all. The scenario sets the region's half-year demands and the
    /// first half's realised figures from published numbers (Scenarios/drechtsteden-sources.md); the task is a
    /// population share, so it comes out within a fraction of a person of the published one.
    @Test("Dordrecht 2023-II: 185 plus 27 carried over is 212, as published")
    func dordrecht2023() throws {
        let scenario = try ScenarioLoader().load(contentsOf: Repository.scenario("statushouders-halfyears.json"))
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal)
        let task = try #require(result.period("2023-II")?.municipality("GM0505")?.tasks["statushouders"])
        #expect(abs(task.task - 185) < 0.5 && abs(task.arrears - 27) < 0.5 && abs(task.corrected - 212) < 0.5)
        #expect(IndependentCheck.violations(of: result, in: scenario).isEmpty)
    }

    /// Whole placements with fractional facts: Dordrecht housed 118.3 in the first half of 2023 (a published figure
    /// less the arrears, in persons); the second half is planned in whole persons all the same.
    @Test("an integer run keeps fractional facts and plans whole numbers")
    func wholeNumbersAfterFractionalFacts() throws {
        let scenario = try ScenarioLoader().load(contentsOf: Repository.scenario("statushouders-halfyears.json"))
            .edited { $0.solver.integer = true }
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal, "\(result.failure?.description ?? "")")
        let first = try #require(result.period("2023-I")?.municipality("GM0505")?.placements["statushouders"])
        #expect(abs(first - 118.3) < 1e-6)
        for allocation in result.period("2023-II")?.municipalities ?? [] {
            let placed = allocation.placements["statushouders"] ?? .nan
            #expect(placed == placed.rounded(), "\(allocation.id): \(placed)")
        }
        #expect(IndependentCheck.violations(of: result, in: scenario).isEmpty)
    }

    @Test("(d) the monitor's categories at the 95/85/75% boundaries")
    func categories() {
        let categories = DeliveryCategories()
        let cases: [(Double, DeliveryCategory)] = [
            (1.2, .onTrack), (0.95, .onTrack), (0.9499, .behind), (0.85, .behind), (0.8499, .wellBehind),
            (0.75, .wellBehind), (0.7499, .farBehind), (0, .farBehind),
        ]
        for (delivered, category) in cases { #expect(categories.category(of: delivered) == category, "\(delivered)") }
        let strict = DeliveryCategories(onTrack: 1, behind: 0.9, wellBehind: 0.5)
        #expect(strict.category(of: 0.99) == .behind)
        #expect(strict.category(of: 0.5) == .wellBehind)
    }

    /// Every scenario file and test scenario, and every variant, solved as it is and with one period spanning its
    /// horizon: the same result, figure for figure (the period's own section aside).
    @Test("a single period gives exactly the results without periods")
    func singlePeriodIsTheHorizon() throws {
        let directories = [
            Repository.scenarios, Repository.root.appendingPathComponent("Tests/FairshareCLITests/Scenarios"),
        ]
        var solved = 0
        for directory in directories {
            let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
            for file in files {
                let base = try ScenarioLoader().load(contentsOf: file)
                guard base.periods.isEmpty else { continue }
                for variant in [nil] + base.variants.map(\.id) {
                    let plain = try variant.map { try base.applying(variant: $0) } ?? base
                    let horizon = plain.horizon ?? Horizon(start: 2025, end: 2030)
                    // Set in the document, as a file would hold it (an edited definition is written out anew).
                    let period: JSONValue = .object(
                        JSONObject([
                            (
                                "all",
                                .object(
                                    JSONObject([
                                        ("start", .string("\(horizon.start)-01")),
                                        ("end", .string("\(horizon.end)-12")),
                                    ]))
                            )
                        ]))
                    let single = try plain.setting(period, at: ["periods"])
                    let expected = FairShare.solve(plain)
                    var got = FairShare.solve(single)
                    #expect(
                        got.periods.count == (got.hasAllocation ? 1 : 0), "\(file.lastPathComponent) \(variant ?? "")")
                    if let only = got.periods.first {
                        #expect(only.municipalities.map(\.newHomes) == got.municipalities.map(\.newHomes))
                    }
                    got.periods = []
                    #expect(got.jsonText == expected.jsonText, "\(file.lastPathComponent) \(variant ?? "base")")
                    solved += 1
                }
            }
        }
        #expect(solved >= 15)
    }
}
