import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// Norm `leximin` with `method: interior` (issue 16): the sequential method's stages run on the simplex method, so
/// the profile is the one worked out by hand and the shipped scenario solves (it failed with GLP_EINSTAB).
@Suite("Leximin with the interior-point method")
struct InteriorLeximinTests {
    /// Three towns of equal population share 30 placements (the scenario of PolicyRuleTests): fair 10 each, size
    /// m = 1/3. A may take at most 4, so it deviates by 6 (relative 6 / (1/3) = 18) and B and C take 26 between
    /// them; leximin makes the larger of their deviations as small as it can: 13 each, deviation 3, relative 9.
    /// Profile by hand: 18, 9, 9.
    static let threeEqualTowns = """
        {"format": "fairshare-scenario/1", "name": "leximin, interior",
         "segments": {"market": {}},
         "priorityGroups": {"statushouders": {"demand": 30}},
         "fairness": {"norm": "leximin"},
         "solver": {"method": "interior"},
         "municipalities": {
           "A": {"name": "A", "population": 100, "newHomes": 10, "lettings": 100, "placements": {"statushouders": {"max": 4}}},
           "B": {"name": "B", "population": 100, "newHomes": 10, "lettings": 100},
           "C": {"name": "C", "population": 100, "newHomes": 10, "lettings": 100}}}
        """

    @Test("three equal towns: the profile worked out by hand (was 18, 18, 18)")
    func profileByHand() throws {
        let result = FairShare.solve(try ScenarioLoader().load(json: Self.threeEqualTowns))
        #expect(result.status == .optimal, "\(result.status) \(result.failure.map(String.init(describing:)) ?? "")")
        let profile = try #require(result.fairnessProfile)
        #expect(profile.count == 3)
        for (value, expected) in zip(profile, [18.0, 9, 9]) { #expect(abs(value - expected) < 1e-5, "\(profile)") }
        #expect(result.municipalities.map { ($0.placements["statushouders"] ?? 0).rounded() } == [4, 13, 13])
    }

    @Test("the Drechtsteden leximin variant solves with interior as with simplex (was failed, GLP_EINSTAB)")
    func drechtsteden() throws {
        let drechtsteden = try ScenarioLoader().load(
            contentsOf: Repository.root.appendingPathComponent("Scenarios/drechtsteden.json"))
        let simplex = try ScenarioLoader().applying(variant: "leximin", to: drechtsteden)
        let interior = try simplex.edited { $0.solver.method = .interior }
        let bySimplex = FairShare.solve(simplex)
        let byInterior = FairShare.solve(interior)
        #expect(byInterior.status == .optimal, "\(byInterior.failure.map(String.init(describing:)) ?? "")")
        #expect(bySimplex.status == .optimal)
        // The stages are the simplex method's either way, so the profile is the same; the optimum of the level
        // after them (interior point) agrees to GLPK's tolerances.
        let a = try #require(bySimplex.fairnessProfile)
        let b = try #require(byInterior.fairnessProfile)
        #expect(a.count == b.count && a.count > 0)
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-6 * max(1, abs(x)), "\(x) \(y)") }
        for (x, y) in zip(bySimplex.objective, byInterior.objective) {
            #expect(x.level == y.level)
            #expect(abs(x.value - y.value) <= 1e-5 * max(1, abs(x.value)), "\(x) \(y)")
        }
    }
}
