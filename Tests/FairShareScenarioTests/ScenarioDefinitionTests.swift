import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// A scenario built or edited in code is validated exactly as a file is: the same problems at the same paths.
@Suite("Scenarios built in code")
struct ScenarioDefinitionTests {
    static let repository = Repository.root
    static let threeTowns = Repository.scenario("three-towns.json")

    /// Every scenario file of the repository.
    static var scenarioFiles: [URL] {
        let folders = ["Scenarios", "Tests/FairshareCLITests/Scenarios"]
        return folders.flatMap { folder in
            let url = repository.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { url.appendingPathComponent($0) }
        }
    }

    @Test("every scenario file: its definition, validated again in code, is the same definition")
    func definitionsRoundTrip() throws {
        let files = Self.scenarioFiles
        #expect(files.count >= 4, "found \(files.map(\.lastPathComponent))")
        for file in files {
            guard let loaded = try? ScenarioLoader().load(contentsOf: file) else { continue }
            let rebuilt = try Scenario(loaded.definition)
            #expect(rebuilt.definition == loaded.definition, "\(file.lastPathComponent)")
            for variant in loaded.variants {
                let fromFile = try loaded.applying(variant: variant.id)
                #expect(try Scenario(fromFile.definition).definition == fromFile.definition, "\(variant.id)")
            }
        }
    }

    /// The same three mistakes made in the file and in code: a negative stock, a share of 35 (meant as 35%) and
    /// a stock of a segment the scenario does not declare.
    @Test("a negative stock, a share of 35 and an unknown segment: the same problems at the same paths")
    func sameIssuesAsAFile() throws {
        let base = try ScenarioLoader().load(contentsOf: Self.threeTowns)
        var document = base.document
        document = document.setting(.number(-400), at: "municipalities.A.stock.social-rent")
        document = document.setting(.number(35), at: "municipalities.B.maxPriorityShare")
        document = document.setting(.number(50), at: "municipalities.C.stock.villa")
        document = document.setting(
            .array([.string("social-rent"), .string("villa")]),
            at: "region.targets.social-30.segments")
        let fromFile = issues { () throws(ScenarioError) in _ = try ScenarioLoader().read(document) }

        var definition = base.definition
        definition.municipalities[0].stock["social-rent"] = -400
        definition.municipalities[1].maxPriorityShare = 35
        definition.municipalities[2].stock["villa"] = 50
        definition.region.targets[0].segments = ["social-rent", "villa"]
        let fromCode = issues { () throws(ScenarioError) in _ = try Scenario(definition) }

        // Worked out from the format (docs/model.md §2): each mistake once, where it was made.
        let expected: Set<Found> = [
            Found(.negative, "municipalities.A.stock.social-rent"),
            Found(.shareOutOfRange, "municipalities.B.maxPriorityShare"),
            Found(.unknownID, "municipalities.C.stock.villa"),
            Found(.unknownID, "region.targets.social-30.segments[1]"),
        ]
        #expect(Set(fromFile) == expected, "\(fromFile)")
        #expect(Set(fromCode) == expected, "\(fromCode)")
        // And the edit API reports the same.
        let fromEdit = issues { () throws(ScenarioError) in
            _ = try base.edited { $0 = definition }
        }
        #expect(Set(fromEdit) == expected)
    }

    @Test("what a file cannot hold but code can: a repeated id and a number that is not finite")
    func codeOnlyMistakes() throws {
        let base = try ScenarioLoader().load(contentsOf: Self.threeTowns)
        var definition = base.definition
        definition.municipalities.append(definition.municipalities[0])
        definition.municipalities[1].lettings = .nan
        definition.region.newHomes = CountRange(min: 0, max: -.infinity)
        let found = Set(issues { () throws(ScenarioError) in _ = try Scenario(definition) })
        #expect(found.contains(Found(.invalidID, "municipalities.A")), "\(found)")
        #expect(found.contains(Found(.invalidValue, "municipalities.B.lettings")), "\(found)")
        #expect(found.contains(Found(.invalidValue, "region.newHomes.max")), "\(found)")
    }

    @Test("a definition built from nothing, with the defaults of a file")
    func builtFromNothing() throws {
        let definition = ScenarioDefinition(
            name: "Two villages",
            segments: [Segment(id: "social-rent", lettable: true, fair: .proportional(key: Key("population")))],
            municipalities: [
                Municipality(id: "b.2", name: "Bdorp", population: 300, newHomes: CountRange(min: 0, max: 10)),
                Municipality(id: "a.1", name: "Adorp", population: 100, newHomes: CountRange(min: 0, max: 10)),
            ])
        let scenario = try Scenario(definition)
        // Sorted by id, whatever order they were given in; every default as a file without the field has it.
        #expect(scenario.municipalities.map(\.id) == ["a.1", "b.2"])
        let file = try ScenarioLoader().load(
            json: """
                {"format": "fairshare-scenario/1", "name": "Two villages",
                 "segments": {"social-rent": {"lettable": true, "fair": {"rule": "proportional"}}},
                 "municipalities": {"b.2": {"name": "Bdorp", "population": 300, "newHomes": {"max": 10}},
                                    "a.1": {"name": "Adorp", "population": 100, "newHomes": {"max": 10}}}}
                """)
        #expect(scenario.definition == file.definition)
    }

    @Test("an edited scenario's variant starts from the edited values, and keeps the variant's label")
    func editedVariant() throws {
        let base = try ScenarioLoader().load(contentsOf: Self.threeTowns)
        let edited = try base.edited { $0.municipalities[0].stock["social-rent"] = 250 }
        let variant = try edited.applying(variant: "no-history")
        #expect(variant.appliedVariant == "no-history")
        #expect(variant.municipality("A")?.stock["social-rent"] == 250)
        if case .proportional? = variant.segment("social-rent")?.fair {
        } else {
            Issue.record("the variant's patch was not applied: \(String(describing: variant.segment("social-rent")))")
        }
        // Editing the variant keeps its label; setting a number keeps it too.
        #expect(try variant.edited { $0.municipalities[1].lettings = 90 }.appliedVariant == "no-history")
        let set = try variant.setting(.number(120), at: "municipalities.B.lettings")
        #expect(set.appliedVariant == "no-history" && set.municipality("B")?.lettings == 120)
        #expect(base.appliedVariant == nil)
    }

    struct Found: Hashable, CustomStringConvertible {
        var code: ScenarioIssue.Code
        var path: JSONPath
        init(_ code: ScenarioIssue.Code, _ path: JSONPath) {
            self.code = code
            self.path = path
        }
        var description: String { "\(code) at \(path)" }
    }

    func issues(_ body: () throws(ScenarioError) -> Void) -> [Found] {
        do {
            try body()
            Issue.record("expected the scenario to be rejected")
            return []
        } catch {
            return error.issues.map { Found($0.code, $0.path) }
        }
    }
}
