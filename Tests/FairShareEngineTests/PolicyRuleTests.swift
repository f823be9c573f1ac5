import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import FairShareTestSupport
import Foundation
import PropertyBased
import Testing

/// docs/model.md §7: defaults for every municipality, either-or requirements, leximin fairness.
@Suite("Policy rules: defaults, either-or, leximin")
struct PolicyRuleTests {
    /// One municipality builds exactly 100 homes and must meet 30% social rent or 40% middle segment.
    /// With `limit` capping one segment at 10 homes, only the other option can hold.
    static func eitherOr(limit: String) -> String {
        """
        {"format": "fairshare-scenario/1", "name": "either-or",
         "segments": {"social-rent": {}, "mid-rent": {}, "market": {}},
         "municipalityDefaults": {"alternatives": {"wet-vrv": [
            {"segments": ["social-rent"], "minNewShare": 0.30},
            {"segments": ["mid-rent"], "minNewShare": 0.40}]}},
         "municipalities": {"A": {"name": "A", "newHomes": 100, "limits": {"\(limit)": {"max": 10}}}}}
        """
    }

    @Test(
        "each option of an either-or rule is forced in turn by the data",
        arguments: [
            ("mid-rent", 0, "social-rent", 30.0),  // mid capped at 10 < 40: option 0, social ≥ 30
            ("social-rent", 1, "mid-rent", 40.0),  // social capped at 10 < 30: option 1, mid ≥ 40
        ])
    func eitherOrForced(limit: String, option: Int, segment: String, atLeast: Double) throws {
        let result = FairShare.solve(try ScenarioLoader().load(json: Self.eitherOr(limit: limit)))
        #expect(result.status == .optimal)
        let a = try #require(result.municipalities.first)
        #expect(a.alternatives.map(\.option) == [option])
        #expect((a.newHomes[segment] ?? 0) >= atLeast - 1e-6)
        #expect(a.alternatives.first?.share ?? 0 >= atLeast / 100 - 1e-9)
    }

    /// 80 of A's 100 homes are market homes already built, so at most 20 are social or middle rent: neither
    /// 30 social nor 40 middle fits. Cheapest fix: option 0's share 0.30 → 0.20 (10 homes). Raising the total
    /// to 115 (N − 80 ≥ 0.3 N) changes 15 homes; realised homes are facts and weigh ten times more.
    @Test("an either-or rule that no option can meet is diagnosed")
    func eitherOrInfeasible() throws {
        let json = Self.eitherOr(limit: "mid-rent").replacingOccurrences(
            of: "\"limits\": {\"mid-rent\": {\"max\": 10}}",
            with: "\"realised\": {\"market\": 80}")
        let result = FairShare.solve(try ScenarioLoader().load(json: json))
        #expect(result.status == .infeasible)
        let diagnosis = try #require(result.diagnosis)
        #expect(diagnosis.verified)
        #expect(
            diagnosis.changes.map(\.description) == [
                "municipalities.A.alternatives.wet-vrv[0].minNewShare: 0.3 → 0.2 (-0.1)"
            ])
    }

    /// With option 0 forced (mid capped), A's 30% social requirement binds: relaxing it by one share point frees
    /// one home, which is worth something only if a fair item wants it elsewhere — here none does, so the
    /// explanation must simply succeed and name the chosen option's share when it binds.
    @Test("explain holds each municipality's chosen option fixed")
    func explainWithAlternatives() throws {
        let scenario = try ScenarioLoader().load(json: Self.eitherOr(limit: "mid-rent"))
        let explanation = try Explanation.explain(scenario)
        #expect(explanation.result.municipalities.first?.alternatives.first?.option == 0)
        #expect(explanation.items.allSatisfy { $0.improvementPerUnit >= 0 })
    }

    /// Three towns of equal population share 30 placements: fair 10 each, size m = 1/3. A may take at most 4,
    /// so A deviates by 6 (relative 6 / (1/3) = 18) and B and C take 26. Leximin then makes the largest of B's
    /// and C's deviations as small as possible: 13 each, deviation 3, relative 9. Profile: 18, 9, 9.
    static let threeEqualTowns = """
        {"format": "fairshare-scenario/1", "name": "leximin",
         "segments": {"market": {}},
         "priorityGroups": {"statushouders": {"demand": 30}},
         "fairness": {"norm": "leximin"},
         "municipalities": {
           "A": {"name": "A", "population": 100, "newHomes": 10, "lettings": 100, "placements": {"statushouders": {"max": 4}}},
           "B": {"name": "B", "population": 100, "newHomes": 10, "lettings": 100},
           "C": {"name": "C", "population": 100, "newHomes": 10, "lettings": 100}}}
        """

    @Test("a leximin profile worked out by hand")
    func leximinByHand() throws {
        let result = FairShare.solve(try ScenarioLoader().load(json: Self.threeEqualTowns))
        #expect(result.status == .optimal)
        let profile = try #require(result.fairnessProfile)
        #expect(profile.count == 3)
        for (value, expected) in zip(profile, [18.0, 9, 9]) { #expect(abs(value - expected) < 1e-5) }
        #expect(abs((result.optimum(.fairness) ?? 0) - 18) < 1e-5)
        #expect(result.municipalities.map { ($0.placements["statushouders"] ?? 0).rounded() } == [4, 13, 13])
    }

    /// λ_q · d_iq / m_iq for every pair, largest first, computed here from the result and the keys.
    static func profile(of result: FairShareResult, _ scenario: Scenario) -> [Double] {
        let stocks = scenario.municipalities.map(\.totalStock)
        let regional = stocks.reduce(0, +)
        var values: [Double] = []
        for id in result.fairItemIDs {
            let sizes: [Double]
            let weight: Double
            if let segment = scenario.segment(id) {
                weight = segment.fairWeight
                if case .proportional(let key)? = segment.fair {
                    sizes = KeyShares.shares(key, in: scenario)
                } else {
                    sizes = stocks.map { $0 / regional }
                }
            } else if let group = scenario.priorityGroups.first(where: { $0.id == id }) {
                weight = group.weight
                sizes = KeyShares.shares(group.key, in: scenario)
            } else {
                let quality = scenario.careQualities.first { $0.id == id }!
                weight = quality.weight
                sizes = KeyShares.shares(quality.key, in: scenario)
            }
            for (i, allocation) in result.municipalities.enumerated() where sizes[i] > 0 {
                values.append(weight * (allocation.deviation[id] ?? 0) / sizes[i])
            }
        }
        return values.sorted(by: >)
    }

    /// Lexicographic comparison of profiles with a tolerance: a ≤ b. A position decides as soon as a is lower
    /// beyond the sequential method's accuracy (its rows hold each value to 1e-6 relative; 1e-5 here), or higher
    /// beyond the room the central allocation may use (1e-3 relative); in between it is a tie and the next
    /// position decides.
    static func notWorse(_ a: [Double], than b: [Double]) -> Bool {
        for (x, y) in zip(a, b) {
            if x < y - 1e-5 * max(1, abs(y)) { return true }
            if x > y + 1e-3 * max(1, abs(y)) { return false }
        }
        return true
    }

    /// Seen in a full run (random seed, not kept): leximin equalises the second and third largest deviations at
    /// 1,785.66, where sum leaves 1,787.11 and 1,769.65. Leximin is better at the second position, by 1.44: less
    /// than the 1e-3 room, so the comparison used to call it a tie and then found leximin worse at the third.
    @Test("a lower value at an earlier position decides, even when it is within the central allocation's room")
    func profileComparison() {
        let leximin = [3240.071271447426, 1785.6674967536753, 1785.6459629185188, 0.0, 0.0]
        let sum = [3240.071271447426, 1787.1068403633697, 1769.6548683666665, 0.000936511475409836, 0.0]
        #expect(Self.notWorse(leximin, than: sum))
        // Higher beyond the room at the first position that differs: worse.
        #expect(!Self.notWorse([3240.07, 1790, 0], than: leximin))
        // Within the accuracy both ways: a tie, decided by the next position.
        #expect(Self.notWorse([100, 5], than: [100.0005, 5]))
        #expect(!Self.notWorse([100.05, 6], than: [100, 5]))
    }

    @Test("leximin is never worse than max (largest deviation) nor than sum (profile)")
    func leximinDominates() async {
        let cases = PropertyCases()
        await propertyCheck(count: 25, input: Gen.int(in: 2...8), Gen.int(in: 1...10_000)) { count, seed in
            let document = SyntheticRegion.document(municipalities: count, seed: UInt64(seed))
            func solve(_ norm: String) throws -> (FairShareResult, Scenario) {
                let scenario = try ScenarioLoader().read(document.setting(.string(norm), at: ["fairness", "norm"]))
                return (FairShare.solve(scenario), scenario)
            }
            guard let (leximin, scenario) = try? solve("leximin"), let (max, _) = try? solve("max"),
                let (sum, _) = try? solve("sum")
            else {
                Issue.record("synthetic region \(count)/\(seed) did not load")
                return
            }
            cases.checked()
            #expect(leximin.status == .optimal && max.status == .optimal && sum.status == .optimal)
            let lexProfile = Self.profile(of: leximin, scenario)
            // The reported profile is the one the allocation has.
            for (reported, computed) in zip(leximin.fairnessProfile ?? [], lexProfile) {
                #expect(abs(reported - computed) <= 1e-3 * Swift.max(1, computed), "\(count)/\(seed)")
            }
            #expect(
                (lexProfile.first ?? 0) <= (Self.profile(of: max, scenario).first ?? 0) + 1e-4
                    * Swift.max(1, lexProfile.first ?? 0),
                "\(count)/\(seed)")
            #expect(Self.notWorse(lexProfile, than: Self.profile(of: sum, scenario)), "\(count)/\(seed)")
        }
        cases.expectChecked()
    }
}
