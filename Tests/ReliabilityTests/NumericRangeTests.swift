import FairShareEngine
import FairShareScenario
import Testing

/// Issue 16, numerics: no wrong status on valid numbers. The three towns of Scenarios/three-towns.json (region of
/// 1,000 homes, A 400, B 300, C 300) with one stock made huge. Expected optima come from `glpsol --exact` on the
/// LP that `fairshare export` writes for the same file.
@Suite("Numeric range and the exact re-check")
struct NumericRangeTests {
    /// The three towns with `norm`, A's social-rent stock `socialRentOfA` and the region's minimum `regionMinimum`.
    static func threeTowns(norm: String = "sum", socialRentOfA: Double = 100, regionMinimum: String = "1000")
        -> String
    {
        """
        {"format": "fairshare-scenario/1", "name": "Three towns", "fairness": {"norm": "\(norm)"},
         "segments": {"social-rent": {"label": "Social rent", "affordable": true, "lettable": true,
                                      "fair": {"rule": "converge", "targetShare": 0.30}},
                      "market": {"label": "Market"}},
         "region": {"newHomes": \(regionMinimum), "targets": {"social-30": {"segments": ["social-rent"], "minShare": 0.30}}},
         "priorityGroups": {"statushouders": {"demand": 60, "key": "population"}},
         "municipalities": {
           "A": {"name": "Aldorp", "population": 5000, "stock": {"social-rent": \(socialRentOfA), "market": 900},
                 "newHomes": 400, "lettings": 100, "maxPriorityShare": 0.5},
           "B": {"name": "Bestad", "population": 3000, "stock": {"social-rent": 400, "market": 600},
                 "newHomes": 300, "lettings": 100, "maxPriorityShare": 0.5},
           "C": {"name": "Cewijk", "population": 2000, "stock": {"social-rent": 300, "market": 700},
                 "newHomes": 300, "lettings": 0, "maxPriorityShare": 0.1}}}
        """
    }

    @Test("a stock of 10^12 homes is an invalid scenario that names the path and the valid range")
    func beyondTheRangeIsInvalid() throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader().load(data: Array(Self.threeTowns(norm: "max", socialRentOfA: 1e12).utf8))
        }
        let issue = try #require(error.issues.first)
        #expect(error.issues.count == 1)
        #expect(issue.code == .outOfRange)
        #expect(issue.path.description == "municipalities.A.stock.social-rent")
        #expect(issue.message.contains("from -1000000000 to 1000000000"), "\(issue.message)")
        // The edge itself is inside the range.
        #expect(throws: Never.self) {
            try ScenarioLoader().load(data: Array(Self.threeTowns(norm: "max", socialRentOfA: 1e9).utf8))
        }
    }

    /// Measured before the change: under norm max GLPK's floating-point simplex called these feasible scenarios
    /// infeasible (no diagnosis) from a stock of 10^10; the exact re-check gives the optimum `glpsol --exact` finds.
    @Test(
        "past GLPK's floating-point boundary, norm max solves optimal with glpsol --exact's optimum",
        // Not 10^12 any more: its programme holds numbers outside 1e-9…1e15, on which GLPK's exact simplex is not
        // run, since the differential fuzzer found it aborting the process on such numbers (GLPKProblem.solveExactly).
        arguments: [(1e10, 7_000_001_010.0)])
    func exactRecheckFindsTheOptimum(socialRentOfA: Double, fairnessOptimum: Double) throws {
        var limits = ScenarioLimits()
        limits.largestNumber = 1e15
        let scenario = try ScenarioLoader(limits: limits).load(
            data: Array(Self.threeTowns(norm: "max", socialRentOfA: socialRentOfA).utf8))
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal, "\(result.status) \(result.failure?.description ?? "")")
        let optimum = try #require(result.optimum(.fairness))
        #expect(abs(optimum - fairnessOptimum) <= 1e-9 * fairnessOptimum, "\(optimum)")
    }

    /// Inside the range the floating-point solve is right on every shape measured; at its edge, 10^9, the
    /// fairness optimum is `glpsol --exact`'s.
    @Test(
        "a stock of 10^9, the edge of the range, solves optimal under sum and max",
        arguments: [
            ("sum", 699_999_830.0), ("max", 700_001_010.0),
        ])
    func edgeOfTheRange(norm: String, fairnessOptimum: Double) throws {
        let scenario = try ScenarioLoader().load(data: Array(Self.threeTowns(norm: norm, socialRentOfA: 1e9).utf8))
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal, "\(result.status) \(result.failure?.description ?? "")")
        let optimum = try #require(result.optimum(.fairness))
        #expect(abs(optimum - fairnessOptimum) <= 1e-9 * fairnessOptimum, "\(optimum)")
    }

    /// By hand: the three towns can build 400 + 300 + 300 = 1,000 homes, so a region minimum of 1,000.000001 is
    /// out of reach by a millionth of a home, and 1,000 is the smallest change. Before, the diagnosis's floating-
    /// point search took that millionth for solver noise and reported no diagnosis at all.
    @Test("a region minimum 10^-6 above capacity is infeasible with the smallest change 1000.000001 → 1000")
    func millionthAboveCapacity() throws {
        let scenario = try ScenarioLoader().load(
            data: Array(Self.threeTowns(regionMinimum: #"{"min": 1000.000001}"#).utf8))
        let result = FairShare.solve(scenario)
        #expect(result.status == .infeasible)
        let diagnosis = try #require(result.diagnosis)
        #expect(diagnosis.unavailable == nil)
        #expect(diagnosis.verified)
        let change = try #require(diagnosis.changes.first)
        #expect(diagnosis.changes.count == 1)
        #expect(change.requirement.path.description == "region.newHomes.min")
        #expect(change.requirement.value == 1000.000001)
        #expect(change.suggested == 1000)
        #expect(change.description == "region.newHomes.min: 1000.000001 → 1000 (-1e-06)")
    }

    /// Every infeasible result carries a diagnosis: with changes, or with the reason there are none. A sweep does
    /// not search, and says so.
    @Test("an infeasible point of a sweep says why it has no smallest change")
    func sweepPointSaysWhy() throws {
        let scenario = try ScenarioLoader().load(data: Array(Self.threeTowns().utf8))
        let sweep = try Sweep.run(scenario, setting: ["region", "newHomes"], to: [1000, 2000])
        #expect(sweep.points.map(\.result.status) == [.optimal, .infeasible])
        #expect(sweep.points[0].result.diagnosis == nil)
        #expect(sweep.points[1].result.diagnosis?.unavailable == .notSearched)
        #expect(sweep.points[1].result.diagnosis?.changes.isEmpty == true)
    }
}
