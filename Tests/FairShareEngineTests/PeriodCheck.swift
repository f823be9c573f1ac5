import FairShareEngine
import FairShareScenario

/// The independent check of docs/model.md §9, written for the tests from the scenario's own numbers (no code shared
/// with the engine's `PeriodLedger` or `Verification`): the periods add up to the horizon, realised periods show
/// their facts, planned periods meet their capacity, the region's new homes, their demands corrected by the arrears
/// carried over, and the targets that hold per period; and, for norm `sum` over periods, the fairness level is
/// Σ_t Σ_q λ_q Σ_i |v_iqt − F_iqt| over the planned periods.
enum PeriodCheck {
    static func slack(_ bound: Double) -> Double { 1e-5 * max(1, abs(bound)) }

    /// The realised periods: up to `monitoring.asOf`, else up to the last period with any realised figure.
    static func realisedCount(_ scenario: Scenario) -> Int {
        let ids = scenario.periods.map(\.id)
        if let asOf = scenario.monitoring.asOf, let index = ids.firstIndex(of: asOf) { return index + 1 }
        var last = 0
        for (t, id) in ids.enumerated()
        where scenario.municipalities.contains(where: { !($0.periods[id]?.realised ?? [:]).isEmpty }) {
            last = t + 1
        }
        return last
    }

    /// A_iqt for a group or care quality: [period][municipality], from the carry-over rule and the realised figures.
    static func arrears(
        item: String, demands: [CountRange?], key: Key, rule: CarryOver, in scenario: Scenario
    ) -> [[Double]] {
        let periods = scenario.periods
        let w = IndependentCheck.keyShares(key, in: scenario)
        var carried = periods.map { _ in scenario.municipalities.map { _ in 0.0 } }
        for t in 0..<realisedCount(scenario) {
            for (i, municipality) in scenario.municipalities.enumerated() {
                let task = w[i] * (demands[t]?.min ?? 0)
                let done = municipality.periods[periods[t].id]?.realised[item] ?? 0
                let balance = task + carried[t][i] - done
                let later = Array((t + 1)..<periods.count)
                if balance > 0 {
                    switch rule.arrears {
                    case .next: if let next = later.first { carried[next][i] += balance }
                    case .spread: for next in later { carried[next][i] += balance / Double(later.count) }
                    case .none: break
                    }
                } else if balance < 0, rule.surplus == .credit, let next = later.first {
                    carried[next][i] += balance
                }
            }
        }
        return carried
    }

    static func violations(of result: FairShareResult, in scenario: Scenario) -> [String] {
        guard !scenario.periods.isEmpty else { return [] }
        var problems: [String] = []
        func atLeast(_ value: Double, _ bound: Double, _ what: @autoclosure () -> String) {
            if value < bound - slack(bound) { problems.append("\(what()): \(value) < \(bound)") }
        }
        func atMost(_ value: Double, _ bound: Double, _ what: @autoclosure () -> String) {
            if bound.isFinite, value > bound + slack(bound) { problems.append("\(what()): \(value) > \(bound)") }
        }
        func equal(_ value: Double, _ expected: Double, _ what: @autoclosure () -> String) {
            if abs(value - expected) > slack(expected) { problems.append("\(what()): \(value) ≠ \(expected)") }
        }
        let periods = scenario.periods
        guard result.periods.map(\.id) == periods.map(\.id) else {
            return ["result periods \(result.periods.map(\.id)) ≠ scenario periods \(periods.map(\.id))"]
        }
        let realised = realisedCount(scenario)
        let items =
            scenario.segments.map { ($0.id, 0) } + scenario.priorityGroups.map { ($0.id, 1) }
            + scenario.careQualities.map { ($0.id, 2) }
        func value(_ allocation: PeriodAllocation?, _ id: String, _ kind: Int) -> Double {
            switch kind {
            case 0: allocation?.newHomes[id] ?? .nan
            case 1: allocation?.placements[id] ?? .nan
            default: allocation?.care[id] ?? .nan
            }
        }
        for municipality in scenario.municipalities {
            guard let horizon = result.municipalities.first(where: { $0.id == municipality.id }) else { continue }
            for (id, kind) in items {
                let sum = result.periods.reduce(0) { $0 + value($1.municipality(municipality.id), id, kind) }
                let total =
                    kind == 0
                    ? horizon.newHomes[id] ?? .nan
                    : kind == 1 ? horizon.placements[id] ?? .nan : horizon.care[id] ?? .nan
                equal(sum, total, "Σ_t \(municipality.id).\(id) = horizon")
            }
            for (t, period) in periods.enumerated() {
                let allocation = result.periods[t].municipality(municipality.id)
                let n = scenario.segments.reduce(0) { $0 + value(allocation, $1.id, 0) }
                for (id, kind) in items {
                    let v = value(allocation, id, kind)
                    atLeast(v, 0, "\(municipality.id).\(id)@\(period.id) ≥ 0")
                    // Whole numbers in the planned periods of an integer run (facts may be fractions).
                    if scenario.solver.integer, t >= realised, abs(v - v.rounded()) > 1e-9 {
                        problems.append("integer \(municipality.id).\(id)@\(period.id) = \(v)")
                    }
                    if t < realised {
                        equal(
                            v, municipality.periods[period.id]?.realised[id] ?? 0,
                            "fact \(municipality.id).\(id)@\(period.id)")
                    }
                }
                if t >= realised, let capacity = municipality.periods[period.id]?.newHomes {
                    atLeast(n, capacity.min, "L1 \(municipality.id)@\(period.id).min")
                    atMost(n, capacity.max, "L1 \(municipality.id)@\(period.id).max")
                }
            }
        }
        func regional(_ t: Int, _ id: String, _ kind: Int) -> Double {
            result.periods[t].municipalities.reduce(0) { $0 + value($1, id, kind) }
        }
        let demanded: [(id: String, kind: Int, demands: [CountRange?], key: Key, rule: CarryOver, hard: Bool)] =
            scenario.priorityGroups.map { group in
                (
                    group.id, 1, periods.map { $0.priorityGroups[group.id] }, group.key, group.carryOver,
                    group.mode == .hard
                )
            }
            + scenario.careQualities.map { quality in
                (
                    quality.id, 2, periods.map { $0.care[quality.id] }, quality.key, quality.carryOver,
                    quality.mode == .hard
                )
            }
        for (t, period) in periods.enumerated() where t >= realised {
            let total = result.periods[t].municipalities.reduce(0) { $0 + $1.total }
            atLeast(total, period.newHomes.min, "R1 \(period.id).min")
            atMost(total, period.newHomes.max, "R1 \(period.id).max")
            for item in demanded where item.demands.contains(where: { $0 != nil }) {
                let carried = arrears(
                    item: item.id, demands: item.demands, key: item.key, rule: item.rule, in: scenario)[t]
                guard item.demands[t] != nil || carried.contains(where: { $0 != 0 }) else { continue }
                let demand = item.demands[t] ?? CountRange()
                let w = IndependentCheck.keyShares(item.key, in: scenario)
                // Each municipality's corrected task, never below 0; the region's is their sum.
                let tasks = w.map { $0 * demand.min }
                let corrected = zip(tasks, carried).map { max(0, $0 + $1) }
                let extra = zip(corrected, tasks).reduce(0) { $0 + $1.0 - $1.1 }
                let placed = regional(t, item.id, item.kind)
                var low = corrected.reduce(0, +)
                var high = demand.max + extra
                if scenario.solver.integer {
                    // Whole placements: both bounds rounded up (never below the corrected task).
                    low = (low - 1e-9).rounded(.up)
                    high = max(low, (high - 1e-9).rounded(.up))
                }
                if item.hard { atLeast(placed, low, "P1/C1 \(item.id)@\(period.id).min") }
                atMost(placed, high, "P1/C1 \(item.id)@\(period.id).max")
            }
        }
        // Targets per period: realised periods set the arrears, planned ones must meet minShare plus them.
        for target in scenario.region.targets where target.perPeriod != nil && target.mode == .hard && periods.count > 1
        {
            var carried = [Double](repeating: 0, count: periods.count)
            for t in periods.indices {
                let total = result.periods[t].municipalities.reduce(0) { $0 + $1.total }
                let inTarget = target.segments.reduce(0) { $0 + regional(t, $1, 0) }
                if t < realised {
                    let balance = target.minShare * total + carried[t] - inTarget
                    let later = Array((t + 1)..<periods.count)
                    if balance > 0 {
                        switch target.perPeriod?.arrears {
                        case .next?: if let next = later.first { carried[next] += balance }
                        case .spread?: for next in later { carried[next] += balance / Double(later.count) }
                        default: break
                        }
                    } else if balance < 0, target.perPeriod?.surplus == .credit, let next = later.first {
                        carried[next] += balance
                    }
                } else {
                    atLeast(inTarget, target.minShare * total + carried[t], "R2 \(target.id)@\(periods[t].id)")
                    atMost(inTarget, target.maxShare * total, "R2 \(target.id)@\(periods[t].id).max")
                }
            }
        }
        return problems
    }

    /// Σ over planned periods of Σ_q λ_q Σ_i |v_iqt − F_iqt| (docs/model.md §9), from the result's figures.
    static func fairnessSum(of result: FairShareResult, in scenario: Scenario) -> Double {
        let periods = scenario.periods
        let municipalities = scenario.municipalities
        let allocations = result.periods.map { period in municipalities.map { period.municipality($0.id) } }
        let stocks = municipalities.map { independentNetStock($0) }
        let totals = stocks.map { $0.values.reduce(0, +) }
        var sum = 0.0
        for t in realisedCount(scenario)..<periods.count {
            // F = κ_i + w_i (R − Σ_j κ_j), κ_i = max(0, τ_i + A_i) the corrected task (0 without period tasks).
            func proportional(
                _ values: [Double], _ key: Key, _ weight: Double, _ carried: [Double], demand: CountRange?
            ) {
                let w = IndependentCheck.keyShares(key, in: scenario)
                let regional = values.reduce(0, +)
                let corrected = values.indices.map { i in max(0, w[i] * (demand?.min ?? 0) + carried[i]) }
                let total = corrected.reduce(0, +)
                for i in values.indices { sum += weight * abs(values[i] - (corrected[i] + w[i] * (regional - total))) }
            }
            let none = municipalities.map { _ in 0.0 }
            for segment in scenario.segments {
                let values = allocations[t].map { $0?.newHomes[segment.id] ?? 0 }
                switch segment.fair {
                case .proportional(let key)?:
                    proportional(values, key, segment.fairWeight, none, demand: nil)
                case .converge(let target)?:
                    let sigma =
                        target ?? stocks.reduce(0) { $0 + ($1[segment.id] ?? 0) } / totals.reduce(0, +)
                    // The fraction of the horizon's months passed by the period's end.
                    let months = periods.map {
                        ($0.end.year * 12 + $0.end.month) - ($0.start.year * 12 + $0.start.month) + 1
                    }
                    let elapsed = Double(months[...t].reduce(0, +)) / Double(months.reduce(0, +))
                    for i in municipalities.indices {
                        // The share to reach by the period's end: on a straight line from today's own share to σ.
                        let own = totals[i] > 0 ? (stocks[i][segment.id] ?? 0) / totals[i] : sigma
                        let share = own + (sigma - own) * elapsed
                        // The stock at the period's end: existing plus everything built up to and including t.
                        let built = (0...t).reduce(0) { $0 + (allocations[$1][i]?.newHomes[segment.id] ?? 0) }
                        let all = (0...t).reduce(0) { $0 + (allocations[$1][i]?.total ?? 0) }
                        let fair = share * (totals[i] + all) - (stocks[i][segment.id] ?? 0)
                        sum += segment.fairWeight * abs(built - fair)
                    }
                case nil:
                    break
                }
            }
            for group in scenario.priorityGroups {
                let demands = periods.map { $0.priorityGroups[group.id] }
                let carried =
                    demands.contains { $0 != nil }
                    ? arrears(item: group.id, demands: demands, key: group.key, rule: group.carryOver, in: scenario)[t]
                    : none
                proportional(
                    allocations[t].map { $0?.placements[group.id] ?? 0 }, group.key, group.weight, carried,
                    demand: demands[t])
            }
            for quality in scenario.careQualities {
                let demands = periods.map { $0.care[quality.id] }
                let carried =
                    demands.contains { $0 != nil }
                    ? arrears(
                        item: quality.id, demands: demands, key: quality.key, rule: quality.carryOver, in: scenario)[t]
                    : none
                proportional(
                    allocations[t].map { $0?.care[quality.id] ?? 0 }, quality.key, quality.weight, carried,
                    demand: demands[t])
            }
        }
        return sum
    }
}
