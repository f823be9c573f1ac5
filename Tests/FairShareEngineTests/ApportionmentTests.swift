import FairShareEngine
import FairShareScenario
import Foundation
import Testing

/// Whole numbers (`solver.integer`) are the central allocation rounded by minimising Σ |v − c| with the chord
/// inequality; for a plain proportional split of a fixed total that is Hamilton's largest-remainder method. These
/// are published US House apportionments made with it (files and sources in `Apportionment/README.md`): the
/// published seats, not a computation of ours.
@Suite("Published Hamilton apportionments")
struct ApportionmentTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Apportionment")

    @Test(
        "reproduces the published table",
        arguments: [
            "us-house-1792-bill", "us-house-1880-325", "us-house-1890-356", "us-house-1880-299", "us-house-1880-300",
        ])
    func publishedTable(name: String) throws {
        let scenario = try ScenarioLoader().load(contentsOf: Self.folder.appendingPathComponent("\(name).json"))
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).expected.json"))
        let expected = try #require(
            (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["seats"] as? [String: Int])
        try #require(!expected.isEmpty)
        let clock = ContinuousClock()
        let start = clock.now
        let result = FairShare.solve(scenario)
        let elapsed = clock.now - start
        #expect(result.status == .optimal, "\(name): \(result.status) \(result.failure?.description ?? "")")
        #expect(result.wholeNumbers != nil)
        for (state, seats) in expected {
            #expect(result[state].newHomes["seats"] == Double(seats), "\(name) \(state): published \(seats)")
        }
        let total = scenario.region.newHomes.min
        #expect(result.municipalities.reduce(0) { $0 + ($1.newHomes["seats"] ?? 0) } == total)
        // Measured well under 0.1 s each in a debug build; the bound leaves room for a loaded machine.
        #expect(elapsed < .seconds(5), "\(name): \(elapsed)")
    }
}
