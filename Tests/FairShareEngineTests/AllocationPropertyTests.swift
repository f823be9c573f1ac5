import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import FairShareTestSupport
import PropertyBased
import Testing

/// Property (a): every reported allocation satisfies every constraint, checked by ``IndependentCheck`` from the
/// scenario's numbers (not through the engine's own Verification).
@Suite("Property: allocations satisfy every constraint")
struct AllocationPropertyTests {
    /// SyntheticRegion as generated is feasible by construction: always optimal, always valid.
    @Test("synthetic regions of 2–12 municipalities: optimal and valid")
    func syntheticRegions() async {
        let cases = PropertyCases()
        await propertyCheck(count: 60, input: Gen.int(in: 2...12), Gen.uint64(in: 1...1_000_000_000)) { size, seed in
            let scenario = SyntheticRegion.scenario(municipalities: size, seed: seed)
            let result = FairShare.solve(scenario)
            cases.checked()
            #expect(
                result.status == .optimal, "\(size) municipalities, seed \(seed): \(result.failure?.description ?? "")")
            #expect(result.levels == [.fairness])
            let problems = IndependentCheck.violations(of: result, in: scenario)
            #expect(problems.isEmpty, "\(size) municipalities, seed \(seed): \(problems.prefix(5))")
        }
        cases.expectChecked()
    }

    /// With random extra requirements of every family (and soft modes, norm max, whole numbers on tiny regions):
    /// the status is optimal, infeasible or (integer, time limit) feasible; every allocation is valid.
    @Test("synthetic regions with random extra requirements: every allocation valid")
    func perturbedRegions() async {
        let cases = PropertyCases()
        await propertyCheck(
            count: 100, input: Gen.int(in: 2...12), Gen.uint64(in: 1...1_000_000_000), Gen.uint64(in: 0...UInt64.max)
        ) { size, seed, perturbation in
            let document = ScenarioGenerator.document(
                municipalities: size, seed: seed, perturbation: perturbation, integer: true)
            let label = "size \(size), seed \(seed), perturbation \(perturbation)"
            let scenario: Scenario
            do {
                scenario = try ScenarioGenerator.load(document)
            } catch {
                Issue.record("generated scenario is invalid (\(label)): \(error)")
                return
            }
            let result = FairShare.solve(scenario)
            cases.checked()
            #expect(
                [.optimal, .infeasible, .feasible].contains(result.status),
                "\(label): \(result.status) \(result.failure?.description ?? "")")
            guard result.hasAllocation else { return }
            var expectedLevels: [Level] = []
            let soft =
                scenario.region.targets.contains { $0.mode == .soft }
                || scenario.priorityGroups.contains { $0.mode == .soft && $0.demand.min > 0 }
                || scenario.careQualities.contains { $0.mode == .soft && $0.demand.min > 0 }
            if soft { expectedLevels.append(.shortfall) }
            expectedLevels.append(.fairness)
            if scenario.fairness.norm == .max { expectedLevels.append(.tiebreak) }
            if result.status == .optimal { #expect(result.levels == expectedLevels, "\(label)") }
            let problems = IndependentCheck.violations(of: result, in: scenario)
            #expect(problems.isEmpty, "\(label): \(problems.prefix(5))")
        }
        cases.expectChecked()
    }
}
