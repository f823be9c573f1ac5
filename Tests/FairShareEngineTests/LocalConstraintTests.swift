import FairShareEngine
import FairShareScenario
import Testing

/// L1–L4: each family binds in a tiny scenario whose allocation is worked out by hand (docs/model.md §3).
///
/// The pattern: a segment with a `proportional` fair rule wants every municipality at its fair share; a local
/// limit pushes one municipality off it, and the fairness optimum is exactly what the limit costs.
@Suite("Constraints L1–L4 (municipal limits)")
struct LocalConstraintTests {
    /// L1. One segment, fair by population 1 : 1 : 1, region exactly 90 homes → fair share 30 each.
    /// A may build at most 20 (newHomes.max), B at least 40 (newHomes.min), C is free.
    /// Deviation = (30 − a) + (b − 30) + |c − 30| with c = 90 − a − b. With a ≤ 20 and b ≥ 40 the first two terms
    /// are at least 10 each, with equality only at a = 20, b = 40, where c = 30 and the third term is 0.
    /// Unique optimum: A 20, B 40, C 30; fairness 20.
    @Test("L1: newHomes.max and newHomes.min bind")
    func newHomesRange() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "L1",
             "segments": {"homes": {"fair": {"rule": "proportional", "key": "population"}}},
             "region": {"newHomes": 90},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "newHomes": {"max": 20}},
               "B": {"name": "B", "population": 1000, "newHomes": {"min": 40}},
               "C": {"name": "C", "population": 1000}}}
            """)
        #expect(result.status == .optimal)
        #expect(result.levels == [.fairness])
        #expect(isClose(result.optimum(.fairness), 20))
        #expect(isClose(result["A"].total, 20))
        #expect(isClose(result["B"].total, 40))
        #expect(isClose(result["C"].total, 30))
        #expect(isClose(result["C"].fairShare["homes"], 30))
        #expect(isClose(result["A"].deviation["homes"], 10))
        #expect(isClose(result.region.total, 90))
    }

    /// L2 and realised. Social rent fair by population 1 : 1 : 1 (F = X/3 each); region 100 homes, of which at
    /// least 60% social (X ≥ 60); market takes the rest and has no fair rule.
    /// A: limits.max 10 → a ≤ 10. B: limits.min 30 → b ≥ 30. C: realised 25 with limits.min 5 → c ≥ max(25, 5) = 25.
    /// At a = 10, b = 30, c = 25: X = 65, m = X/3 = 65/3 ≈ 21.667; a < m < c < b, so the objective is locally
    /// (m − a) + (b − m) + (c − m) = −a + b + c − m = −4a/3 + 2b/3 + 2c/3, which grows in every feasible direction
    /// (a down, b up, c up) — the LP is convex, so this vertex is the unique optimum.
    /// Fairness = (65/3 − 10) + (30 − 65/3) + (25 − 65/3) = 20 + 10/3 = 70/3 ≈ 23.3333. X = 65 ≥ 60 holds.
    /// (Had realised been ignored, c = 20, X = 60 would give 10 + 10 + 0 = 20 — lower, so the test tells them apart.)
    @Test("L2: limits.min, limits.max and realised bind")
    func segmentLimitsAndRealised() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "L2",
             "segments": {"social": {"fair": {"rule": "proportional", "key": "population"}}, "market": {}},
             "region": {"newHomes": 100, "targets": {"social-60": {"segments": ["social"], "minShare": 0.6}}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "limits": {"social": {"max": 10}}},
               "B": {"name": "B", "population": 1000, "limits": {"social": {"min": 30}}},
               "C": {"name": "C", "population": 1000, "realised": {"social": 25}, "limits": {"social": {"min": 5}}}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 70.0 / 3))
        #expect(isClose(result["A"].newHomes["social"], 10))
        #expect(isClose(result["B"].newHomes["social"], 30))
        #expect(isClose(result["C"].newHomes["social"], 25))
        #expect(isClose(result.region.newHomes["social"], 65))
        #expect(isClose(result.region.newHomes["market"], 35))
        #expect(isClose(result["B"].fairShare["social"], 65.0 / 3))
    }

    /// L3. A and B each build exactly 100; social fair by population 1 : 1 (F = X/2 each); at least half of the
    /// region's 200 homes social (X ≥ 100).
    /// A: maxNewShare 0.3 → a ≤ 0.3 · 100 = 30. B: minNewShare 0.8 → b ≥ 80.
    /// Deviation |a − X/2| + |b − X/2| = b − a (as b ≥ a), smallest at b = 80, a = 30: 50; X = 110 ≥ 100.
    /// Unique: social A 30 (market 70), B 80 (market 20); fair share 55 each; fairness 50.
    @Test("L3: minNewShare and maxNewShare bind")
    func newShares() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "L3",
             "segments": {"social": {"fair": {"rule": "proportional", "key": "population"}}, "market": {}},
             "region": {"targets": {"social-50": {"segments": ["social"], "minShare": 0.5}}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "newHomes": 100, "limits": {"social": {"maxNewShare": 0.3}}},
               "B": {"name": "B", "population": 1000, "newHomes": 100, "limits": {"social": {"minNewShare": 0.8}}}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 50))
        #expect(isClose(result["A"].newHomes["social"], 30))
        #expect(isClose(result["A"].newHomes["market"], 70))
        #expect(isClose(result["B"].newHomes["social"], 80))
        #expect(isClose(result["B"].newHomes["market"], 20))
        #expect(isClose(result["A"].fairShare["social"], 55))
    }

    /// L4. Both build exactly 100; social fair by population 1 : 1; X ≥ 0.5 · 200 = 100.
    /// A: stock social 100 + market 100 (T = 200), maxStockShare 0.4 → 100 + a ≤ 0.4 · (200 + 100) = 120 → a ≤ 20.
    /// B: stock market 200 (T = 200, no social), minStockShare 0.3 → 0 + b ≥ 0.3 · 300 = 90.
    /// Deviation b − a is smallest at a = 20, b = 90: 70 (X = 110 ≥ 100). Unique.
    /// Stock share after: A (100 + 20)/300 = 0.4, B 90/300 = 0.3.
    @Test("L4: minStockShare and maxStockShare bind")
    func stockShares() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "L4",
             "segments": {"social": {"fair": {"rule": "proportional", "key": "population"}}, "market": {}},
             "region": {"targets": {"social-50": {"segments": ["social"], "minShare": 0.5}}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "stock": {"social": 100, "market": 100}, "newHomes": 100,
                     "limits": {"social": {"maxStockShare": 0.4}}},
               "B": {"name": "B", "population": 1000, "stock": {"market": 200}, "newHomes": 100,
                     "limits": {"social": {"minStockShare": 0.3}}}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 70))
        #expect(isClose(result["A"].newHomes["social"], 20))
        #expect(isClose(result["B"].newHomes["social"], 90))
        #expect(isClose(result["A"].stockShareAfter["social"], 0.4))
        #expect(isClose(result["B"].stockShareAfter["social"], 0.3))
        #expect(isClose(result["A"].stockShareBefore["social"], 0.5))
    }
}
