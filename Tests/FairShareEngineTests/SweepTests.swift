import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

@Suite("Sweeps: one number over a range, solved warm")
struct SweepTests {
    static let scenarios = Repository.scenarios

    /// Cewijk's cap is s · 90 placements (0 lettings, 90 new social homes) against its fair 12, and each missing
    /// placement costs 2 (Cewijk's and the others' deviation): fairness = 10 + 2 · max(0, 12 − 90 s).
    /// s = 0.10 → 16, 0.11 → 14.2, 0.12 → 12.4, 0.13 → 10.6, 0.14 → 10.
    @Test("Cewijk's priority share, by hand")
    func cewijk() throws {
        let scenario = try ScenarioLoader().load(contentsOf: Self.scenarios.appendingPathComponent("three-towns.json"))
        let sweep = try Sweep.run(
            scenario, setting: "municipalities.C.maxPriorityShare",
            to: Sweep.values(from: 0.10, to: 0.14, count: 5))
        let expected = [16, 14.2, 12.4, 10.6, 10]
        #expect(sweep.points.count == 5)
        for (point, optimum) in zip(sweep.points, expected) {
            #expect(point.result.status == .optimal)
            #expect(abs((point.result.optimum(.fairness) ?? -1) - optimum) < 1e-6, "at \(point.value)")
        }
        #expect(sweep.warmPoints == 4)
    }

    /// Every point equals a cold solve of the same scenario (status and every level optimum).
    @Test(
        "warm points equal cold solves",
        arguments: [
            ("drechtsteden.json", "region.targets.social-30.minShare", 0.30, 0.45, 6),
            ("drechtsteden.json", "segments.mid-rent.fair.weight", 0.5, 3, 4),
            ("drechtsteden.json", "municipalities.GM0505.newHomes.max", 3000, 7000, 5),
            ("three-towns.json", "segments.social-rent.fair.targetShare", 0.2, 0.4, 5),
        ])
    func warmEqualsCold(file: String, path: String, from: Double, to: Double, count: Int) throws {
        let loader = ScenarioLoader()
        let scenario = try loader.load(contentsOf: Self.scenarios.appendingPathComponent(file))
        let sweep = try Sweep.run(
            scenario, setting: try #require(JSONPath(parsing: path)), to: Sweep.values(from: from, to: to, count: count)
        )
        #expect(sweep.warmPoints > 0)
        for point in sweep.points {
            let cold = FairShare.solve(
                try loader.read(
                    scenario.document.setting(
                        .number(point.value),
                        at: try #require(JSONPath(parsing: path)))))
            #expect(point.result.status == cold.status, "at \(point.value)")
            for (warm, reference) in zip(point.result.objective, cold.objective) {
                #expect(warm.level == reference.level)
                #expect(abs(warm.value - reference.value) <= 1e-6 * max(1, abs(reference.value)), "at \(point.value)")
            }
        }
    }

    @Test("a value that makes the scenario invalid is named")
    func invalidValue() throws {
        let scenario = try ScenarioLoader().load(contentsOf: Self.scenarios.appendingPathComponent("three-towns.json"))
        #expect {
            try Sweep.run(scenario, setting: "region.targets.social-30.minShare", to: [0.5, 1.5])
        } throws: { error in
            let issue = (error as? ScenarioError)?.issues.first
            return issue?.path == "region.targets.social-30.minShare"
                && issue?.message.contains("region.targets.social-30.minShare = 1.5") == true
        }
    }
}
