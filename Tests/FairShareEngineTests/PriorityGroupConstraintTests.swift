import FairShareEngine
import FairShareScenario
import Testing

/// P1–P3: priority-group demand, the priority share of lettings, and local placement ranges, each binding in a
/// tiny scenario worked out by hand (docs/model.md §3). Priority groups are always fair by their key (population
/// here), so the fairness optimum is the deviation of placements from their fair shares.
@Suite("Constraints P1–P3 (priority groups)")
struct PriorityGroupConstraintTests {
    /// Two towns, equal population, plenty of lettings (1000 each, share 1) so P2 never binds.
    static func twoTowns(demand: String, placementsA: String = "{}", placementsB: String = "{}") -> String {
        """
        {"format": "fairshare-scenario/1", "name": "P",
         "segments": {"homes": {}},
         "priorityGroups": {"sh": {"demand": \(demand), "key": "population"}},
         "municipalities": {
           "A": {"name": "A", "population": 1000, "lettings": 1000, "placements": {"sh": \(placementsA)}},
           "B": {"name": "B", "population": 1000, "lettings": 1000, "placements": {"sh": \(placementsB)}}}}
        """
    }

    /// P1 min. Demand 60..90, A may place at most 10. F = Y/2 each; deviation (Y/2 − a) + (b − Y/2) = b − a =
    /// Y − 2a ≥ 60 − 20 = 40, reached only at Y = 60 (demand.min binds), a = 10. Unique: A 10, B 50.
    @Test("P1: demand.min binds")
    func demandMinimum() throws {
        let result = try solveScenario(Self.twoTowns(demand: #"{"min": 60, "max": 90}"#, placementsA: #"{"max": 10}"#))
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 40))
        #expect(isClose(result["A"].placements["sh"], 10))
        #expect(isClose(result["B"].placements["sh"], 50))
        #expect(isClose(result.region.priorityGroups.first?.placed, 60))
        #expect(result.region.priorityGroups.first?.shortfall == 0)
    }

    /// P1 max. Demand 60..90, B must place at least 70. Deviation b − a = 2b − Y ≥ 140 − 90 = 50, reached only
    /// at b = 70 and Y = 90 (demand.max binds). Unique: A 20, B 70.
    @Test("P1: demand.max binds")
    func demandMaximum() throws {
        let result = try solveScenario(Self.twoTowns(demand: #"{"min": 60, "max": 90}"#, placementsB: #"{"min": 70}"#))
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 50))
        #expect(isClose(result["A"].placements["sh"], 20))
        #expect(isClose(result["B"].placements["sh"], 70))
        #expect(isClose(result.region.priorityGroups.first?.placed, 90))
    }

    /// P2. Demand exactly 60, equal population → fair 30 each.
    /// A: 100 existing lettings, maxPriorityShare 0.1, builds exactly 100 homes of which social (lettable) is
    /// pinned to 50 by limits {min 50, max 50}; market (not lettable) gets the other 50.
    /// Cap: y_A ≤ 0.1 · (100 + 50) = 15 (counting market too would give 20). B has 1000 lettings, share 1.
    /// Deviation (30 − a) + (b − 30) = b − a = 60 − 2a ≥ 30 at a = 15. Unique: A 15, B 45; fairness 30.
    @Test("P2: maxPriorityShare × (lettings + new lettable homes) binds")
    func priorityShare() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "P2",
             "segments": {"social": {"lettable": true}, "market": {}},
             "priorityGroups": {"sh": {"demand": 60}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "newHomes": 100, "lettings": 100, "maxPriorityShare": 0.1,
                     "limits": {"social": {"min": 50, "max": 50}}},
               "B": {"name": "B", "population": 1000, "lettings": 1000}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 30))
        #expect(isClose(result["A"].placements["sh"], 15))
        #expect(isClose(result["B"].placements["sh"], 45))
        #expect(isClose(result["A"].newHomes["market"], 50))
    }

    /// P2 with new lettable homes as the lever. A has no lettings and maxPriorityShare 0.5; its new social homes
    /// are lettable and it builds up to 40 homes (newHomes.max). Demand exactly 20, fair 10 each.
    /// No segment is fair, so building costs nothing: A builds 40 social → cap 0.5 · 40 = 20 ≥ 10, and the
    /// fair division 10 / 10 is reachable: fairness 0 (with only market or no building it would be 20).
    @Test("P2: new lettable homes raise the cap")
    func newLettableHomes() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "P2 new homes",
             "segments": {"social": {"lettable": true}, "market": {}},
             "priorityGroups": {"sh": {"demand": 20}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "newHomes": {"max": 40}, "maxPriorityShare": 0.5},
               "B": {"name": "B", "population": 1000, "lettings": 1000}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 0))
        #expect(isClose(result["A"].placements["sh"], 10))
        #expect((result["A"].newHomes["social"] ?? 0) >= 20 - 1e-6)  // 0.5 · social ≥ 10
    }

    /// P3. Three towns, equal population, demand exactly 90 → fair 30 each. A must place at least 40, B at most
    /// 20. Deviation (a − 30) + (30 − b) + |c − 30| with c = 90 − a − b: at a = 40, b = 20, c = 30 it is
    /// 10 + 10 + 0 = 20; raising a or lowering b costs 1 and moves c off 30 by 1, so this is the unique optimum.
    @Test("P3: placements min and max bind")
    func placementRanges() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "P3",
             "segments": {"homes": {}},
             "priorityGroups": {"sh": {"demand": 90}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "lettings": 1000, "placements": {"sh": {"min": 40}}},
               "B": {"name": "B", "population": 1000, "lettings": 1000, "placements": {"sh": {"max": 20}}},
               "C": {"name": "C", "population": 1000, "lettings": 1000}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 20))
        #expect(isClose(result["A"].placements["sh"], 40))
        #expect(isClose(result["B"].placements["sh"], 20))
        #expect(isClose(result["C"].placements["sh"], 30))
        #expect(isClose(result["C"].fairShare["sh"], 30))
        #expect(isClose(result["A"].deviation["sh"], 10))
    }
}
