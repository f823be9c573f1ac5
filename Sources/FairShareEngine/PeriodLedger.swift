import FairShareScenario

/// The tasks of every period and what carries over between them (docs/model.md §9), worked out from the scenario's
/// figures before the solve: realised periods are facts, so the arrears they leave are numbers, not variables.
///
/// For a priority group or care quality q with a demand in some period, municipality i and period t:
///
///     task        τ_iqt = w_iq · demand_qt.min                  (0 in a period without a demand)
///     corrected   κ_iqt = max(0, τ_iqt + A_iqt)                 (A_iqt: carried over into t; negative = credit)
///     region      K_qt = Σ_i κ_iqt ≤ Y_qt ≤ demand_qt.max + Σ_i (κ_iqt − τ_iqt)
///     balance     b_iqt = τ_iqt + A_iqt − realised_iqt          (realised periods only)
///
/// b > 0 (arrears) goes to the next period (`next`), evenly to every later period (`spread`) or nowhere (`none`);
/// b < 0 (a surplus) is credited to the next period only with `surplus: credit`. A plan does not plan to fall short,
/// so only realised periods leave arrears. A target with `perPeriod` keeps the same ledger for the region, in homes:
/// τ_kt = minShare_k · N_t and realised = the target's segments' new homes.
struct PeriodLedger: Sendable {
    /// One item's carry-over per municipality (or the region) and period.
    struct Entry: Sendable, Hashable {
        var task = 0.0
        var arrears = 0.0
        var realised: Double?
        var corrected: Double { max(0, task + arrears) }
    }

    /// A group or care quality with a demand in at least one period.
    struct TaskedItem: Sendable {
        var id: String
        var kind: FairItem.Kind
        /// Index within its kind.
        var index: Int
        /// demand_qt per period, `nil` where the period has none.
        var demands: [CountRange?]
        /// [period][municipality].
        var entries: [[Entry]]
        /// Whether period t has a demand row: a demand of its own, or arrears carried into it.
        func hasDemand(_ t: Int) -> Bool { demands[t] != nil || entries[t].contains { $0.arrears != 0 } }
        /// K_qt = Σ_i κ_iqt: the region's corrected task in period t.
        func correctedTotal(_ t: Int) -> Double { entries[t].reduce(0) { $0 + $1.corrected } }
        /// The corrected regional demand of period t: from K_qt = Σ_i κ_iqt (every municipality's corrected task)
        /// to demand.max + Σ_i (κ_iqt − τ_iqt) (the demand's own room above its minimum, plus what was carried in).
        /// A credit lowers only its own municipality's task, never below 0.
        ///
        /// Written as demand.min + Σ_i (κ_iqt − τ_iqt) (the same number), so that without arrears the bounds are the
        /// demand's own, exactly. In an integer run (`wholeNumbers`) both are rounded up to whole placements: never
        /// below the corrected task.
        func correctedDemand(_ t: Int, wholeNumbers: Bool = false) -> CountRange {
            let carried = entries[t].reduce(0) { $0 + $1.corrected - $1.task }
            let demand = demands[t] ?? .any
            let range = CountRange(min: max(0, demand.min + carried), max: demand.max + carried)
            guard wholeNumbers else { return range }
            let low = (range.min - 1e-9).rounded(.up)
            return CountRange(min: low, max: max(low, (range.max - 1e-9).rounded(.up)))
        }
    }

    /// A regional target with `perPeriod`: its arrears in homes per period.
    struct TargetLedger: Sendable {
        var index: Int
        var entries: [Entry]
    }

    var items: [TaskedItem] = []
    var targets: [TargetLedger] = []

    /// An empty ledger.
    init() {}

    /// The ledger of `scenario`; empty when it has no periods.
    init(_ scenario: Scenario) {
        let periods = scenario.periods
        guard !periods.isEmpty else { return }
        let realisedCount = scenario.realisedPeriodCount
        let municipalities = scenario.municipalities
        func realised(_ i: Int, _ t: Int, _ id: String) -> Double? {
            t < realisedCount ? municipalities[i].periods[periods[t].id]?.realised[id] ?? 0 : nil
        }
        func item(_ id: String, _ kind: FairItem.Kind, _ index: Int, key: Key, rule: CarryOver, demands: [CountRange?])
            -> TaskedItem
        {
            let shares = KeyShares.shares(key, in: scenario)
            var entries = periods.indices.map { t in
                municipalities.indices.map { i in Entry(task: shares[i] * (demands[t]?.min ?? 0)) }
            }
            for i in municipalities.indices {
                for t in 0..<min(realisedCount, periods.count) {
                    let done = realised(i, t, id) ?? 0
                    entries[t][i].realised = done
                    let balance = entries[t][i].task + entries[t][i].arrears - done
                    Self.carry(balance, from: t, rule: rule, count: periods.count) { entries[$0][i].arrears += $1 }
                }
            }
            return TaskedItem(id: id, kind: kind, index: index, demands: demands, entries: entries)
        }
        for (g, group) in scenario.priorityGroups.enumerated() {
            let demands = periods.map { $0.priorityGroups[group.id] }
            guard demands.contains(where: { $0 != nil }) else { continue }
            items.append(item(group.id, .priorityGroup, g, key: group.key, rule: group.carryOver, demands: demands))
        }
        for (c, quality) in scenario.careQualities.enumerated() {
            let demands = periods.map { $0.care[quality.id] }
            guard demands.contains(where: { $0 != nil }) else { continue }
            items.append(item(quality.id, .careQuality, c, key: quality.key, rule: quality.carryOver, demands: demands))
        }
        for (k, target) in scenario.region.targets.enumerated() {
            guard let rule = target.perPeriod, periods.count > 1 else { continue }
            var entries = [Entry](repeating: Entry(), count: periods.count)
            for t in 0..<min(realisedCount, periods.count) {
                var total = 0.0
                var inTarget = 0.0
                for i in municipalities.indices {
                    for segment in scenario.segments {
                        let homes = realised(i, t, segment.id) ?? 0
                        total += homes
                        if target.segments.contains(segment.id) { inTarget += homes }
                    }
                }
                entries[t].task = target.minShare * total
                entries[t].realised = inTarget
                let balance = entries[t].task + entries[t].arrears - inTarget
                Self.carry(balance, from: t, rule: rule, count: periods.count) { entries[$0].arrears += $1 }
            }
            targets.append(TargetLedger(index: k, entries: entries))
        }
    }

    /// Hands a realised period's balance on: arrears by the rule's `arrears`, a surplus to the next period when
    /// credited.
    static func carry(
        _ balance: Double, from t: Int, rule: CarryOver, count: Int, add: (Int, Double) -> Void
    ) {
        let later = count - t - 1
        guard later > 0, balance != 0 else { return }
        if balance > 0 {
            switch rule.arrears {
            case .next: add(t + 1, balance)
            case .spread: for next in (t + 1)..<count { add(next, balance / Double(later)) }
            case .none: break
            }
        } else if rule.surplus == .credit {
            add(t + 1, balance)
        }
    }

    /// The tasked item for a group or care quality, if it has period demands.
    func item(_ kind: FairItem.Kind, _ index: Int) -> TaskedItem? {
        items.first { $0.kind == kind && $0.index == index }
    }
}
