import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Testing

/// The statutory statushouder task (Huisvestingswet art. 29): population share of the national number, rounded
/// up, plus agreed swaps that sum to zero.
@Suite("The statutory task")
struct StatutoryTaskTests {
    static func scenario(swaps: String = "{}", extra: String = "") -> String {
        """
        {"format": "fairshare-scenario/1", "name": "a small nation",
         "segments": {"social": {"lettable": true}},
         "priorityGroups": {"statushouders": {"statutory": {"nationalNumber": 10, "nationalPopulation": 10000,
                                                            "swaps": \(swaps)}\(extra)}},
         "municipalities": {
           "A": {"name": "Aldorp", "population": 5001, "stock": {"social": 1000}, "lettings": 100},
           "B": {"name": "Bestad", "population": 2999, "stock": {"social": 1000}, "lettings": 100},
           "C": {"name": "Cewijk", "population": 2000, "stock": {"social": 1000}, "lettings": 100}}}
        """
    }

    /// By hand: 10 · 5001 / 10000 = 5.001 → 6; 10 · 2999 / 10000 = 2.999 → 3; 10 · 2000 / 10000 = 2 exactly → 2.
    /// Rounded up, the tasks sum to 11, at least the national number of 10.
    @Test("a half-year task by hand: population share, rounded up; the sum is at least the national number")
    func byHand() throws {
        let scenario = try ScenarioLoader().load(json: Self.scenario())
        let statutory = try #require(scenario.priorityGroups.first?.statutory)
        let tasks = scenario.municipalities.map { statutory.task(of: $0) }
        #expect(tasks == [6, 3, 2])
        #expect(tasks.reduce(0, +) >= statutory.nationalNumber)
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal)
        #expect(IndependentCheck.violations(of: result, in: scenario).isEmpty)
        for (municipality, task) in zip(result.municipalities, tasks) {
            #expect((municipality.placements["statushouders"] ?? 0) >= task - 1e-6, "\(municipality.name)")
        }
    }

    /// Aldorp hands 2 people over to Cewijk: 6 − 2 = 4 and 2 + 2 = 4.
    @Test("agreed swaps move the task and keep the sum")
    func swaps() throws {
        let scenario = try ScenarioLoader().load(json: Self.scenario(swaps: #"{"A": -2, "C": 2}"#))
        let statutory = try #require(scenario.priorityGroups.first?.statutory)
        #expect(scenario.municipalities.map { statutory.task(of: $0) } == [4, 3, 4])
        let result = FairShare.solve(scenario)
        #expect((result.municipality("C")?.placements["statushouders"] ?? 0) >= 4 - 1e-6)
    }

    @Test(
        "swaps that do not sum to zero, an unknown municipality, a task below zero: refused with their paths",
        arguments: [
            (#"{"A": -2, "C": 1}"#, "priorityGroups.statushouders.statutory.swaps"),
            (#"{"A": -2, "Z": 2}"#, "priorityGroups.statushouders.statutory.swaps.Z"),
            (#"{"B": -4, "C": 4}"#, "priorityGroups.statushouders.statutory.swaps.B"),
            (#"{"A": -0.5, "C": 0.5}"#, "priorityGroups.statushouders.statutory.swaps.A"),
        ])
    func refused(swaps: String, path: String) throws {
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader().load(json: Self.scenario(swaps: swaps)) }
        #expect(error?.issues.contains { $0.path.description == path } == true, "\(String(describing: error))")
    }

    /// Cewijk cannot house its 2 people: it has no lettings and builds nothing lettable. The diagnosis says how
    /// many it would have to hand over (a swap that another municipality must take, so the patch alone is not a
    /// valid scenario).
    @Test("a task a municipality cannot meet: the diagnosis names its swap")
    func diagnosis() throws {
        let json = Self.scenario().replacingOccurrences(
            of: #""C": {"name": "Cewijk", "population": 2000, "stock": {"social": 1000}, "lettings": 100}"#,
            with: #""C": {"name": "Cewijk", "population": 2000, "stock": {"social": 1000}, "newHomes": 0}"#)
        let result = FairShare.solve(try ScenarioLoader().load(json: json))
        #expect(result.status == .infeasible)
        let change = try #require(result.diagnosis?.changes.first { $0.requirement.family == "P4" })
        #expect(
            change.requirement.path
                == JSONPath(members: ["priorityGroups", "statushouders", "statutory", "swaps", "C"]))
        #expect(change.suggested == -2)
    }
}
