import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

@Suite("Explanations: shadow prices and ranges")
struct ExplanationTests {
    static let threeTowns = Repository.scenario("three-towns.json")

    /// Cewijk may give 10% of its lettable homes (0 lettings + 90 new social homes) to priority groups: 9
    /// placements, 3 short of its fair 12. One more placement of room lowers Cewijk's deviation by 1 and the
    /// others' by 1: 2 per placement. A share point is 0.01 × 90 = 0.9 placements, so 1.8 per share point.
    @Test("the binding priority cap of Cewijk, by hand")
    func cewijkCap() throws {
        let scenario = try ScenarioLoader().load(contentsOf: Self.threeTowns)
        let explanation = try Explanation.explain(scenario)
        #expect(abs(explanation.optimum - 16) < 1e-6)
        let cap = try #require(explanation.items.first { $0.requirement.path == "municipalities.C.maxPriorityShare" })
        #expect(cap.binding)
        #expect(abs(cap.improvementPerUnit - 1.8) < 1e-6)
        // The rate holds until Cewijk reaches its fair 12 placements: 12 / 90 = 0.1333.
        #expect(abs((cap.validTo ?? 0) - 12.0 / 90.0) < 1e-6)
        // The regional target does not bind (41% social) but is always shown.
        let target = try #require(
            explanation.items.first { $0.requirement.path == "region.targets.social-30.minShare" })
        #expect(!target.binding)
        #expect(abs((target.reached ?? 0) - 0.41) < 1e-9)
    }

    /// Relaxing each binding requirement by a small step changes the optimum by the reported rate.
    @Test("shadow prices equal finite differences", arguments: ["three-towns.json", "drechtsteden.json"])
    func finiteDifferences(file: String) throws {
        let url = Self.threeTowns.deletingLastPathComponent().appendingPathComponent(file)
        let loader = ScenarioLoader()
        let scenario = try loader.load(contentsOf: url)
        let explanation = try Explanation.explain(scenario)
        // newHomes.max doubles as the `capacity` key: changing it also moves fair shares, which a shadow price
        // (the requirement as a bound only) does not include.
        let usesCapacityKey = JSONWriter.text(scenario.document).contains("\"capacity\"")
        var checked = 0
        for item in explanation.items where item.binding {
            let requirement = item.requirement
            if usesCapacityKey && requirement.path.description.hasSuffix("newHomes.max") { continue }
            let step = requirement.unit == .share ? 0.001 : 0.1
            let relaxed = requirement.side == .minimum ? requirement.value - step : requirement.value + step
            guard let from = item.validFrom, let to = item.validTo, relaxed >= from - 1e-9, relaxed <= to + 1e-9,
                relaxed >= 0, requirement.unit != .share || relaxed <= 1
            else { continue }
            let document = scenario.document.setting(.number(relaxed), at: requirement.path)
            let result = FairShare.solve(try loader.read(document))
            let optimum = try #require(result.optimum(.fairness))
            let perUnit = (explanation.optimum - optimum) / (requirement.unit == .share ? step * 100 : step)
            #expect(
                abs(perUnit - item.improvementPerUnit) <= 1e-3 * max(1, item.improvementPerUnit),
                "\(requirement.path): finite difference \(perUnit), reported \(item.improvementPerUnit)")
            checked += 1
        }
        #expect(checked > 0)
    }
}
