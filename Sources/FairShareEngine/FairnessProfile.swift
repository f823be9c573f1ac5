import FairShareScenario

extension FairShareResult {
    /// Every (municipality, fair item) pair's weighted relative deviation λ_q · d_iq / m_iq, largest first — the
    /// measure the leximin norm minimises (docs/model.md §7), computed for any result so that norms can be compared.
    /// Pairs of size 0 are left out. Empty without an allocation.
    public func fairnessProfile(in scenario: Scenario) -> [Double] {
        guard hasAllocation else { return [] }
        let items = FairItem.all(in: scenario)
        var values: [Double] = []
        for item in items {
            for (i, allocation) in municipalities.enumerated() where i < item.sizes.count && item.sizes[i] > 0 {
                values.append(item.weight * (allocation.deviation[item.id] ?? 0) / item.sizes[i])
            }
        }
        return values.sorted(by: >)
    }
}
