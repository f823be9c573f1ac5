import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import FairShareTestSupport
import PropertyBased
import Testing

/// Properties (b) and (c): changes that do not change the problem do not change any level optimum
/// (1e-6 relative), nor the status.
@Suite("Property: invariance of the level optima")
struct InvariancePropertyTests {
    /// Whether two results solved the same levels with the same optima, within 1e-6 relative.
    static func sameOptima(_ a: FairShareResult, _ b: FairShareResult) -> Bool {
        guard a.status == b.status, a.levels == b.levels else { return false }
        return zip(a.objective, b.objective).allSatisfy { abs($0.value - $1.value) <= 1e-6 * max(1, abs($0.value)) }
    }

    static func describe(_ result: FairShareResult) -> String {
        "\(result.status) " + result.objective.map { "\($0.level.rawValue)=\($0.value)" }.joined(separator: " ")
    }

    /// (b) Municipality ids renamed (so they sort differently) and listed in a shuffled order.
    @Test("renaming and reordering municipalities changes no level optimum")
    func renameAndReorder() async throws {
        let cases = PropertyCases()
        await propertyCheck(
            count: 60, input: Gen.int(in: 2...12), Gen.uint64(in: 1...1_000_000_000), Gen.uint64(in: 0...UInt64.max)
        ) { size, seed, perturbation in
            let label = "size \(size), seed \(seed), perturbation \(perturbation)"
            let document = ScenarioGenerator.document(municipalities: size, seed: seed, perturbation: perturbation)
            let relisted = ScenarioGenerator.renamedAndShuffled(document, seed: perturbation ^ 0x5EED).document
            do {
                let original = FairShare.solve(try ScenarioGenerator.load(document))
                let renamed = FairShare.solve(try ScenarioGenerator.load(relisted))
                cases.checked()
                #expect(
                    Self.sameOptima(original, renamed),
                    "\(label): \(Self.describe(original)) vs \(Self.describe(renamed))")
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
        cases.expectChecked()
    }

    /// (c) A key attribute multiplied by the same constant in every municipality: the shares w_i do not change.
    /// Population keys statushouders (and, in some generated scenarios, half of the market key), households the
    /// mid-rent segment, elderly75 the zero-step care quality.
    @Test("scaling a key attribute in every municipality changes no level optimum")
    func scaleKeyAttribute() async throws {
        let cases = PropertyCases()
        await propertyCheck(
            count: 60, input: Gen.int(in: 2...12), Gen.uint64(in: 1...1_000_000_000), Gen.uint64(in: 0...UInt64.max)
        ) { size, seed, perturbation in
            let document = ScenarioGenerator.document(municipalities: size, seed: seed, perturbation: perturbation)
            var random = SplitMix64(seed: perturbation ^ 0xC0FFEE)
            let attribute = [["population"], ["households"], ["attributes", "elderly75"]][random.index(3)]
            let factor = [0.5, 3, 7, 1000][random.index(4)]
            let label =
                "size \(size), seed \(seed), perturbation \(perturbation): "
                + "\(attribute.joined(separator: ".")) × \(factor)"
            var scaled = document
            for id in ScenarioGenerator.municipalityIDs(document) {
                var value: JSONValue? = document.object?["municipalities"]?.object?[id]
                for key in attribute { value = value?.object?[key] }
                guard case .number(let number)? = value else {
                    Issue.record("\(label): \(id) has no \(attribute)")
                    return
                }
                scaled = ScenarioGenerator.setting(
                    scaled, ["municipalities", id] + attribute, .number(number * factor))
            }
            do {
                let original = FairShare.solve(try ScenarioGenerator.load(document))
                let rescaled = FairShare.solve(try ScenarioGenerator.load(scaled))
                cases.checked()
                #expect(
                    Self.sameOptima(original, rescaled),
                    "\(label): \(Self.describe(original)) vs \(Self.describe(rescaled))")
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
        cases.expectChecked()
    }
}
