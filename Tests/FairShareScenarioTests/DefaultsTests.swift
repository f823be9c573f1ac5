import FairShareScenario
import Foundation
import Testing

@Suite("municipalityDefaults (docs/model.md §7)")
struct DefaultsTests {
    static let scenario = """
        {"format": "fairshare-scenario/1", "name": "defaults",
         "segments": {"social-rent": {"lettable": true}, "market": {}},
         "priorityGroups": {"statushouders": {"demand": 10}},
         "municipalityDefaults": {
           "maxPriorityShare": 0.25, "lettings": 100,
           "limits": {"social-rent": {"maxNewShare": 0.5, "min": 10}}},
         "municipalities": {
           "A": {"name": "A", "population": 1},
           "B": {"name": "B", "population": 1, "maxPriorityShare": 0.4,
                 "limits": {"social-rent": {"min": null, "max": 80}}},
           "C": {"name": "C", "population": 1, "lettings": null}}}
        """

    @Test("defaults merge under each municipality; its own values win; null removes a default")
    func merging() throws {
        let scenario = try ScenarioLoader().load(json: Self.scenario)
        let a = try #require(scenario.municipality("A"))
        let b = try #require(scenario.municipality("B"))
        let c = try #require(scenario.municipality("C"))
        #expect(a.maxPriorityShare == 0.25 && a.lettings == 100)
        #expect(a.limits["social-rent"] == SegmentLimits(min: 10, maxNewShare: 0.5))
        // B's own share wins; its null removes the default min; its max joins the default maxNewShare.
        #expect(b.maxPriorityShare == 0.4)
        #expect(b.limits["social-rent"] == SegmentLimits(max: 80, maxNewShare: 0.5))
        // C's null removes the default lettings: back to the format's default, 0.
        #expect(c.lettings == 0)
    }

    @Test("a bad default is reported once, where it was written")
    func badDefault() throws {
        let text = Self.scenario.replacingOccurrences(
            of: "\"maxPriorityShare\": 0.25", with: "\"maxPriorityShare\": 25")
        #expect {
            try ScenarioLoader().load(json: text)
        } throws: { error in
            // A and C take the bad default; B has its own value. One issue, at the defaults.
            (error as? ScenarioError)?.issues.map(\.path) == ["municipalityDefaults.maxPriorityShare"]
        }
    }

    @Test("a municipality's own bad value is reported at the municipality")
    func badOwnValue() throws {
        let text = Self.scenario.replacingOccurrences(of: "\"maxPriorityShare\": 0.4", with: "\"maxPriorityShare\": -1")
        #expect {
            try ScenarioLoader().load(json: text)
        } throws: { error in
            (error as? ScenarioError)?.issues.map(\.path) == ["municipalities.B.maxPriorityShare"]
        }
    }

    @Test("a municipality's own figures cannot have defaults")
    func ownFields() throws {
        let text = Self.scenario.replacingOccurrences(
            of: "\"lettings\": 100,", with: "\"lettings\": 100, \"population\": 5,")
        #expect {
            try ScenarioLoader().load(json: text)
        } throws: { error in
            let issues = (error as? ScenarioError)?.issues ?? []
            return issues.map(\.path) == ["municipalityDefaults.population"] && issues[0].code == .unknownField
        }
    }
}
