import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import FairShareTestSupport
import PropertyBased
import Testing

/// docs/model.md §9 as a property: synthetic regions cut into 2–4 periods, the first ones realised with random
/// figures, per-period statushouder tasks with a random carry-over rule, capacities per period, a target per period,
/// every norm, both fairness choices and whole numbers. Every allocation satisfies every requirement of every period
/// (``PeriodCheck``, independent of the engine); a scenario whose facts cannot be met is infeasible with a
/// diagnosis.
@Suite("Property: multi-period allocations satisfy every requirement")
struct PeriodPropertyTests {
    static func number(_ value: JSONValue?) -> Double {
        if case .number(let number)? = value { return number }
        return 0
    }

    static func document(size: Int, seed: UInt64, draw: UInt64) -> JSONValue {
        var random = SplitMix64(seed: draw)
        var document = SyntheticRegion.document(municipalities: size, seed: seed)
        let count = 2 + random.index(3)
        let realised = random.index(count)
        let demand = number(document.value(at: ["priorityGroups", "statushouders", "demand"]))
        var periods: [(key: String, value: JSONValue)] = []
        for t in 0..<count {
            periods.append(
                (
                    "y\(t)",
                    .object(
                        JSONObject([
                            ("start", .string("\(2025 + t)-01")), ("end", .string("\(2025 + t)-12")),
                            (
                                "priorityGroups",
                                .object(
                                    JSONObject([
                                        (
                                            "statushouders",
                                            .object(
                                                JSONObject([
                                                    (
                                                        "demand",
                                                        .object(
                                                            JSONObject([
                                                                (
                                                                    "min",
                                                                    .number(
                                                                        (demand / Double(count) * 0.8).rounded(.down))
                                                                )
                                                            ]))
                                                    )
                                                ]))
                                        )
                                    ]))
                            ),
                        ]))
                ))
        }
        document = document.setting(.object(JSONObject(periods)), at: ["periods"])
        let rules = ["next", "spread", "none"]
        document = document.setting(
            .object(
                JSONObject([
                    ("arrears", .string(rules[random.index(3)])),
                    ("surplus", .string(random.chance(0.5) ? "credit" : "none")),
                ])), at: ["priorityGroups", "statushouders", "carryOver"])
        if random.chance(0.5) {
            document = document.setting(.bool(true), at: ["region", "targets", "social-30", "perPeriod"])
        }
        let norms = ["sum", "max", "leximin"]
        document = document.setting(.string(norms[random.index(3)]), at: ["fairness", "norm"])
        if random.chance(0.3) { document = document.setting(.string("horizon"), at: ["fairness", "over"]) }
        if random.chance(0.2) { document = document.setting(.bool(true), at: ["solver", "integer"]) }
        for id in ScenarioGenerator.municipalityIDs(document) {
            let here: JSONPath = ["municipalities", .member(id)]
            let low = number(document.value(at: here + ["newHomes", "min"]))
            let high = number(document.value(at: here + ["newHomes", "max"]))
            for t in 0..<count {
                let at = here + ["periods", .member("y\(t)")]
                if t < realised {
                    let built = (low / Double(count) * (0.5 + random.unit())).rounded()
                    let social = (built * 0.4 * random.unit()).rounded()
                    let placed = (demand / Double(size * count) * 1.5 * random.unit()).rounded()
                    document = document.setting(
                        .object(
                            JSONObject([
                                ("social-rent", .number(social)), ("market", .number(built - social)),
                                ("statushouders", .number(placed)),
                            ])), at: at + "realised")
                } else if random.chance(0.5) {
                    document = document.setting(
                        .object(JSONObject([("max", .number((high / Double(count) * 1.5).rounded()))])),
                        at: at + "newHomes")
                }
            }
        }
        return document
    }

    /// Found by the property below: a target per period met to the rounding of its figures (0.621266 against
    /// 0.621267) was reported as a violated requirement. Every figure is written to a millionth of a home on its own.
    @Test("the case the property found: a per-period target met to the rounding of its figures")
    func roundingOfAPeriodTarget() throws {
        let scenario = try ScenarioGenerator.load(
            Self.document(size: 4, seed: 500_500_989, draw: 4_074_870_560_262_650_942))
        let result = FairShare.solve(scenario)
        #expect([.optimal, .infeasible].contains(result.status), "\(result.failure?.description ?? "")")
        if result.hasAllocation { #expect(IndependentCheck.violations(of: result, in: scenario).isEmpty) }
    }

    @Test("2–8 municipalities over 2–4 periods: every allocation valid, every refusal diagnosed")
    func periods() async {
        let cases = PropertyCases()
        let solvedCases = PropertyCases()
        await propertyCheck(
            count: 60, input: Gen.int(in: 2...8), Gen.uint64(in: 1...1_000_000_000), Gen.uint64(in: 0...UInt64.max)
        ) { size, seed, draw in
            let label = "size \(size), seed \(seed), draw \(draw)"
            guard let scenario = try? ScenarioGenerator.load(Self.document(size: size, seed: seed, draw: draw)) else {
                Issue.record("the generated scenario is invalid: \(label)")
                return
            }
            let result = FairShare.solve(scenario)
            cases.checked()
            #expect(
                [.optimal, .feasible, .infeasible].contains(result.status),
                "\(label): \(result.status) \(result.failure?.description ?? "")")
            if result.hasAllocation {
                solvedCases.checked()
                #expect(result.periods.count == scenario.periods.count)
                let problems = IndependentCheck.violations(of: result, in: scenario)
                #expect(problems.isEmpty, "\(label): \(problems.prefix(5))")
            } else if result.status == .infeasible {
                #expect(result.diagnosis != nil, "\(label): infeasible without a diagnosis")
            }
        }
        cases.expectChecked(atLeast: 60)
        solvedCases.expectChecked(atLeast: 20, "solved cases")
    }
}
