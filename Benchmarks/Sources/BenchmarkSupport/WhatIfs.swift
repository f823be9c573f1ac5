import FairShareEngine
import FairShareScenario
import FairShareSynthetic

/// What-if variants of a scenario: merge patches that move the regional task, the targets, the demands and the
/// fairness norm, the way an analyst tries alternatives. Deterministic (FairShareSynthetic's SplitMix64 from `seed`).
public enum WhatIfs {
    /// `count` patches for the Drechtsteden scenario (its region, target, group and care ids).
    public static func drechtstedenPatches(count: Int, seed: UInt64 = 42) -> [JSONValue] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let low = (8_500 + 1_000 * random.unit()).rounded()
            let high = (low + 500 + 1_000 * random.unit()).rounded()
            let social = 0.25 + 0.08 * random.unit()
            let affordable = 0.60 + 0.07 * random.unit()
            let statushouders = (1_500 + 400 * random.unit()).rounded()
            let zeroStep = (2_300 + 600 * random.unit()).rounded()
            return Fixtures.object([
                ("region", Fixtures.object([
                    ("newHomes", Fixtures.object([("min", .number(low)), ("max", .number(high))])),
                    ("targets", Fixtures.object([
                        ("social-30", Fixtures.object([("minShare", .number(social))])),
                        ("affordable-2-3", Fixtures.object([("minShare", .number(affordable))])),
                    ])),
                ])),
                ("priorityGroups", Fixtures.object([
                    ("statushouders", Fixtures.object([("demand", .number(statushouders))])),
                ])),
                ("care", Fixtures.object([
                    ("zero-step", Fixtures.object([("demand", Fixtures.object([("min", .number(zeroStep))]))])),
                ])),
                ("fairness", Fixtures.object([("norm", .string(index % 4 == 3 ? "max" : "sum"))])),
            ])
        }
    }

    /// Applies a patch to `base`, validates the result and solves it: one what-if, as an analyst runs it.
    public static func solve(_ patch: JSONValue, on base: Scenario, loader: ScenarioLoader = ScenarioLoader())
        -> FairShareResult
    {
        do {
            return FairShare.solve(try loader.read(base.document.mergePatched(with: patch)))
        } catch {
            fatalError("what-if patch is invalid: \(error)")
        }
    }
}
