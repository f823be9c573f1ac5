import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// The shipped Drechtsteden scenario and every variant solve, and the result JSON is byte-identical across
/// repeated solves and across a copy of the file with the municipalities listed in reverse order.
@Suite("Drechtsteden scenario and variants")
struct DrechtstedenTests {
    static let url = Repository.scenario("drechtsteden.json")

    /// nil: the base scenario; otherwise a variant id.
    static var cases: [String?] {
        let ids = (try? ScenarioLoader().load(contentsOf: url))?.variants.map(\.id) ?? ["<could not load>"]
        return [nil] + ids.map(Optional.some)
    }

    static func solve(_ scenario: Scenario, variant: String?) throws -> FairShareResult {
        guard let variant else { return FairShare.solve(scenario) }
        return FairShare.solve(try scenario.applying(variant: variant))
    }

    @Test("the file has the expected variants")
    func variants() throws {
        let scenario = try ScenarioLoader().load(contentsOf: Self.url)
        #expect(scenario.municipalities.count == 7)
        #expect(scenario.variants.map(\.id).contains("whole-homes"))
        #expect(scenario.variants.count >= 5)
    }

    @Test("solves optimally; JSON identical across solves and reversed municipality order", arguments: cases)
    func solvesDeterministically(variant: String?) throws {
        let loader = ScenarioLoader()
        let scenario = try loader.load(contentsOf: Self.url)
        let first = try Self.solve(scenario, variant: variant)
        // whole-homes is an integer programme: optimal means within its mipGap.
        #expect(first.status == .optimal, "\(variant ?? "base"): \(first.status) \(first.failure?.description ?? "")")
        #expect(!first.municipalities.isEmpty)
        if variant == "whole-homes" {
            #expect((first.mipGap ?? 0) <= 0.001 + 1e-12)
            for municipality in first.municipalities {
                for value in municipality.newHomes.values { #expect(value == value.rounded()) }
            }
        }
        let problems = IndependentCheck.violations(
            of: first, in: try variant.map { try loader.applying(variant: $0, to: scenario) } ?? scenario)
        #expect(problems.isEmpty, "\(problems.prefix(5))")

        let second = try Self.solve(scenario, variant: variant)
        #expect(first.jsonText == second.jsonText)

        var top = try #require(scenario.document.object)
        let municipalities = try #require(top["municipalities"]?.object)
        top["municipalities"] = .object(JSONObject(municipalities.members.reversed()))
        let reversed = try loader.read(.object(top))
        #expect(
            reversed.document.object?["municipalities"]?.object?.keys
                != scenario.document.object?["municipalities"]?.object?.keys)
        let third = try Self.solve(reversed, variant: variant)
        #expect(first.jsonText == third.jsonText)
    }
}
