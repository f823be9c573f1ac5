import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Testing

/// Fairness norms `sum` and `max` (docs/model.md §4) and the item weight λ, worked out by hand.
@Suite("Fairness norms and item weights")
struct FairnessNormTests {
    /// Three towns. Homes fair by population 2000 : 1000 : 1000 (w = 0.5, 0.25, 0.25, λ = 1), region exactly 100
    /// → F = 50, 25, 25; A builds at most 30, B at most 20.
    /// Group sh fair by households 1 : 1 : 2 (w = 0.25, 0.25, 0.5), weight λ = 2, demand exactly 40 → F = 10, 10,
    /// 20; C places at most 12. Lettings are ample, so homes and placements do not interact.
    static func scenario(norm: String) -> String {
        """
        {"format": "fairshare-scenario/1", "name": "norms",
         "segments": {"homes": {"fair": {"rule": "proportional", "key": "population"}}},
         "region": {"newHomes": 100},
         "priorityGroups": {"sh": {"demand": 40, "key": "households", "weight": 2}},
         "fairness": {"norm": "\(norm)"},
         "municipalities": {
           "A": {"name": "A", "population": 2000, "households": 1, "lettings": 1000, "newHomes": {"max": 30}},
           "B": {"name": "B", "population": 1000, "households": 1, "lettings": 1000, "newHomes": {"max": 20}},
           "C": {"name": "C", "population": 1000, "households": 2, "lettings": 1000,
                 "placements": {"sh": {"max": 12}}}}}
        """
    }

    /// Norm sum. Homes: deviation (50 − a) + (25 − b) + (c − 25) with c = 100 − a − b = 150 − 2a − 2b, smallest
    /// at a = 30, b = 20 (c = 50): 20 + 5 + 25 = 50, unique.
    /// Group: (20 − y_C) + (y_A − 10) + (y_B − 10) with y_A + y_B = 40 − y_C gives 40 − 2 y_C ≥ 16 at y_C = 12;
    /// how A and B share the other 28 is not unique under the sum norm, so it is not asserted.
    /// Fairness = 1 · 50 + 2 · 16 = 82; no tiebreak level.
    @Test("norm sum: Σ λ_q Σ_i d_iq")
    func sumNorm() throws {
        let result = try solveScenario(Self.scenario(norm: "sum"))
        #expect(result.status == .optimal)
        #expect(result.levels == [.fairness])
        #expect(isClose(result.optimum(.fairness), 82))
        #expect(result.optimum(.tiebreak) == nil)
        #expect(isClose(result["A"].total, 30))
        #expect(isClose(result["B"].total, 20))
        #expect(isClose(result["C"].total, 50))
        #expect(isClose(result["C"].placements["sh"], 12))
    }

    /// Norm max: fairness = Σ_q λ_q t_q with d_iq ≤ m_iq · t_q, m = w.
    /// Homes: t_h ≥ d_C / 0.25 = 4 (c − 25) and c = 100 − a − b ≥ 50 → t_h ≥ 100; at a = 30, b = 20, c = 50:
    ///   A 20 / 0.5 = 40, B 5 / 0.25 = 20, C 25 / 0.25 = 100 → t_h = 100, and c = 50 is forced (so a, b too).
    /// Group: t_g ≥ (20 − y_C) / 0.5 ≥ 8 / 0.5 = 16. At t_g = 16, A and B may each be at most 0.25 · 16 = 4 above
    ///   their 10, and together they must place 40 − y_C ≥ 28 = 20 + 8 → exactly 14 and 14, y_C = 12. Unique.
    /// Fairness = 1 · 100 + 2 · 16 = 132.
    /// Tiebreak (Σ λ Σ d on that allocation) = 1 · (20 + 5 + 25) + 2 · (4 + 4 + 8) = 50 + 32 = 82.
    @Test("norm max: Σ λ_q t_q, then the tiebreak level")
    func maxNorm() throws {
        let result = try solveScenario(Self.scenario(norm: "max"))
        #expect(result.status == .optimal)
        #expect(result.levels == [.fairness, .tiebreak])
        #expect(isClose(result.optimum(.fairness), 132))
        #expect(isClose(result.optimum(.tiebreak), 82, tolerance: 1e-5))
        #expect(isClose(result["A"].total, 30, tolerance: 1e-5))
        #expect(isClose(result["C"].total, 50, tolerance: 1e-5))
        #expect(isClose(result["A"].placements["sh"], 14, tolerance: 1e-5))
        #expect(isClose(result["B"].placements["sh"], 14, tolerance: 1e-5))
        #expect(isClose(result["C"].placements["sh"], 12, tolerance: 1e-5))
    }

    /// Where sum and max differ in the allocation: three towns, homes by population 2 : 1 : 1 (F = 50, 25, 25 of
    /// exactly 100), A at most 30. The 20 homes A cannot take go to B and C.
    /// Sum: any split with b, c ≥ 25 costs 20 + 20 = 40 (not unique).
    /// Max: t ≥ 20 / 0.5 = 40 from A; B and C may each be at most 0.25 · 40 = 10 above 25, and together they
    /// are 20 above → exactly 35 and 35. Fairness 40; tiebreak 20 + 10 + 10 = 40.
    @Test("norm max spreads an excess in proportion to size")
    func maxSpreadsExcess() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "spread",
             "segments": {"homes": {"fair": {"rule": "proportional", "key": "population"}}},
             "region": {"newHomes": 100},
             "fairness": {"norm": "max"},
             "municipalities": {
               "A": {"name": "A", "population": 2000, "newHomes": {"max": 30}},
               "B": {"name": "B", "population": 1000},
               "C": {"name": "C", "population": 1000}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 40))
        #expect(isClose(result.optimum(.tiebreak), 40, tolerance: 1e-5))
        #expect(isClose(result["B"].total, 35, tolerance: 1e-5))
        #expect(isClose(result["C"].total, 35, tolerance: 1e-5))
    }

    /// Norm max with `converge`: the size weight is m_i = T_i / Σ T. Two towns, stock 1000 and 3000 homes
    /// (m = 0.25, 0.75), all market; social converges to σ = 0.1; each town builds exactly 100.
    /// F_A = 0.1 · 1100 − 0 = 110 > 100 → a ≤ 100, deviation ≥ 10 → t ≥ 10 / 0.25 = 40.
    /// F_B = 0.1 · 3100 − 0 = 310 > 100 → deviation ≥ 210 → t ≥ 210 / 0.75 = 280.
    /// So t = 280, set by B at b = 100; A may be anywhere in [40, 100] at that level (4 (110 − a) ≤ 280), and
    /// the tiebreak (110 − a) + (310 − b) picks a = 100: tiebreak 10 + 210 = 220.
    @Test("norm max with converge uses stock shares as sizes")
    func maxNormConverge() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "max converge",
             "segments": {"social": {"fair": {"rule": "converge", "targetShare": 0.1}}, "market": {}},
             "fairness": {"norm": "max"},
             "municipalities": {
               "A": {"name": "A", "stock": {"market": 1000}, "newHomes": 100},
               "B": {"name": "B", "stock": {"market": 3000}, "newHomes": 100}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 280))
        #expect(isClose(result.optimum(.tiebreak), 220, tolerance: 1e-5))
        #expect(isClose(result["A"].newHomes["social"], 100, tolerance: 1e-5))
        #expect(isClose(result["B"].newHomes["social"], 100, tolerance: 1e-5))
    }

    /// Item weight λ decides a conflict. Two segments s1, s2, both fair by population 3000 : 1000 (F = 75, 25 of
    /// each segment's regional 100); both towns build exactly 100; a hard target fixes s1 at exactly 50% of the
    /// 200 (minShare = maxShare = 0.5) → X1 = X2 = 100.
    /// With a1 homes of s1 in A: a2 = 100 − a1, b1 = 100 − a1, b2 = a1, so
    ///   dev1 = |a1 − 75| + |b1 − 25| = |a1 − 75| + |75 − a1| = 2 |a1 − 75|,
    ///   dev2 = |a2 − 75| + |b2 − 25| = |25 − a1| + |a1 − 25| = 2 |a1 − 25|.
    /// Objective 2 λ1 |a1 − 75| + 2 λ2 |a1 − 25| over a1 ∈ [25, 75]:
    ///   λ1 = 2, λ2 = 1 → a1 = 75 (s1 gets its fair division), optimum 2 · 1 · 50 = 100;
    ///   λ1 = 1, λ2 = 2 → a1 = 25 (s2 gets its fair division), optimum 2 · 1 · 50 = 100.
    @Test("item weight λ decides which segment is divided fairly", arguments: [(2.0, 1.0), (1.0, 2.0)])
    func itemWeight(weight1: Double, weight2: Double) throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "lambda",
             "segments": {"s1": {"fair": {"rule": "proportional", "key": "population", "weight": \(weight1)}},
                          "s2": {"fair": {"rule": "proportional", "key": "population", "weight": \(weight2)}}},
             "region": {"targets": {"half": {"segments": ["s1"], "minShare": 0.5, "maxShare": 0.5}}},
             "municipalities": {
               "A": {"name": "A", "population": 3000, "newHomes": 100},
               "B": {"name": "B", "population": 1000, "newHomes": 100}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 100))
        let a1 = weight1 > weight2 ? 75.0 : 25.0
        #expect(isClose(result["A"].newHomes["s1"], a1))
        #expect(isClose(result["A"].newHomes["s2"], 100 - a1))
        #expect(isClose(result["B"].newHomes["s1"], 100 - a1))
        #expect(isClose(result["B"].newHomes["s2"], a1))
    }
}
