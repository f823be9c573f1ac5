import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// A valid scenario with two half-years; each test breaks one thing in it.
private let valid = """
    {
      "format": "fairshare-scenario/1", "name": "Two towns, two half-years",
      "horizon": {"start": 2024, "end": 2024},
      "segments": {"social-rent": {"lettable": true}, "market": {}},
      "region": {"targets": {"social-30": {"segments": ["social-rent"], "minShare": 0.3, "perPeriod": true}}},
      "priorityGroups": {"statushouders": {"carryOver": {"arrears": "spread", "surplus": "credit"}}},
      "periods": {
        "h1": {"label": "2024-I", "start": "2024-01", "end": "2024-06", "newHomes": {"max": 500},
               "priorityGroups": {"statushouders": {"demand": 30}}},
        "h2": {"start": "2024-07", "end": "2024-12"}
      },
      "monitoring": {"asOf": "h1", "categories": {"onTrack": 0.9, "behind": 0.8, "wellBehind": 0.7}},
      "municipalities": {
        "GM1": {"name": "Aa", "population": 1000, "lettings": 100,
                "periods": {"h1": {"realised": {"social-rent": 10, "market": 20, "statushouders": 12}},
                            "h2": {"newHomes": {"max": 80}}}},
        "GM2": {"name": "Bee", "population": 2000, "lettings": 100}
      }
    }
    """

/// `valid` with `patch` merged in (RFC 7396), as JSON text.
private func breaking(_ patch: String) throws -> String { try merging(patch, into: valid) }

private func issues(_ json: String) -> [ScenarioIssue] { validationIssues(json) }

@Suite("Scenario validation: periods")
struct PeriodValidationTests {
    @Test("periods, monitoring and carry-over are read as written")
    func read() throws {
        let scenario = try ScenarioLoader().load(json: valid)
        #expect(scenario.periods.map(\.id) == ["h1", "h2"])
        #expect(scenario.periods[0].label == "2024-I" && scenario.periods[1].label == "h2")
        #expect(scenario.periods[0].months == 6)
        #expect(scenario.periods[0].newHomes == CountRange(min: 0, max: 500))
        #expect(scenario.periods[0].priorityGroups["statushouders"] == CountRange(min: 30, max: 30))
        #expect(scenario.priorityGroups[0].carryOver == CarryOver(arrears: .spread, surplus: .credit))
        #expect(scenario.region.targets[0].perPeriod == CarryOver(arrears: .next, surplus: .none))
        #expect(scenario.monitoring.asOf == "h1")
        #expect(scenario.monitoring.categories == DeliveryCategories(onTrack: 0.9, behind: 0.8, wellBehind: 0.7))
        #expect(scenario.realisedPeriodCount == 1)
        let aa = try #require(scenario.municipality("GM1"))
        #expect(aa.periods["h1"]?.realised == ["social-rent": 10, "market": 20, "statushouders": 12])
        #expect(aa.periods["h2"]?.newHomes == CountRange(min: 0, max: 80))
        // Without periods: the defaults of every part.
        #expect(CarryOver() == CarryOver(arrears: .next, surplus: .none))
        #expect(Fairness().over == .periods)
    }

    @Test("without asOf the last period with realised figures is realised; asOf(nil) plans everything")
    func realisedPeriods() throws {
        let implicit = try ScenarioLoader().load(json: try breaking(#"{"monitoring": {"asOf": null}}"#))
        #expect(implicit.realisedPeriodCount == 1)
        let plan = try implicit.asOf(nil)
        #expect(plan.realisedPeriodCount == 0)
        #expect(plan.municipality("GM1")?.periods["h1"]?.realised == [:])
        #expect(plan.municipality("GM1")?.periods["h2"]?.newHomes == CountRange(min: 0, max: 80))
    }

    @Test("a definition with periods round-trips through validation")
    func roundTrip() throws {
        let scenario = try ScenarioLoader().load(json: valid)
        #expect(try Scenario(scenario.definition).definition == scenario.definition)
    }

    @Test(
        "each problem is reported with its path",
        arguments: [
            (#"{"periods": {"h1": {"start": "2024-1"}}}"#, ScenarioIssue.Code.invalidValue, "periods.h1.start"),
            (#"{"periods": {"h1": {"end": "2024-13"}}}"#, .invalidValue, "periods.h1.end"),
            (#"{"periods": {"h1": {"start": "2024-08"}}}"#, .minAboveMax, "periods.h1"),
            (#"{"periods": {"h2": {"start": "2024-06"}}}"#, .invalidValue, "periods.h2.start"),
            (#"{"periods": {"h2": {"end": "2025-01"}}}"#, .invalidValue, "periods.h2"),
            (#"{"periods": {"h2": {"stop": "2024-12"}}}"#, .unknownField, "periods.h2.stop"),
            (
                #"{"periods": {"h2": {"priorityGroups": {"refugees": {"demand": 1}}}}}"#, .unknownID,
                "periods.h2.priorityGroups.refugees"
            ),
            (
                #"{"periods": {"h2": {"priorityGroups": {"statushouders": {"demand": -1}}}}}"#, .negative,
                "periods.h2.priorityGroups.statushouders.demand"
            ),
            (#"{"municipalities": {"GM2": {"periods": {"h3": {}}}}}"#, .unknownID, "municipalities.GM2.periods.h3"),
            (
                #"{"municipalities": {"GM2": {"periods": {"h2": {"realised": {"middle": 1}}}}}}"#, .unknownID,
                "municipalities.GM2.periods.h2.realised.middle"
            ),
            (#"{"monitoring": {"asOf": "h9"}}"#, .unknownID, "monitoring.asOf"),
            (#"{"monitoring": {"categories": {"behind": 0.95}}}"#, .invalidValue, "monitoring.categories"),
            (
                #"{"priorityGroups": {"statushouders": {"carryOver": {"arrears": "later"}}}}"#, .invalidValue,
                "priorityGroups.statushouders.carryOver.arrears"
            ),
            (
                #"{"region": {"targets": {"social-30": {"perPeriod": {"surplus": "yes"}}}}}"#, .invalidValue,
                "region.targets.social-30.perPeriod.surplus"
            ),
            (#"{"fairness": {"over": "years"}}"#, .invalidValue, "fairness.over"),
        ])
    func problems(patch: String, code: ScenarioIssue.Code, path: String) throws {
        let found = issues(try breaking(patch))
        #expect(found.contains { $0.code == code && $0.path.description == path }, "\(found)")
    }

    @Test("more periods than the limit are refused")
    func limit() throws {
        var limits = ScenarioLimits()
        limits.maximumPeriods = 1
        #expect(throws: ScenarioError.self) { try ScenarioLoader(limits: limits).load(json: valid) }
    }
}
