import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// A minimal valid scenario; each test breaks one thing in it.
private let valid = """
    {
      "format": "fairshare-scenario/1",
      "name": "Two towns",
      "segments": {"social-rent": {"lettable": true, "fair": {"rule": "converge"}}, "market": {}},
      "region": {"newHomes": {"min": 100}, "targets": {"social-30": {"segments": ["social-rent"], "minShare": 0.3}}},
      "priorityGroups": {"statushouders": {"demand": 10}},
      "care": {"zero-step": {"demand": {"min": 5}, "key": "elderly75"}},
      "municipalities": {
        "GM2": {"name": "Bee", "population": 2000, "stock": {"social-rent": 100, "market": 400},
                "newHomes": {"max": 200}, "attributes": {"elderly75": 100}},
        "GM1": {"name": "Aa", "population": 1000, "stock": {"social-rent": 50, "market": 150},
                "newHomes": {"max": 100}, "attributes": {"elderly75": 80}}
      },
      "variants": {"max": {"patch": {"fairness": {"norm": "max"}}}}
    }
    """

/// `valid` with `patch` merged in (RFC 7396), as JSON text.
private func breaking(_ patch: String) throws -> String { try merging(patch, into: valid) }

private func issues(_ json: String) -> [ScenarioIssue] { validationIssues(json) }

@Suite("Scenario validation")
struct ValidationTests {
    @Test("the base scenario is valid, its municipalities sorted by id")
    func validScenario() throws {
        let scenario = try ScenarioLoader().load(json: valid)
        #expect(scenario.municipalities.map(\.id) == ["GM1", "GM2"])
        #expect(scenario.segments.map(\.id) == ["social-rent", "market"])
        #expect(scenario.careQualities[0].key == Key("elderly75"))
        #expect(scenario.priorityGroups[0].key == Key("population"))
        #expect(scenario.municipalities[0].totalStock == 200)
    }

    @Test(
        "each class of problem is reported with its path",
        arguments: [
            (#"{"municipalities": {"GM1": {"stok": {}}}}"#, ScenarioIssue.Code.unknownField, "municipalities.GM1.stok"),
            (#"{"municipalities": {"GM1": {"stock": {"middle": 5}}}}"#, .unknownID, "municipalities.GM1.stock.middle"),
            (
                #"{"municipalities": {"GM1": {"placements": {"refugees": 1}}}}"#, .unknownID,
                "municipalities.GM1.placements.refugees"
            ),
            (
                #"{"region": {"targets": {"social-30": {"segments": ["social"]}}}}"#, .unknownID,
                "region.targets.social-30.segments[0]"
            ),
            (#"{"municipalities": {"GM1": {"population": "1000"}}}"#, .wrongType, "municipalities.GM1.population"),
            (#"{"municipalities": {"GM1": {"lettings": -5}}}"#, .negative, "municipalities.GM1.lettings"),
            (
                #"{"municipalities": {"GM1": {"maxPriorityShare": 35}}}"#, .shareOutOfRange,
                "municipalities.GM1.maxPriorityShare"
            ),
            (
                #"{"municipalities": {"GM1": {"newHomes": {"min": 300, "max": 100}}}}"#, .minAboveMax,
                "municipalities.GM1.newHomes"
            ),
            (
                #"{"municipalities": {"GM1": {"limits": {"market": {"min": 9, "max": 3}}}}}"#, .minAboveMax,
                "municipalities.GM1.limits.market"
            ),
            (#"{"municipalities": {"GM1": {"attributes": {"elderly75": null}}}}"#, .badKey, "care.zero-step.key"),
            (#"{"care": {"zero-step": {"key": {"elderly75": 0}}}}"#, .badKey, "care.zero-step.key"),
            (
                #"{"municipalities": {"GM1": {"attributes": {"elderly75": 0}}, "GM2": {"attributes": {"elderly75": 0}}}}"#,
                .badKey, "care.zero-step.key"
            ),
            (#"{"format": "fairshare-scenario/2"}"#, .wrongFormat, "format"),
            (#"{"name": null}"#, .missingField, "name"),
            (#"{"municipalities": {"GM 1": {"name": "x"}}}"#, .invalidID, #"municipalities["GM 1"]"#),
            (#"{"fairness": {"norm": "average"}}"#, .invalidValue, "fairness.norm"),
            (
                #"{"segments": {"market": {"fair": {"rule": "proportional", "targetShare": 0.3}}}}"#, .unknownField,
                "segments.market.fair.targetShare"
            ),
            (#"{"priorityGroups": {"market": {"demand": 1}}}"#, .invalidID, "priorityGroups.market"),
        ])
    func problemClasses(patch: String, code: ScenarioIssue.Code, path: String) throws {
        let found = issues(try breaking(patch))
        #expect(found.contains { $0.code == code && $0.path.description == path }, "got \(found)")
    }

    @Test("either-or requirements with the interior-point method: refused at solver.method, with what to use")
    func alternativesNeedSimplex() throws {
        let alternatives = #"""
            {"municipalities": {"GM2": {"alternatives": {"choice": [
                {"segments": ["social-rent"], "minNewShare": 0.3}, {"segments": ["market"], "minNewShare": 0.4}]}}}}
            """#
        // Valid with the simplex method (the default): either-or rules are solved by branch-and-cut.
        #expect(issues(try breaking(alternatives)).isEmpty)
        let found = issues(try merging(#"{"solver": {"method": "interior"}}"#, into: try breaking(alternatives)))
        #expect(found.map(\.path.description) == ["solver.method"], "got \(found)")
        #expect(found.first?.code == .invalidValue)
        #expect(found.first?.message.contains("municipalities.GM2.alternatives") == true)
        #expect(found.first?.message.contains(#"use "simplex""#) == true)
    }

    @Test("every problem is reported at once")
    func allAtOnce() throws {
        let found = issues(
            try breaking(#"{"municipalities": {"GM1": {"lettings": -1, "colour": "red"}}, "fairness": 3}"#))
        #expect(Set(found.map(\.path)) == ["municipalities.GM1.lettings", "municipalities.GM1.colour", "fairness"])
    }

    @Test("a share written as a percentage gets a hint")
    func percentHint() throws {
        let found = issues(try breaking(#"{"region": {"targets": {"social-30": {"minShare": 30}}}}"#))
        #expect(found.first?.message.contains("write 30% as 0.3") == true)
    }

    @Test("empty and non-JSON files are reported as such")
    func notJSON() {
        #expect(issues("").map(\.code) == [.emptyFile])
        #expect(issues("  \n").map(\.code) == [.emptyFile])
        #expect(issues("{\"format\": ").map(\.code) == [.notJSON])
        #expect(issues("[1, 2]").map(\.code) == [.wrongType])
    }

    @Test("a variant is the merge-patched scenario, validated again")
    func variants() throws {
        let loader = ScenarioLoader()
        let scenario = try loader.load(json: valid)
        #expect(try loader.applying(variant: "max", to: scenario).fairness.norm == .max)
        #expect(throws: ScenarioError.self) { try loader.applying(variant: "nope", to: scenario) }
        let broken = try loader.load(
            json: try breaking(#"{"variants": {"bad": {"patch": {"fairness": {"norm": 1}}}}}"#))
        let found = loader.variantIssues(of: broken)
        #expect(found.map(\.path) == ["fairness.norm"])
        #expect(found.first?.message.contains("after applying variant \"bad\"") == true)
    }

    @Test("limits: too many municipalities is an error, not a crash")
    func tooMany() throws {
        let loader = ScenarioLoader(limits: ScenarioLimits(maximumMunicipalities: 1))
        #expect {
            try loader.load(json: valid)
        } throws: { error in
            (error as? ScenarioError)?.issues.first?.code == .tooLarge
        }
    }
}

@Suite("Scenario files shipped in Scenarios/")
struct ShippedScenarioTests {
    static let directory = Repository.scenarios

    @Test("every scenario and every variant in it is valid", arguments: ["three-towns.json", "drechtsteden.json"])
    func shipped(file: String) throws {
        let loader = ScenarioLoader()
        let scenario = try loader.load(contentsOf: Self.directory.appendingPathComponent(file))
        #expect(loader.variantIssues(of: scenario).isEmpty)
        #expect(!scenario.sources.isEmpty)
    }
}

@Suite("Codable scenarios")
struct CodableScenarioTests {
    @Test("decoding with JSONDecoder validates like the loader; encoding round-trips")
    func codable() throws {
        let decoded = try JSONDecoder().decode(Scenario.self, from: Data(valid.utf8))
        let loaded = try ScenarioLoader().load(json: valid)
        #expect(decoded.municipalities == loaded.municipalities)
        #expect(decoded.segments.map(\.id) == ["market", "social-rent"])  // sorted: decoders lose member order
        let again = try JSONDecoder().decode(Scenario.self, from: try JSONEncoder().encode(loaded))
        #expect(again.municipalities == loaded.municipalities)
        #expect {
            try JSONDecoder().decode(Scenario.self, from: Data(try breaking(#"{"fairness": {"norm": 1}}"#).utf8))
        } throws: { error in
            (error as? ScenarioError)?.issues.map(\.path) == ["fairness.norm"]
        }
    }
}

/// Obligations the data decide: every mistake is a validation error with its path.
@Suite("Obligation validation")
struct ObligationValidationTests {
    static func issues(_ obligation: String, municipality: String = "") throws -> [(ScenarioIssue.Code, String)] {
        let json = """
            {"format": "fairshare-scenario/1", "name": "x", "segments": {"social": {}, "middle": {}},
             "municipalityDefaults": {"obligations": {"law": \(obligation)}},
             "municipalities": {"A": {"name": "A", "stock": {"social": 10, "middle": 90}\(municipality)}}}
            """
        do {
            _ = try ScenarioLoader().load(json: json)
            return []
        } catch {
            return error.issues.map { ($0.code, $0.path.description) }
        }
    }

    static let good = #"""
        "below": {"segments": ["social"], "minNewShare": 0.3}, "atOrAbove": {"segments": ["middle"], "minNewShare": 0.4}
        """#

    @Test(
        "a threshold outside [0, 1], an unknown segment, a missing attribute, a regional threshold of an attribute",
        arguments: [
            (
                #"{"measure": {"segments": ["social"]}, "threshold": 1.5, "# + good + "}",
                ScenarioIssue.Code.shareOutOfRange,
                "municipalityDefaults.obligations.law.threshold"
            ),
            (
                #"{"measure": {"segments": ["villa"]}, "threshold": 0.3, "# + good + "}", .unknownID,
                "municipalityDefaults.obligations.law.measure.segments[0]"
            ),
            (
                #"{"measure": {"attribute": "own"}, "threshold": 0.3, "# + good + "}", .missingField,
                "municipalities.A.attributes.own"
            ),
            (
                #"{"measure": {"attribute": "own"}, "threshold": "regional", "# + good + "}", .invalidValue,
                "municipalities.A.obligations.law.threshold"
            ),
            (
                #"{"measure": {"segments": ["social"]}, "threshold": "national", "# + good + "}", .invalidValue,
                "municipalityDefaults.obligations.law.threshold"
            ),
            (
                #"{"measure": {"segments": ["social"]}, "threshold": {"national": -0.2}, "# + good + "}",
                .shareOutOfRange,
                "municipalityDefaults.obligations.law.threshold.national"
            ),
            (
                #"{"measure": {"segments": ["social"]}, "threshold": 0.3, "below": {"segments": ["social"], "minNewShare": 3}, "atOrAbove": {"segments": ["middle"], "minNewShare": 0.4}}"#,
                .shareOutOfRange, "municipalityDefaults.obligations.law.below.minNewShare"
            ),
            (
                #"{"measure": {"segments": ["social"]}, "threshold": 0.3, "below": {"segments": ["social"], "minNewShare": 0.3}}"#,
                .missingField, "municipalities.A.obligations.law.atOrAbove"
            ),
        ])
    func refused(obligation: String, code: ScenarioIssue.Code, path: String) throws {
        let found = try Self.issues(obligation)
        #expect(found.contains { $0.0 == code && $0.1 == path }, "\(found)")
    }

    @Test("an attribute share above 1 is refused where it is written")
    func attributeOutOfRange() throws {
        let found = try Self.issues(
            #"{"measure": {"attribute": "own"}, "threshold": 0.3, "# + Self.good + "}",
            municipality: #", "attributes": {"own": 34}"#)
        #expect(found.contains { $0.0 == .shareOutOfRange && $0.1 == "municipalities.A.attributes.own" }, "\(found)")
    }
}
