import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import FairShareTestSupport
import PropertyBased
import Testing

/// Property (d): adding a constraint shrinks the feasible set, so the tuple of level optima can only grow
/// lexicographically (or the scenario becomes infeasible, which is worse than any optimum).
@Suite("Property: a tighter scenario is never better")
struct MonotonicityPropertyTests {
    /// Whether `tighter` ≥ `base` lexicographically: at the first level whose optima differ by more than
    /// 1e-6 relative, the tighter one is larger.
    static func lexicographicallyNotLower(_ tighter: [Double], _ base: [Double]) -> Bool {
        for (t, b) in zip(tighter, base) where abs(t - b) > 1e-6 * max(1, abs(b)) {
            return t > b
        }
        return true
    }

    @Test("tightening one municipality never lowers the level optima")
    func tighteningNeverHelps() async throws {
        let cases = PropertyCases()
        await propertyCheck(
            count: 80, input: Gen.int(in: 2...12), Gen.uint64(in: 1...1_000_000_000), Gen.uint64(in: 0...UInt64.max)
        ) { size, seed, perturbation in
            let label = "size \(size), seed \(seed), perturbation \(perturbation)"
            let document = ScenarioGenerator.document(municipalities: size, seed: seed, perturbation: perturbation)
            do {
                let scenario = try ScenarioGenerator.load(document)
                let base = FairShare.solve(scenario)
                guard base.status == .optimal else { return }
                cases.checked()
                var random = SplitMix64(seed: perturbation ^ 0xD1CE)
                let municipality = scenario.municipalities[random.index(scenario.municipalities.count)]
                let allocation = base[municipality.id]
                let here = ["municipalities", municipality.id]
                // Below the current allocation by δ ∈ [0.5, 0.5 + 30% of it], never below the matching minimum.
                func below(_ value: Double, floor: Double) -> Double {
                    max(floor, value - 0.5 - 0.3 * value * random.unit())
                }
                let tightened: JSONValue
                let what: String
                switch random.index(4) {
                case 0:
                    let bound = below(allocation.total, floor: municipality.newHomes.min)
                    tightened = ScenarioGenerator.setting(document, here + ["newHomes", "max"], .number(bound))
                    what = "newHomes.max \(bound)"
                case 1:
                    let segment = scenario.segments[random.index(scenario.segments.count)].id
                    let bound = below(allocation.newHomes[segment] ?? 0, floor: municipality.limits[segment]?.min ?? 0)
                    tightened = ScenarioGenerator.setting(document, here + ["limits", segment, "max"], .number(bound))
                    what = "limits.\(segment).max \(bound)"
                case 2:
                    let bound = below(
                        allocation.placements["statushouders"] ?? 0,
                        floor: municipality.placements["statushouders"]?.min ?? 0)
                    tightened = ScenarioGenerator.setting(
                        document, here + ["placements", "statushouders", "max"], .number(bound))
                    what = "placements.statushouders.max \(bound)"
                default:
                    let bound = below(
                        allocation.care["zero-step"] ?? 0, floor: municipality.care["zero-step"]?.min ?? 0)
                    tightened = ScenarioGenerator.setting(
                        document, here + ["care", "zero-step", "max"], .number(bound))
                    what = "care.zero-step.max \(bound)"
                }
                let result = FairShare.solve(try ScenarioGenerator.load(tightened))
                #expect(
                    [.optimal, .infeasible].contains(result.status),
                    "\(label), \(municipality.id) \(what): \(result.status)")
                guard result.status == .optimal else { return }
                let before = ScenarioGenerator.optima(base)
                let after = ScenarioGenerator.optima(result)
                #expect(result.levels == base.levels)
                #expect(
                    Self.lexicographicallyNotLower(after, before),
                    "\(label), \(municipality.id) \(what): \(before) → \(after)")
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
        cases.expectChecked()
    }
}
