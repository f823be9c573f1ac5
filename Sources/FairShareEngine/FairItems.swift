import FairShareScenario

/// One thing whose division is judged for fairness (docs/model.md §4): a segment with a `fair` rule, a priority
/// group or a care quality.
struct FairItem: Sendable {
    enum Kind: Sendable { case segment, priorityGroup, careQuality }

    enum Rule: Sendable {
        /// F_iq = w_i · (regional total of q).
        case proportional(shares: [Double])
        /// F_iq = σ · (T_i + N_i) − E_is.
        case converge(targetShare: Double)
    }

    /// The item's id (segment, group or care quality id); ids are unique across the three kinds.
    let id: String
    let kind: Kind
    /// Position of the item within its kind (segment index, group index, care index).
    let index: Int
    let rule: Rule
    /// λ_q: the weight of the item's deviations.
    let weight: Double
    /// m_iq per municipality: the size weight used by the `max` norm.
    let sizes: [Double]

    /// Every fair item of a scenario, in order: segments, priority groups, care qualities.
    static func all(in scenario: Scenario) -> [FairItem] {
        var items: [FairItem] = []
        // The stock after the planned changes (docs/model.md §2, `stockChanges`).
        let stocks = scenario.municipalities.map(\.netTotalStock)
        let regionalStock = stocks.reduce(0, +)
        let stockShares = stocks.map { regionalStock > 0 ? $0 / regionalStock : 0 }
        for (index, segment) in scenario.segments.enumerated() {
            switch segment.fair {
            case .proportional(let key)?:
                let shares = KeyShares.shares(key, in: scenario)
                items.append(
                    FairItem(
                        id: segment.id, kind: .segment, index: index, rule: .proportional(shares: shares),
                        weight: segment.fairWeight, sizes: shares))
            case .converge(let target)?:
                let current =
                    regionalStock > 0
                    ? scenario.municipalities.map { $0.netStock[segment.id] ?? 0 }.reduce(0, +) / regionalStock : 0
                items.append(
                    FairItem(
                        id: segment.id, kind: .segment, index: index,
                        rule: .converge(targetShare: target ?? current), weight: segment.fairWeight, sizes: stockShares)
                )
            case nil:
                break
            }
        }
        for (index, group) in scenario.priorityGroups.enumerated() {
            let shares = KeyShares.shares(group.key, in: scenario)
            items.append(
                FairItem(
                    id: group.id, kind: .priorityGroup, index: index, rule: .proportional(shares: shares),
                    weight: group.weight, sizes: shares))
        }
        for (index, quality) in scenario.careQualities.enumerated() {
            let shares = KeyShares.shares(quality.key, in: scenario)
            items.append(
                FairItem(
                    id: quality.id, kind: .careQuality, index: index, rule: .proportional(shares: shares),
                    weight: quality.weight, sizes: shares))
        }
        return items
    }
}

/// The shares w_i that a key gives each municipality (docs/model.md §2, "Keys").
public enum KeyShares {
    /// w_i = Σ_a κ_a · a_i / Σ_j a_j  /  Σ_a κ_a, per municipality in the scenario's order; the shares sum to 1.
    /// The scenario has been validated, so every attribute is present with a positive regional total.
    public static func shares(_ key: Key, in scenario: Scenario) -> [Double] {
        var shares = [Double](repeating: 0, count: scenario.municipalities.count)
        let weightSum = key.weights.reduce(0) { $0 + $1.weight }
        guard weightSum > 0 else { return shares }
        for (attribute, weight) in key.weights where weight > 0 {
            let segmentIDs = scenario.segments.map(\.id)
            let values = scenario.municipalities.map { $0.keyAttribute(attribute, segmentIDs: segmentIDs) ?? 0 }
            let total = values.reduce(0, +)
            guard total > 0 else { continue }
            for index in shares.indices { shares[index] += weight * values[index] / total / weightSum }
        }
        return shares
    }
}
