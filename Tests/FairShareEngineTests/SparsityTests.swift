import FairShareScenario
import FairShareSynthetic
import Testing

@testable import FairShareEngine

/// The model stays sparse: regional totals are variables of their own, so nonzeros grow linearly with the
/// number of municipalities (no row over all municipalities per municipality).
@Suite("Sparsity of the formulation")
struct SparsityTests {
    static func nonzeros(_ count: Int, norm: String? = nil) throws -> Int {
        var document = SyntheticRegion.document(municipalities: count, seed: 7)
        if let norm { document = ScenarioGenerator.setting(document, ["fairness", "norm"], .string(norm)) }
        var limits = ScenarioLimits()
        limits.maximumMunicipalities = max(limits.maximumMunicipalities, count)
        let scenario = try ScenarioLoader(limits: limits).read(document)
        return Formulation(scenario).model.nonzeroCount
    }

    @Test("nonzeros grow linearly: 10 → 100 → 1000 municipalities", arguments: [nil, "max"])
    func linearGrowth(norm: String?) throws {
        let n10 = try Self.nonzeros(10, norm: norm)
        let n100 = try Self.nonzeros(100, norm: norm)
        let n1000 = try Self.nonzeros(1000, norm: norm)
        #expect(n10 > 0)
        #expect(Double(n100) / Double(n10) <= 10.5, "nnz 10: \(n10), 100: \(n100)")
        #expect(Double(n1000) / Double(n100) <= 10.5, "nnz 100: \(n100), 1000: \(n1000)")
        // And not suspiciously flat either: the model does grow with the region.
        #expect(Double(n1000) / Double(n100) >= 9, "nnz 100: \(n100), 1000: \(n1000)")
    }

    /// Per municipality a bounded number of nonzeros: SyntheticRegion has 4 segments, 1 group, 1 care quality,
    /// 2 fair segments + group + care = 4 fair items; well under 100 nonzeros per municipality.
    @Test("nonzeros per municipality are bounded")
    func perMunicipality() throws {
        let n1000 = try Self.nonzeros(1000)
        #expect(n1000 / 1000 < 100, "nnz(1000) = \(n1000)")
    }
}
