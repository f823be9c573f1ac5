import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import FairShareTestSupport
import Foundation
import GLPKSolver
import Testing

/// Many scenarios solved at once through the public API give exactly (byte for byte) the results of the same
/// solves made one by one. Run under ThreadSanitizer by `scripts/sanitizers.sh`.
@Suite("Concurrent solves")
struct ConcurrentSolveTests {
    /// Distinct scenarios: both shipped files with every variant, and synthetic regions of 2–13 municipalities
    /// with either norm, soft targets and an infeasible one.
    static func scenarios() throws -> [(name: String, scenario: Scenario)] {
        var out: [(String, Scenario)] = []
        let loader = ScenarioLoader()
        for file in ["drechtsteden", "three-towns"] {
            let url = Repository.root.appendingPathComponent("Scenarios/\(file).json")
            let base = try loader.load(contentsOf: url)
            out.append((file, base))
            for variant in base.variants {
                let scenario = try loader.applying(variant: variant.id, to: base)
                // Integer programmes stay out: one that reached its time limit would legitimately depend on speed.
                if !scenario.solver.integer { out.append(("\(file) --variant \(variant.id)", scenario)) }
            }
        }
        for seed in 1...30 {
            let size = 2 + (seed * 7) % 12
            var top = try #require(SyntheticRegion.document(municipalities: size, seed: UInt64(seed)).object)
            if seed % 2 == 0 { top["fairness"] = .object(JSONObject([("norm", .string("max"))])) }
            if seed % 5 == 0, var region = top["region"]?.object, var targets = region["targets"]?.object,
                var social = targets["social-30"]?.object
            {
                social["minShare"] = .number(0.9)
                social["mode"] = .string("soft")
                targets["social-30"] = .object(social)
                region["targets"] = .object(targets)
                top["region"] = .object(region)
            }
            if seed == 7, var region = top["region"]?.object {
                region["newHomes"] = .object(JSONObject([("max", .number(1))]))  // infeasible
                top["region"] = .object(region)
            }
            out.append(("synthetic \(size) seed \(seed)", try loader.read(.object(top))))
        }
        return out
    }

    @Test("16 tasks, thousands of solves of 44 scenarios: byte-identical to the solves made one by one")
    func concurrentEqualsSequential() async throws {
        let scenarios = try Self.scenarios()
        #expect(scenarios.count >= 40)
        let expected = scenarios.map { FairShare.solve($0.scenario).jsonText }
        #expect(Set(expected).count == expected.count, "some scenarios have equal results")
        let statuses = Set(scenarios.map { FairShare.solve($0.scenario).status })
        #expect(statuses.isSuperset(of: [.optimal, .infeasible]))

        let tasks = 16
        let solves = ReliabilityTestSupport.heavy ? 20_000 : 2_000
        let mismatches = await withTaskGroup(of: [String].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var wrong: [String] = []
                    for index in stride(from: task, to: solves, by: tasks) {
                        let (name, scenario) = scenarios[index % scenarios.count]
                        // Every third solve through the cancellable entry point with a flag never set.
                        let result =
                            index % 3 == 0
                            ? FairShare.solve(scenario, options: SolveOptions(cancellation: SolverCancellation()))
                            : FairShare.solve(scenario, options: SolveOptions())
                        if result.jsonText != expected[index % scenarios.count] { wrong.append("\(index): \(name)") }
                    }
                    return wrong
                }
            }
            var all: [String] = []
            for await wrong in group { all += wrong }
            return all
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(solves) differ: \(mismatches.prefix(10))")
    }

    @Test("8 tasks each cancelling its solves part-way while 8 others solve: no interference")
    func cancellationsDoNotLeak() async throws {
        let scenario = SyntheticRegion.scenario(municipalities: 20, seed: 3)
        let expected = await FairShare.solve(scenario).jsonText
        let results = await withTaskGroup(of: (cancelled: Int, wrong: Int).self) { group in
            for task in 0..<16 {
                group.addTask {
                    var cancelled = 0
                    var wrong = 0
                    for _ in 0..<(ReliabilityTestSupport.heavy ? 100 : 10) {
                        if task % 2 == 0 {
                            let flag = SolverCancellation()
                            flag.cancel()
                            let result = FairShare.solve(scenario, options: SolveOptions(cancellation: flag))
                            if result.failure == .cancelled { cancelled += 1 }
                        } else if FairShare.solve(scenario, options: SolveOptions()).jsonText != expected {
                            wrong += 1
                        }
                    }
                    return (cancelled, wrong)
                }
            }
            var total = (cancelled: 0, wrong: 0)
            for await result in group { total = (total.cancelled + result.cancelled, total.wrong + result.wrong) }
            return total
        }
        #expect(results.wrong == 0)
        #expect(results.cancelled == 8 * (ReliabilityTestSupport.heavy ? 100 : 10))
    }
}
