import FairShareEngine
import FairShareScenario
import Testing

/// C1–C3: care demand, the share of new homes with a care quality, and local care ranges, each binding in a
/// tiny scenario worked out by hand (docs/model.md §3). Care qualities are fair by their key (population here).
@Suite("Constraints C1–C3 (care qualities)")
struct CareConstraintTests {
    /// Two towns, equal population, each building exactly 100 homes, so C2 (default share 1: z ≤ 100) is slack.
    static func twoTowns(demand: String, careA: String = "{}", careB: String = "{}") -> String {
        """
        {"format": "fairshare-scenario/1", "name": "C",
         "segments": {"homes": {}},
         "care": {"zs": {"demand": \(demand)}},
         "municipalities": {
           "A": {"name": "A", "population": 1000, "newHomes": 100, "care": {"zs": \(careA)}},
           "B": {"name": "B", "population": 1000, "newHomes": 100, "care": {"zs": \(careB)}}}}
        """
    }

    /// C1 min. Demand 60..90, A at most 10: deviation b − a = Z − 2a ≥ 60 − 20 = 40 at Z = 60, a = 10.
    /// Unique: A 10, B 50.
    @Test("C1: demand.min binds")
    func demandMinimum() throws {
        let result = try solveScenario(Self.twoTowns(demand: #"{"min": 60, "max": 90}"#, careA: #"{"max": 10}"#))
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 40))
        #expect(isClose(result["A"].care["zs"], 10))
        #expect(isClose(result["B"].care["zs"], 50))
        #expect(isClose(result.region.care.first?.placed, 60))
        #expect(result.region.care.first?.shortfall == 0)
    }

    /// C1 max. Demand 60..90, B at least 70: deviation b − a = 2b − Z ≥ 140 − 90 = 50 at b = 70, Z = 90.
    /// Unique: A 20, B 70.
    @Test("C1: demand.max binds")
    func demandMaximum() throws {
        let result = try solveScenario(Self.twoTowns(demand: #"{"min": 60, "max": 90}"#, careB: #"{"min": 70}"#))
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 50))
        #expect(isClose(result["A"].care["zs"], 20))
        #expect(isClose(result["B"].care["zs"], 70))
        #expect(isClose(result.region.care.first?.placed, 90))
    }

    /// C2. maxShareOfNewHomes 0.5; A builds exactly 40, B exactly 200; demand exactly 80 → fair 40 each.
    /// z_A ≤ 0.5 · 40 = 20 (z_B ≤ 100 is slack). Deviation (40 − a) + (b − 40) = 80 − 2a ≥ 40 at a = 20.
    /// Unique: A 20, B 60; fairness 40.
    @Test("C2: maxShareOfNewHomes binds")
    func shareOfNewHomes() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "C2",
             "segments": {"homes": {}},
             "care": {"zs": {"demand": 80, "maxShareOfNewHomes": 0.5}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "newHomes": 40},
               "B": {"name": "B", "population": 1000, "newHomes": 200}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 40))
        #expect(isClose(result["A"].care["zs"], 20))
        #expect(isClose(result["B"].care["zs"], 60))
    }

    /// C3. Three towns, equal population, 100 homes each, demand exactly 90 → fair 30 each. A at least 40,
    /// B at most 20: as for P3, the unique optimum is A 40, B 20, C 30 with fairness 10 + 10 + 0 = 20.
    @Test("C3: care min and max bind")
    func careRanges() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "C3",
             "segments": {"homes": {}},
             "care": {"zs": {"demand": 90}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "newHomes": 100, "care": {"zs": {"min": 40}}},
               "B": {"name": "B", "population": 1000, "newHomes": 100, "care": {"zs": {"max": 20}}},
               "C": {"name": "C", "population": 1000, "newHomes": 100}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 20))
        #expect(isClose(result["A"].care["zs"], 40))
        #expect(isClose(result["B"].care["zs"], 20))
        #expect(isClose(result["C"].care["zs"], 30))
    }
}
