import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Testing

/// Soft requirements (docs/model.md §3 `mode: "soft"`, §5 level `shortfall`): a shortfall u ≥ 0 is allowed on
/// the lower side and Σ weight · u is minimised first.
@Suite("Soft requirements and the shortfall level")
struct SoftRequirementTests {
    /// A soft target, a soft group demand and a soft care demand, none of which can be met.
    /// A builds exactly 60, B exactly 80 (region 140). Social (not lettable, no fair rule) at most 20 per town.
    /// • Target social ≥ 50%: needs 0.5 · 140 = 70, at most 20 + 20 = 40 → u_target = 30; share 40/140 = 2/7.
    /// • Group sh, demand 100: no lettable segment, so y ≤ lettings · 1: A 30, B 50 → Y ≤ 80 → u_group = 20.
    /// • Care zs, demand ≥ 100, maxShareOfNewHomes 0.5: z_A ≤ 30, z_B ≤ 40 → Z ≤ 70 → u_care = 30.
    /// Weights: target 2, group 1, care 3 → shortfall optimum 2 · 30 + 1 · 20 + 3 · 30 = 170.
    /// The shortfall level fixes Y = 80 and Z = 70, so every town is at its cap:
    ///   placements 30 / 50 against fair 40 / 40 → deviation 20, λ_group = 1 → 20;
    ///   care 30 / 40 against fair 35 / 35 → deviation 10, λ_care = 3 → 30.
    /// Fairness optimum 20 + 30 = 50.
    @Test("unmeetable soft target, group demand and care demand: shortfalls by hand")
    func unmeetableSoftRequirements() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "soft",
             "segments": {"social": {}, "market": {}},
             "region": {"targets": {"social-50": {"segments": ["social"], "minShare": 0.5, "mode": "soft",
                                                  "weight": 2}}},
             "priorityGroups": {"sh": {"demand": 100, "mode": "soft", "weight": 1}},
             "care": {"zs": {"demand": {"min": 100}, "maxShareOfNewHomes": 0.5, "mode": "soft", "weight": 3}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "newHomes": 60, "lettings": 30,
                     "limits": {"social": {"max": 20}}},
               "B": {"name": "B", "population": 1000, "newHomes": 80, "lettings": 50,
                     "limits": {"social": {"max": 20}}}}}
            """)
        #expect(result.status == .optimal)
        #expect(result.levels == [.shortfall, .fairness])
        #expect(isClose(result.optimum(.shortfall), 170))
        #expect(isClose(result.optimum(.fairness), 50, tolerance: 1e-5))
        let target = try #require(result.region.targets.first)
        #expect(isClose(target.shortfall, 30, tolerance: 1e-5))
        #expect(isClose(target.share, 2.0 / 7, tolerance: 1e-5))
        #expect(!target.met)
        let group = try #require(result.region.priorityGroups.first)
        #expect(isClose(group.placed, 80, tolerance: 1e-5))
        #expect(isClose(group.shortfall, 20, tolerance: 1e-5))
        let care = try #require(result.region.care.first)
        #expect(isClose(care.placed, 70, tolerance: 1e-5))
        #expect(isClose(care.shortfall, 30, tolerance: 1e-5))
        #expect(isClose(result["A"].placements["sh"], 30, tolerance: 1e-5))
        #expect(isClose(result["B"].care["zs"], 40, tolerance: 1e-5))
    }

    /// A soft requirement that can be met costs nothing: group demand 60 (soft) with ample lettings →
    /// shortfall level 0, placements 30 / 30, fairness 0.
    @Test("a meetable soft demand has shortfall 0")
    func meetableSoftDemand() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "soft ok",
             "segments": {"homes": {}},
             "priorityGroups": {"sh": {"demand": 60, "mode": "soft"}},
             "municipalities": {
               "A": {"name": "A", "population": 1000, "lettings": 1000},
               "B": {"name": "B", "population": 1000, "lettings": 1000}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.shortfall), 0))
        #expect(isClose(result.optimum(.fairness), 0))
        #expect(isClose(result["A"].placements["sh"], 30))
        #expect(result.region.priorityGroups.first?.shortfall == 0)
    }

    /// Two soft targets that cannot both hold: one town builds exactly 100; social ≥ 60% and market ≥ 60%.
    /// X_social + X_market = 100, so u_social + u_market ≥ 20. The level minimises w_s · u_s + w_m · u_m:
    ///   w_s = 1, w_m = 3 → the cheaper shortfall is social's: u_s = 20, social 40, market 60; optimum 20.
    ///   w_s = 3, w_m = 1 → u_m = 20, social 60, market 40; optimum 20.
    @Test("weights decide which shortfall is taken", arguments: [(1.0, 3.0), (3.0, 1.0)])
    func weightsChooseShortfall(socialWeight: Double, marketWeight: Double) throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "competing targets",
             "segments": {"social": {}, "market": {}},
             "region": {"targets": {
               "social-60": {"segments": ["social"], "minShare": 0.6, "mode": "soft", "weight": \(socialWeight)},
               "market-60": {"segments": ["market"], "minShare": 0.6, "mode": "soft", "weight": \(marketWeight)}}},
             "municipalities": {"A": {"name": "A", "newHomes": 100}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.shortfall), 20))
        let socialShort = socialWeight < marketWeight
        let social = try #require(result.region.targets.first { $0.id == "social-60" })
        let market = try #require(result.region.targets.first { $0.id == "market-60" })
        #expect(isClose(social.shortfall, socialShort ? 20 : 0, tolerance: 1e-5))
        #expect(isClose(market.shortfall, socialShort ? 0 : 20, tolerance: 1e-5))
        #expect(isClose(result["A"].newHomes["social"], socialShort ? 40 : 60, tolerance: 1e-5))
        #expect(isClose(result["A"].newHomes["market"], socialShort ? 60 : 40, tolerance: 1e-5))
        #expect(social.met == !socialShort)
    }

    /// A soft maxShare: the shortfall is subtracted from the ≤ row. Social at most 30% (soft, weight 1) in a
    /// town that must build exactly 100 homes with at least 50 social (limits.min) → u = 50 − 30 = 20.
    @Test("a soft maxShare takes a shortfall on its upper side")
    func softMaximumShare() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "soft max",
             "segments": {"social": {}, "market": {}},
             "region": {"targets": {"social-max-30": {"segments": ["social"], "maxShare": 0.3, "mode": "soft"}}},
             "municipalities": {"A": {"name": "A", "newHomes": 100, "limits": {"social": {"min": 50}}}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.shortfall), 20))
        #expect(isClose(result.region.targets.first?.shortfall, 20, tolerance: 1e-5))
        #expect(isClose(result["A"].newHomes["social"], 50, tolerance: 1e-5))
        #expect(result.region.targets.first?.met == false)
    }
}
