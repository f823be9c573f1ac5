import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// The three-towns scenario of Scenarios/three-towns.json, solved by hand (see Scenarios/README.md):
///
/// Social rent converges to 30% of each town's stock after building. Every town's total is fixed
/// (newHomes 400 / 300 / 300), so the fair shares F_i = 0.3 · (T_i + N_i) − E_i are numbers:
///   Aldorp 0.3 · 1400 − 100 = 320,  Bestad 0.3 · 1300 − 400 = −10,  Cewijk 0.3 · 1300 − 300 = 90.
/// Bestad cannot build −10 homes, so it builds 0 (deviation 10); Aldorp 320 and Cewijk 90 (deviation 0).
/// Regional social rent 410 ≥ 30% of 1000 = 300, so the target holds.
///
/// Statushouders: 60 placements by population 5000 : 3000 : 2000 → fair 30, 18, 12. Cewijk may give at most
/// 10% of its lettings (0 existing + 90 new social homes) → 9 placements, 3 short of fair; the other two take
/// the 3 extra (deviation 3 together). Building more social rent in Cewijk to lift that cap would cost one
/// home of social deviation per 0.1 placement gained, so it does not pay.
/// Fairness optimum: 10 (social, Bestad) + 3 + 3 (statushouders) = 16.
@Suite("Didactic scenario: three towns")
struct DidacticScenarioTests {
    static let url = Repository.scenario("three-towns.json")

    @Test("the allocation worked out by hand")
    func handWorkedAnswer() throws {
        let scenario = try ScenarioLoader().load(contentsOf: Self.url)
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal)
        #expect(abs((result.optimum(.fairness) ?? -1) - 16) < 1e-6)
        #expect(result.optimum(.shortfall) == nil)
        let byID = Dictionary(uniqueKeysWithValues: result.municipalities.map { ($0.id, $0) })
        #expect(abs(byID["A"]!.newHomes["social-rent"]! - 320) < 1e-4)
        #expect(abs(byID["B"]!.newHomes["social-rent"]! - 0) < 1e-4)
        #expect(abs(byID["C"]!.newHomes["social-rent"]! - 90) < 1e-4)
        #expect(abs(byID["A"]!.newHomes["market"]! - 80) < 1e-4)
        #expect(abs(byID["C"]!.placements["statushouders"]! - 9) < 1e-4)
        #expect(abs(byID["A"]!.placements["statushouders"]! + byID["B"]!.placements["statushouders"]! - 51) < 1e-4)
        // The three placements Cewijk cannot take (fair share 12, room for 9) go to Aldorp or Bestad at the same
        // fairness (each adds one placement of deviation wherever it goes): Aldorp 30–33, Bestad 18–21, with
        // A + B = 51. The central allocation puts both in the middle of their ranges: 31.5 and 19.5.
        let aldorp = byID["A"]!.ranges?.placements["statushouders"]
        let bestad = byID["B"]!.ranges?.placements["statushouders"]
        #expect(isClose(aldorp?.min, 30) && isClose(aldorp?.max, 33), "\(String(describing: aldorp))")
        #expect(isClose(bestad?.min, 18) && isClose(bestad?.max, 21), "\(String(describing: bestad))")
        #expect(abs(byID["A"]!.placements["statushouders"]! - 31.5) < 1e-3)
        #expect(abs(byID["B"]!.placements["statushouders"]! - 19.5) < 1e-3)
        #expect(result.allocation == .central)
        #expect(byID["B"]!.fairShare["social-rent"] == -10)
        #expect(byID["C"]!.fairShare["statushouders"] == 12)
        // Stock share after: Aldorp (100 + 320) / 1400 = 0.3 exactly.
        #expect(abs(byID["A"]!.stockShareAfter["social-rent"]! - 0.3) < 1e-9)
        #expect(result.region.targets[0].met)
        #expect(abs(result.region.targets[0].share - 0.41) < 1e-9)
    }

    /// Variant no-history: social rent proportional to population (0.5, 0.3, 0.2). Any regional total X with
    /// x_i = w_i · X has zero social deviation; Cewijk's cap 0.1 · 0.2 X reaches its fair 12 placements from
    /// X = 600, and Aldorp's 0.5 X fits its 400 homes up to X = 800. So the fairness optimum is 0.
    @Test("the no-history variant: fairness optimum 0 by hand")
    func noHistoryVariant() throws {
        let scenario = try ScenarioLoader().load(contentsOf: Self.url)
        let result = FairShare.solve(try scenario.applying(variant: "no-history"))
        #expect(result.status == .optimal)
        #expect(result.variant == "no-history")
        #expect(abs(result.optimum(.fairness) ?? -1) < 1e-6)
        let social = result.region.newHomes["social-rent"]!
        #expect(social >= 600 - 1e-6 && social <= 800 + 1e-6)
    }
}
