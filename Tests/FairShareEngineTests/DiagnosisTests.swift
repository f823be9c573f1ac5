import FairShareEngine
import FairShareScenario
import Testing

/// Infeasible scenarios with a planted cause; the diagnosis must name exactly that requirement with the amount
/// worked out by hand.
@Suite("Infeasibility diagnosis")
struct DiagnosisTests {
    func diagnose(_ json: String) throws -> (FairShareResult, Diagnosis) {
        let result = FairShare.solve(try ScenarioLoader().load(json: json))
        #expect(result.status == .infeasible)
        let diagnosis = try #require(result.diagnosis)
        #expect(diagnosis.verified)
        return (result, diagnosis)
    }

    /// The region must build 2,000 homes, but A and B can build 500 + 600 = 1,100 at most.
    /// Lowering the regional task to 1,100 is one change of 900 homes; raising a capacity by 900 counts double.
    @Test("regional task above the sum of capacities")
    func regionalTaskAboveCapacity() throws {
        let (_, diagnosis) = try diagnose(
            """
            {"format": "fairshare-scenario/1", "name": "too much",
             "segments": {"market": {}},
             "region": {"newHomes": {"min": 2000}},
             "municipalities": {"A": {"name": "A", "newHomes": {"max": 500}},
                                "B": {"name": "B", "newHomes": {"max": 600}}}}
            """)
        #expect(diagnosis.changes.map(\.requirement.path) == ["region.newHomes.min"])
        #expect(diagnosis.changes.first?.suggested == 1100)
        #expect(diagnosis.changes.first?.difference == -900)
        #expect(diagnosis.changes.first?.description == "region.newHomes.min: 2000 → 1100 (-900)")
    }

    /// Exactly 1,000 homes; social rent at most 100 in A and 150 in B, so at most 250 = 25% social,
    /// below the 30% target: minShare 0.30 → 0.25.
    @Test("a social target that local caps make impossible")
    func socialTargetAgainstCaps() throws {
        let (_, diagnosis) = try diagnose(
            """
            {"format": "fairshare-scenario/1", "name": "caps",
             "segments": {"social-rent": {}, "market": {}},
             "region": {"newHomes": 1000, "targets": {"social-30": {"segments": ["social-rent"], "minShare": 0.3}}},
             "municipalities": {
               "A": {"name": "A", "newHomes": {"max": 600}, "limits": {"social-rent": {"max": 100}}},
               "B": {"name": "B", "newHomes": {"max": 600}, "limits": {"social-rent": {"max": 150}}}}}
            """)
        #expect(diagnosis.changes.map(\.requirement.path) == ["region.targets.social-30.minShare"])
        #expect(diagnosis.changes.first?.suggested == 0.25)
        #expect(diagnosis.changes.first?.description == "region.targets.social-30.minShare: 0.3 → 0.25 (-0.05)")
    }

    /// 100 statushouders to place; A and B each have 100 lettings with maxPriorityShare 0.3 and build no lettable
    /// homes, so at most 30 + 30 = 60 placements: demand 100 → 60.
    @Test("a priority-group demand beyond the lettings")
    func demandBeyondLettings() throws {
        let (_, diagnosis) = try diagnose(
            """
            {"format": "fairshare-scenario/1", "name": "lettings",
             "segments": {"market": {}},
             "priorityGroups": {"statushouders": {"demand": 100}},
             "municipalities": {
               "A": {"name": "A", "population": 1, "newHomes": 100, "lettings": 100, "maxPriorityShare": 0.3},
               "B": {"name": "B", "population": 1, "newHomes": 100, "lettings": 100, "maxPriorityShare": 0.3}}}
            """)
        #expect(diagnosis.changes.map(\.requirement.path) == ["priorityGroups.statushouders.demand.min"])
        #expect(diagnosis.changes.first?.suggested == 60)
        // The demand was one number (min = max = 100): the patch keeps its max.
        #expect(
            diagnosis.patch
                == (try JSONParser().parse(
                    #"{"priorityGroups": {"statushouders": {"demand": {"min": 60, "max": 100}}}}"#)))
    }

    /// Realised 200 social homes against a limit of 150: the limit is raised (realised homes are facts).
    @Test("realised homes above a local limit")
    func realisedAboveLimit() throws {
        let (_, diagnosis) = try diagnose(
            """
            {"format": "fairshare-scenario/1", "name": "realised",
             "segments": {"social-rent": {}},
             "municipalities": {"GM0610": {"name": "Sliedrecht", "realised": {"social-rent": 200},
                                           "limits": {"social-rent": {"max": 150}}}}}
            """)
        #expect(
            diagnosis.changes.map(\.description) == ["municipalities.GM0610.limits.social-rent.max: 150 → 200 (+50)"])
    }

    @Test("the diagnosis appears in the JSON result")
    func json() throws {
        let (result, _) = try diagnose(
            """
            {"format": "fairshare-scenario/1", "name": "too much", "segments": {"market": {}},
             "region": {"newHomes": {"min": 30}}, "municipalities": {"A": {"name": "A", "newHomes": {"max": 20}}}}
            """)
        let parsed = try JSONParser().parse(result.jsonText)
        #expect(parsed.value(at: JSONPath("diagnosis.changes[0].path")) == .string("region.newHomes.min"))
        #expect(parsed.value(at: JSONPath("diagnosis.changes[0].suggested")) == .number(20))
    }
}
