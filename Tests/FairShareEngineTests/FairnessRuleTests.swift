import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Testing

/// Fair rules of docs/model.md §4: `proportional` with a simple and a composite key, `converge` with and without
/// `targetShare`; each optimum and fair share worked out by hand.
@Suite("Fairness rules: proportional and converge")
struct FairnessRuleTests {
    /// Simple key "households": A 300, B 100 → w = 0.75, 0.25 (population is the other way round, 100 : 300,
    /// so using the wrong attribute would show). Region exactly 100 homes → F = 75, 25. A at most 60.
    /// Deviation (75 − a) + (b − 25) with b = 100 − a = 150 − 2a ≥ 30 at a = 60. Unique: A 60, B 40.
    @Test("proportional, simple key")
    func proportionalSimpleKey() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "simple key",
             "segments": {"homes": {"fair": {"rule": "proportional", "key": "households"}}},
             "region": {"newHomes": 100},
             "municipalities": {
               "A": {"name": "A", "population": 100, "households": 300, "newHomes": {"max": 60}},
               "B": {"name": "B", "population": 300, "households": 100}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 30))
        #expect(isClose(result["A"].total, 60))
        #expect(isClose(result["B"].total, 40))
        #expect(isClose(result["A"].fairShare["homes"], 75))
        #expect(isClose(result["B"].fairShare["homes"], 25))
        #expect(isClose(result["B"].deviation["homes"], 15))
    }

    /// Composite key {"population": 1, "households": 1}:
    ///   population A 6000, B 4000 → 0.6, 0.4;  households A 1000, B 3000 → 0.25, 0.75.
    ///   w_A = (1 · 0.6 + 1 · 0.25) / 2 = 0.425,  w_B = (0.4 + 0.75) / 2 = 0.575.
    /// Region exactly 200 → F = 85, 115. A at most 80 → deviation 2 · (85 − 80) = 10; A 80, B 120.
    @Test("proportional, composite key with equal weights")
    func proportionalCompositeKey() throws {
        let result = try solveScenario(Self.compositeScenario(key: #"{"population": 1, "households": 1}"#))
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 10))
        #expect(isClose(result["A"].fairShare["homes"], 85))
        #expect(isClose(result["B"].fairShare["homes"], 115))
        #expect(isClose(result["A"].total, 80))
        #expect(isClose(result["B"].total, 120))
    }

    /// Composite key {"population": 3, "households": 1}: w_A = (3 · 0.6 + 1 · 0.25) / 4 = 2.05 / 4 = 0.5125,
    /// w_B = (3 · 0.4 + 0.75) / 4 = 0.4875 → F = 102.5, 97.5. A at most 80 → deviation 2 · 22.5 = 45.
    @Test("proportional, composite key with unequal weights")
    func proportionalWeightedKey() throws {
        let result = try solveScenario(Self.compositeScenario(key: #"{"population": 3, "households": 1}"#))
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 45))
        #expect(isClose(result["A"].fairShare["homes"], 102.5))
        #expect(isClose(result["B"].fairShare["homes"], 97.5))
    }

    /// The key shares themselves, straight from `KeyShares`: 0.425 / 0.575 as above.
    @Test("KeyShares of a composite key")
    func keyShares() throws {
        let json = Self.compositeScenario(key: #"{"population": 1, "households": 1}"#)
        let scenario = try ScenarioLoader().load(json: json)
        let shares = KeyShares.shares(Key([("population", 1), ("households", 1)]), in: scenario)
        #expect(shares.count == 2)
        #expect(isClose(shares[0], 0.425, tolerance: 1e-12))
        #expect(isClose(shares[1], 0.575, tolerance: 1e-12))
    }

    static func compositeScenario(key: String) -> String {
        """
        {"format": "fairshare-scenario/1", "name": "composite key",
         "segments": {"homes": {"fair": {"rule": "proportional", "key": \(key)}}},
         "region": {"newHomes": 200},
         "municipalities": {
           "A": {"name": "A", "population": 6000, "households": 1000, "newHomes": {"max": 80}},
           "B": {"name": "B", "population": 4000, "households": 3000}}}
        """
    }

    /// Shared by the converge tests: two towns of 1000 homes each, building exactly 1000 each.
    /// A: social 200, market 800.  B: social 400, market 600.  Regional current share σ₀ = 600 / 2000 = 0.3.
    static func convergeScenario(fair: String) -> String {
        """
        {"format": "fairshare-scenario/1", "name": "converge",
         "segments": {"social": {"fair": \(fair)}, "market": {}},
         "municipalities": {
           "A": {"name": "A", "stock": {"social": 200, "market": 800}, "newHomes": 1000},
           "B": {"name": "B", "stock": {"social": 400, "market": 600}, "newHomes": 1000}}}
        """
    }

    /// converge without targetShare: σ = σ₀ = 0.3.
    /// F_A = 0.3 · (1000 + 1000) − 200 = 400,  F_B = 0.3 · 2000 − 400 = 200; both within [0, 1000], so the
    /// unique optimum meets them exactly: social A 400, B 200; fairness 0; stock share after 600/2000 = 0.3 each.
    @Test("converge, default σ = regional current share")
    func convergeDefaultShare() throws {
        let result = try solveScenario(Self.convergeScenario(fair: #"{"rule": "converge"}"#))
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 0))
        #expect(isClose(result["A"].newHomes["social"], 400))
        #expect(isClose(result["B"].newHomes["social"], 200))
        #expect(isClose(result["A"].fairShare["social"], 400))
        #expect(isClose(result["B"].fairShare["social"], 200))
        #expect(isClose(result["A"].stockShareAfter["social"], 0.3))
        #expect(isClose(result["B"].stockShareAfter["social"], 0.3))
    }

    /// converge with targetShare 0.7:
    /// F_A = 0.7 · 2000 − 200 = 1200 > 1000 homes A builds → a = 1000 (all social), deviation 200;
    /// F_B = 0.7 · 2000 − 400 = 1000 → b = 1000, deviation 0. Fairness 200. Unique.
    @Test("converge with targetShare")
    func convergeTargetShare() throws {
        let result = try solveScenario(Self.convergeScenario(fair: #"{"rule": "converge", "targetShare": 0.7}"#))
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 200))
        #expect(isClose(result["A"].newHomes["social"], 1000))
        #expect(isClose(result["B"].newHomes["social"], 1000))
        #expect(isClose(result["A"].fairShare["social"], 1200))
        #expect(isClose(result["B"].fairShare["social"], 1000))
        #expect(isClose(result["A"].deviation["social"], 200))
    }

    /// converge where N_i is free: F depends on the town's own total. One town, stock social 100 + market 900,
    /// σ = 0.5, newHomes 0..400: F = 0.5 · (1000 + N) − 100 = 400 + N/2; social x ≤ N, so
    /// x − F ≤ N − 400 − N/2 = N/2 − 400 ≤ 200 − 400 < 0: deviation F − x ≥ 400 + N/2 − N = 400 − N/2,
    /// smallest at N = 400, x = 400 (all social): 200.
    @Test("converge with a free total: the fair share moves with N")
    func convergeFreeTotal() throws {
        let result = try solveScenario(
            """
            {"format": "fairshare-scenario/1", "name": "converge free",
             "segments": {"social": {"fair": {"rule": "converge", "targetShare": 0.5}}, "market": {}},
             "municipalities": {
               "A": {"name": "A", "stock": {"social": 100, "market": 900}, "newHomes": {"max": 400}}}}
            """)
        #expect(result.status == .optimal)
        #expect(isClose(result.optimum(.fairness), 200))
        #expect(isClose(result["A"].newHomes["social"], 400))
        #expect(isClose(result["A"].fairShare["social"], 600))
    }
}
