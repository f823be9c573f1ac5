import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// The engine solves what the scenario says, however it was made: a file, code, or an edit.
@Suite("Scenarios built and edited in code")
struct ScenarioInCodeTests {
    static let drechtsteden = Repository.scenario("drechtsteden.json")

    /// Drechtsteden 2025–2030 as an embedding application would build it from its own database: the figures of
    /// Scenarios/drechtsteden.json (sources there), written as Swift values, municipalities in another order.
    static var drechtstedenInCode: ScenarioDefinition {
        ScenarioDefinition(
            name: "Drechtsteden 2025-2030", horizon: Horizon(start: 2025, end: 2030),
            segments: [
                Segment(
                    id: "social-rent", label: "Sociale huur", affordable: true, lettable: true,
                    fair: .converge(targetShare: nil)),
                Segment(
                    id: "mid-rent", label: "Middenhuur", affordable: true, fair: .proportional(key: Key("households"))),
                Segment(
                    id: "affordable-owner", label: "Betaalbare koop", affordable: true,
                    fair: .proportional(key: Key("households"))),
                Segment(id: "market", label: "Vrije sector", fair: .proportional(key: Key("capacity"))),
            ],
            region: Region(
                newHomes: CountRange(min: 9000, max: 10000),
                targets: [
                    Target(id: "social-30", segments: ["social-rent"], minShare: 0.3),
                    Target(
                        id: "affordable-2-3", segments: ["social-rent", "mid-rent", "affordable-owner"],
                        minShare: 0.6667),
                ]),
            priorityGroups: [
                PriorityGroup(id: "statushouders", label: "Statushouders", demand: CountRange(min: 1750, max: 1750))
            ],
            careQualities: [
                CareQuality(
                    id: "zero-step", label: "Nultredenwoning", demand: CountRange(min: 2700),
                    key: Key("elderly75"), maxShareOfNewHomes: 0.6)
            ],
            municipalities: [
                municipality("GM0642", "Zwijndrecht", 46070, 20980, [7331, 2037, 4480, 6517], 1250...3100, 2753, 4280),
                municipality("GM0610", "Sliedrecht", 26270, 11110, [3530, 1067, 2427, 3641], 690...750, 1326, 2630),
                municipality("GM0590", "Papendrecht", 32174, 14330, [4086, 1431, 3515, 5273], 440...660, 1535, 2130),
                municipality(
                    "GM0531", "Hendrik-Ido-Ambacht", 32685, 12850, [2822, 1227, 3288, 4933], 750...1500, 1060,
                    1730),
                municipality(
                    "GM0523", "Hardinxveld-Giessendam", 18760, 7310, [2035, 549, 1890, 2836], 240...340, 764,
                    1515),
                municipality(
                    "GM0505", "Dordrecht", 122089, 56360, [15095, 8716, 14323, 16956], 3000...6000, 5669, 10080),
                municipality("GM0482", "Alblasserdam", 20470, 8510, [2427, 835, 2033, 3050], 600...700, 911, 1545),
            ])
    }

    static func municipality(
        _ id: String, _ name: String, _ population: Double, _ households: Double, _ stock: [Double],
        _ newHomes: ClosedRange<Double>, _ lettings: Double, _ elderly: Double
    ) -> Municipality {
        let segments = ["social-rent", "mid-rent", "affordable-owner", "market"]
        return Municipality(
            id: id, name: name, population: population, households: households,
            stock: Dictionary(uniqueKeysWithValues: zip(segments, stock)),
            newHomes: CountRange(min: newHomes.lowerBound, max: newHomes.upperBound), lettings: lettings,
            maxPriorityShare: 0.25, attributes: ["elderly75": elderly])
    }

    @Test("Drechtsteden built in code gives the same result, byte for byte, as the file")
    func drechtstedenFromCode() throws {
        let file = try ScenarioLoader().load(contentsOf: Self.drechtsteden)
        let inCode = try Scenario(Self.drechtstedenInCode)
        let fromFile = FairShare.solve(file)
        let fromCode = FairShare.solve(inCode)
        #expect(fromFile.status == .optimal)
        #expect(fromCode.jsonText == fromFile.jsonText)
    }

    /// The expected result is solved from the file's JSON with both changes written into it by hand, a path that
    /// shares nothing with ``Scenario/edited(_:)`` but the reader.
    @Test("an edited scenario's variant solves the edited values")
    func editedVariantSolvesEdits() throws {
        let file = try ScenarioLoader().load(contentsOf: Self.drechtsteden)
        let edited = try file.edited { definition in
            let dordrecht = definition.municipalities.firstIndex { $0.id == "GM0505" }!
            definition.municipalities[dordrecht].newHomes = CountRange(min: 3000, max: 4000)
        }
        let solved = FairShare.solve(try edited.applying(variant: "max-norm"))
        #expect(solved.variant == "max-norm")

        let patch = try #require(file.variant("max-norm")?.patch)
        let byHand = file.document.setting(.number(4000), at: "municipalities.GM0505.newHomes.max")
            .mergePatched(with: patch)
        let expected = FairShare.solve(try ScenarioLoader().read(byHand))
        #expect(expected.status == .optimal)
        #expect(solved.municipality("GM0505")?.total == expected.municipality("GM0505")?.total)
        #expect((solved.municipality("GM0505")?.total ?? .infinity) <= 4000 + 1e-6)
        // The file's own variant lets Dordrecht build more: the edit is what changed the answer.
        let unedited = FairShare.solve(try file.applying(variant: "max-norm"))
        #expect((unedited.municipality("GM0505")?.total ?? 0) > 4000 + 1)
        // Same result apart from the label: the by-hand scenario is a base scenario.
        var relabelled = expected
        relabelled.variant = "max-norm"
        #expect(solved.jsonText == relabelled.jsonText)
    }

    @Test("a variant's result is labelled with the variant that was applied, never with a name alone")
    func variantLabel() throws {
        let file = try ScenarioLoader().load(contentsOf: Self.drechtsteden)
        #expect(FairShare.solve(file).variant == nil)
        let variant = try file.applying(variant: "population-and-social-stock")
        let result = FairShare.solve(variant)
        #expect(result.variant == "population-and-social-stock")
        #expect(result.jsonText != FairShare.solve(file).jsonText)
    }
}
