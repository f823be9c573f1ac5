import FairShareEngine
import FairShareScenario
import FairShareSynthetic

/// Generated scenarios for the property tests: a `SyntheticRegion` document (feasible by construction) with,
/// optionally, random extra requirements of every family — local limits (L2–L4), realised homes, placement and
/// care ranges (P3, C3), soft modes, a maxShare target, norm `max`, item weights, integer mode on tiny regions.
/// Extra requirements may make a scenario infeasible; that is allowed, a wrong allocation is not.
enum ScenarioGenerator {
    /// A JSON Merge Patch that sets `value` at `path`.
    static func patch(_ path: [String], _ value: JSONValue) -> JSONValue {
        path.reversed().reduce(value) { inner, key in .object(JSONObject([(key: key, value: inner)])) }
    }

    /// `document` with `value` set at `path`.
    static func setting(_ document: JSONValue, _ path: [String], _ value: JSONValue) -> JSONValue {
        document.mergePatched(with: patch(path, value))
    }

    static func load(_ document: JSONValue) throws -> Scenario {
        try ScenarioLoader().read(document)
    }

    /// SyntheticRegion with random extra requirements drawn from `perturbation`.
    /// `integer`: whether tiny regions (≤ 4 municipalities) may be solved in whole numbers (mipGap 0.01), whose
    /// optima are exact only within the gap — leave it off where optima are compared.
    static func document(
        municipalities count: Int, seed: UInt64, perturbation: UInt64, integer: Bool = false
    ) -> JSONValue {
        var document = SyntheticRegion.document(municipalities: count, seed: seed)
        let base = SyntheticRegion.scenario(municipalities: count, seed: seed)
        var random = SplitMix64(seed: perturbation)
        for municipality in base.municipalities {
            let here = ["municipalities", municipality.id]
            let stock = municipality.totalStock
            let social = municipality.stock["social-rent"] ?? 0
            let currentShare = stock > 0 ? social / stock : 0
            func set(_ path: [String], _ value: Double) {
                document = setting(document, here + path, .number(value))
            }
            if random.chance(0.3) { set(["limits", "social-rent", "maxNewShare"], 0.5 + 0.4 * random.unit()) }
            if random.chance(0.2) { set(["limits", "social-rent", "minNewShare"], 0.05 + 0.15 * random.unit()) }
            if random.chance(0.2) { set(["limits", "mid-rent", "max"], (stock * 0.01 * random.unit()).rounded()) }
            if random.chance(0.2) { set(["limits", "market", "min"], (stock * 0.005 * random.unit()).rounded()) }
            if random.chance(0.2) {
                set(["limits", "social-rent", "maxStockShare"], min(1, currentShare + 0.02 + 0.1 * random.unit()))
            }
            if random.chance(0.15) {
                set(["limits", "social-rent", "minStockShare"], max(0, currentShare - 0.05 * random.unit()))
            }
            if random.chance(0.2) { set(["realised", "social-rent"], (stock * 0.005 * random.unit()).rounded()) }
            // Ranges: a max, a min, or both (min ≤ max, as validation requires).
            var placementsMax = Double.infinity
            if random.chance(0.2) {
                placementsMax = (municipality.lettings * 0.3 * random.unit()).rounded()
                set(["placements", "statushouders", "max"], placementsMax)
            }
            if random.chance(0.1) {
                set(
                    ["placements", "statushouders", "min"],
                    min(placementsMax, (municipality.lettings * 0.05 * random.unit()).rounded()))
            }
            var careMax = Double.infinity
            if random.chance(0.1) {
                careMax = (municipality.newHomes.max * 0.3 * random.unit()).rounded()
                set(["care", "zero-step", "max"], careMax)
            }
            if random.chance(0.2) {
                set(
                    ["care", "zero-step", "min"],
                    min(careMax, (municipality.newHomes.min * 0.2 * random.unit()).rounded()))
            }
        }
        if random.chance(0.3) {
            document = setting(document, ["region", "targets", "affordable-2-3", "mode"], .string("soft"))
            document = setting(
                document, ["region", "targets", "affordable-2-3", "weight"],
                .number(1 + Double(random.index(3))))
        }
        if random.chance(0.3) {
            document = setting(document, ["priorityGroups", "statushouders", "mode"], .string("soft"))
        }
        if random.chance(0.2) { document = setting(document, ["care", "zero-step", "mode"], .string("soft")) }
        if random.chance(0.2) {
            document = setting(document, ["region", "targets", "social-30", "maxShare"], .number(0.45))
        }
        if random.chance(0.15) {
            document = setting(
                document, ["region", "targets", "market-max"],
                .object(
                    JSONObject([
                        (key: "segments", value: .array([.string("market")])), (key: "maxShare", value: .number(0.3)),
                    ])))
        }
        if random.chance(0.3) { document = setting(document, ["fairness", "norm"], .string("max")) }
        if random.chance(0.2) {
            document = setting(document, ["segments", "social-rent", "fair", "weight"], .number(2))
        }
        if random.chance(0.2) {
            document = setting(
                document, ["segments", "market", "fair"],
                .object(
                    JSONObject([
                        (key: "rule", value: .string("proportional")),
                        (
                            key: "key",
                            value: .object(
                                JSONObject([
                                    (key: "population", value: .number(1)),
                                    (key: "stock", value: .number(1)),
                                ]))
                        ),
                    ])))
        }
        if integer, count <= 4, random.chance(0.1) {
            document = setting(
                document, ["solver"],
                .object(
                    JSONObject([
                        (key: "integer", value: .bool(true)), (key: "mipGap", value: .number(0.01)),
                        (key: "timeLimit", value: .number(3)),
                    ])))
        }
        return document
    }

    /// The municipality ids of a document, in document order.
    static func municipalityIDs(_ document: JSONValue) -> [String] {
        document.object?["municipalities"]?.object?.keys ?? []
    }

    /// `document` with its municipalities listed in `order` (ids) and renamed by `rename`.
    /// `document` with its municipalities listed in a shuffled order under new ids (a random prefix each, so
    /// that the sorted order is unrelated to the old one), and the new id of each old one.
    static func renamedAndShuffled(_ document: JSONValue, seed: UInt64) -> (
        document: JSONValue, names: [String: String]
    ) {
        var random = SplitMix64(seed: seed)
        var order = municipalityIDs(document)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, random.index(i + 1)) }
        var names: [String: String] = [:]
        for (k, id) in order.enumerated() { names[id] = "m\(random.next() % 100_000)-\(k)" }
        return (relisted(document, order: order) { names[$0]! }, names)
    }

    static func relisted(_ document: JSONValue, order: [String], rename: (String) -> String) -> JSONValue {
        guard var top = document.object, let municipalities = top["municipalities"]?.object else { return document }
        top["municipalities"] = .object(JSONObject(order.map { (key: rename($0), value: municipalities[$0]!) }))
        return .object(top)
    }

    /// The level optima of a result as a tuple in level order (shortfall, fairness, tiebreak).
    static func optima(_ result: FairShareResult) -> [Double] { result.objective.map(\.value) }
}

/// The property tests' draws from FairShareSynthetic's SplitMix64 stream: portable, so that a failing case is
/// reproduced by its seeds.
extension SplitMix64 {
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }
    /// Uniform in 0..<count.
    mutating func index(_ count: Int) -> Int { Int(next() % UInt64(count)) }
}
