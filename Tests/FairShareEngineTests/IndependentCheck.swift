import FairShareEngine
import FairShareScenario

/// An independent check of a result against docs/model.md §3 and §4, written for the tests from the scenario's
/// own numbers (it shares no code with the engine's `Verification`): every constraint L1–L4, R1–R2, P1–P3, C1–C3,
/// the regional totals, the reported shortfalls against the shortfall level and, for norm `sum`, the fairness level
/// against Σ λ_q Σ_i |v_iq − F_iq| recomputed here.
enum IndependentCheck {
    /// Slack allowed on a bound b: 1e-5 · max(1, |b|) (results are rounded to 6 decimals).
    static func slack(_ bound: Double) -> Double { 1e-5 * max(1, abs(bound)) }

    /// Every violated requirement, in words; empty when the allocation is valid.
    static func violations(of result: FairShareResult, in scenario: Scenario) -> [String] {
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

        let byID = Dictionary(result.municipalities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if byID.count != scenario.municipalities.count {
            problems.append("result has \(byID.count) municipalities, scenario \(scenario.municipalities.count)")
        }
        var regionalNew: [String: Double] = [:]
        var regionalPlaced: [String: Double] = [:]
        var regionalCare: [String: Double] = [:]
        var regionalTotal = 0.0

        for municipality in scenario.municipalities {
            guard let allocation = byID[municipality.id] else {
                problems.append("municipality \(municipality.id) missing")
                continue
            }
            let id = municipality.id
            let x = Dictionary(
                uniqueKeysWithValues: scenario.segments.map { ($0.id, allocation.newHomes[$0.id] ?? .nan) })
            let n = x.values.reduce(0, +)
            let netStock = independentNetStock(municipality)
            let stock = netStock.values.reduce(0, +)
            regionalTotal += n
            equal(allocation.total, n, "\(id) total = Σ_s x_is")
            // L1
            atLeast(n, municipality.newHomes.min, "L1 \(id) newHomes.min")
            atMost(n, municipality.newHomes.max, "L1 \(id) newHomes.max")
            for segment in scenario.segments {
                let value = x[segment.id]!
                regionalNew[segment.id, default: 0] += value
                atLeast(value, 0, "\(id).\(segment.id) ≥ 0")
                atLeast(value, municipality.realised[segment.id] ?? 0, "realised \(id).\(segment.id)")
                if scenario.solver.integer, scenario.periods.count < 2, value != value.rounded() {
                    problems.append("integer \(id).\(segment.id) = \(value)")
                }
                guard let limits = municipality.limits[segment.id] else { continue }
                let existing = netStock[segment.id] ?? 0
                // L2
                if let min = limits.min { atLeast(value, min, "L2 \(id).\(segment.id).min") }
                if let max = limits.max { atMost(value, max, "L2 \(id).\(segment.id).max") }
                // L3
                if let share = limits.minNewShare { atLeast(value, share * n, "L3 \(id).\(segment.id).minNewShare") }
                if let share = limits.maxNewShare { atMost(value, share * n, "L3 \(id).\(segment.id).maxNewShare") }
                // L4
                if let share = limits.minStockShare {
                    atLeast(existing + value, share * (stock + n), "L4 \(id).\(segment.id).minStockShare")
                }
                if let share = limits.maxStockShare {
                    atMost(existing + value, share * (stock + n), "L4 \(id).\(segment.id).maxStockShare")
                }
            }
            // O1, decided here from the stock without the library's own decision (docs/model.md §7).
            for rule in municipality.obligations {
                var measured = 0.0
                var threshold = 0.0
                switch rule.measure {
                case .stockShare(let segments):
                    measured =
                        segments.map { municipality.stock[$0] ?? 0 }.reduce(0, +)
                        / municipality.stock.values.reduce(0, +)
                case .attribute(let name):
                    measured = municipality.attributes[name] ?? .nan
                }
                switch rule.threshold {
                case .share(let share), .nationalAverage(let share):
                    threshold = share
                case .regionalAverage:
                    guard case .stockShare(let segments) = rule.measure else { continue }
                    let all = scenario.municipalities
                    threshold =
                        all.map { m in segments.map { m.stock[$0] ?? 0 }.reduce(0, +) }.reduce(0, +)
                        / all.map { $0.stock.values.reduce(0, +) }.reduce(0, +)
                }
                let option = measured < threshold ? rule.below : rule.atOrAbove
                let inOption = option.segments.map { allocation.newHomes[$0] ?? 0 }.reduce(0, +)
                atLeast(inOption, option.minNewShare * n, "O1 \(id).\(rule.id)")
            }
            // P3, P2
            var placed = 0.0
            for group in scenario.priorityGroups {
                let y = allocation.placements[group.id] ?? .nan
                placed += y
                regionalPlaced[group.id, default: 0] += y
                atLeast(y, 0, "\(id).\(group.id) ≥ 0")
                let range = municipality.placements[group.id] ?? CountRange()
                atLeast(y, range.min, "P3 \(id).\(group.id).min")
                atMost(y, range.max, "P3 \(id).\(group.id).max")
                // P4, worked out here: the population share of the national number, rounded up, plus the swap.
                if let statutory = group.statutory {
                    let population =
                        statutory.population.map { municipality.attributes[$0] ?? 0 }
                        ?? municipality.population ?? 0
                    let share = statutory.nationalNumber * population / statutory.nationalPopulation
                    let task = (share * (1 - 1e-12)).rounded(.up) + (statutory.swaps[id] ?? 0)
                    atLeast(y, task, "P4 \(id).\(group.id)")
                }
                if scenario.solver.integer, scenario.periods.count < 2, y != y.rounded() {
                    problems.append("integer \(id).\(group.id) = \(y)")
                }
            }
            if !scenario.priorityGroups.isEmpty {
                let lettableNew = scenario.segments.filter(\.lettable).reduce(0) { $0 + x[$1.id]! }
                atMost(placed, municipality.maxPriorityShare * (municipality.lettings + lettableNew), "P2 \(id)")
            }
            // C3, C2
            for quality in scenario.careQualities {
                let z = allocation.care[quality.id] ?? .nan
                regionalCare[quality.id, default: 0] += z
                atLeast(z, 0, "\(id).\(quality.id) ≥ 0")
                let range = municipality.care[quality.id] ?? CountRange()
                atLeast(z, range.min, "C3 \(id).\(quality.id).min")
                atMost(z, range.max, "C3 \(id).\(quality.id).max")
                atMost(z, quality.maxShareOfNewHomes * n, "C2 \(id).\(quality.id)")
                if scenario.solver.integer, scenario.periods.count < 2, z != z.rounded() {
                    problems.append("integer \(id).\(quality.id) = \(z)")
                }
            }
        }

        // Regional totals as reported.
        equal(result.region.total, regionalTotal, "region.total")
        for segment in scenario.segments {
            equal(result.region.newHomes[segment.id] ?? .nan, regionalNew[segment.id] ?? 0, "region.\(segment.id)")
        }
        // R1
        atLeast(regionalTotal, scenario.region.newHomes.min, "R1 min")
        atMost(regionalTotal, scenario.region.newHomes.max, "R1 max")
        // R2 (a soft target may use its shortfall u on both sides)
        var weightedShortfall = 0.0
        for target in scenario.region.targets {
            let inTarget = target.segments.reduce(0) { $0 + (regionalNew[$1] ?? 0) }
            let reported = result.region.targets.first { $0.id == target.id }
            let u = target.mode == .soft ? (reported?.shortfall ?? .nan) : 0
            if target.mode == .soft {
                atLeast(u, 0, "R2 \(target.id) shortfall ≥ 0")
                weightedShortfall += target.weight * u
            } else if let reported, reported.shortfall != 0 {
                problems.append("R2 \(target.id) is hard but reports shortfall \(reported.shortfall)")
            }
            atLeast(inTarget + u, target.minShare * regionalTotal, "R2 \(target.id).minShare")
            atMost(inTarget - u, target.maxShare * regionalTotal, "R2 \(target.id).maxShare")
        }
        // P1
        for group in scenario.priorityGroups {
            let placed = regionalPlaced[group.id] ?? 0
            let reported = result.region.priorityGroups.first { $0.id == group.id }
            equal(reported?.placed ?? .nan, placed, "P1 \(group.id) placed")
            atMost(placed, group.demand.max, "P1 \(group.id).max")
            if group.mode == .hard {
                atLeast(placed, group.demand.min, "P1 \(group.id).min")
            } else {
                let u = max(0, group.demand.min - placed)
                equal(reported?.shortfall ?? .nan, u, "P1 \(group.id) shortfall")
                weightedShortfall += group.weight * u
            }
        }
        // C1
        for quality in scenario.careQualities {
            let placed = regionalCare[quality.id] ?? 0
            let reported = result.region.care.first { $0.id == quality.id }
            equal(reported?.placed ?? .nan, placed, "C1 \(quality.id) placed")
            atMost(placed, quality.demand.max, "C1 \(quality.id).max")
            if quality.mode == .hard {
                atLeast(placed, quality.demand.min, "C1 \(quality.id).min")
            } else {
                let u = max(0, quality.demand.min - placed)
                equal(reported?.shortfall ?? .nan, u, "C1 \(quality.id) shortfall")
                weightedShortfall += quality.weight * u
            }
        }
        // Whole-number runs round the continuous optimum: their levels are the values the rounding achieves, which
        // are never better than the continuous optima.
        func achieved(_ level: Level) -> Double? {
            guard let whole = result.wholeNumbers else { return result.optimum(level) }
            let value = whole.achieved.first { $0.level == level }?.value
            if let value, let optimum = result.optimum(level), value < optimum - 1e-4 * max(1, abs(optimum)) {
                problems.append("\(level) achieved \(value) is better than the continuous optimum \(optimum)")
            }
            return value
        }
        // Shortfall level = Σ weight · u of the reported shortfalls.
        if let level = achieved(.shortfall) {
            if abs(level - weightedShortfall) > 1e-4 * max(1, abs(level)) {
                problems.append("shortfall level \(level) ≠ Σ weight · shortfall \(weightedShortfall)")
            }
        }
        // Norm sum: the fairness level is Σ λ_q Σ_i |v_iq − F_iq| of the allocation.
        if scenario.fairness.norm == .sum, let level = achieved(.fairness) {
            let phased = scenario.periods.count >= 2 && scenario.fairness.over == .periods
            let recomputed =
                phased
                ? PeriodCheck.fairnessSum(of: result, in: scenario) : fairnessSum(of: result, in: scenario)
            if abs(level - recomputed) > 1e-4 * max(1, abs(level)) {
                problems.append("fairness level \(level) ≠ recomputed Σ λ |v − F| \(recomputed)")
            }
        }
        problems += PeriodCheck.violations(of: result, in: scenario)
        return problems
    }

    /// w_i of a key, computed here from the municipalities' attributes (docs/model.md §2 "Keys").
    static func keyShares(_ key: Key, in scenario: Scenario) -> [Double] {
        let segmentIDs = scenario.segments.map(\.id)
        let kappa = key.weights.reduce(0) { $0 + $1.weight }
        var shares = [Double](repeating: 0, count: scenario.municipalities.count)
        for (attribute, weight) in key.weights {
            let values = scenario.municipalities.map { $0.keyAttribute(attribute, segmentIDs: segmentIDs) ?? 0 }
            let total = values.reduce(0, +)
            for i in shares.indices { shares[i] += weight * values[i] / total / kappa }
        }
        return shares
    }

    /// Σ_q λ_q Σ_i |v_iq − F_iq| of a result (docs/model.md §4).
    static func fairnessSum(of result: FairShareResult, in scenario: Scenario) -> Double {
        let byID = Dictionary(result.municipalities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let allocations = scenario.municipalities.map { byID[$0.id] }
        let stocks = scenario.municipalities.map { independentNetStock($0).values.reduce(0, +) }
        var total = 0.0
        for segment in scenario.segments {
            let values = allocations.map { $0?.newHomes[segment.id] ?? 0 }
            let regional = values.reduce(0, +)
            switch segment.fair {
            case .proportional(let key)?:
                let w = keyShares(key, in: scenario)
                for i in values.indices { total += segment.fairWeight * abs(values[i] - w[i] * regional) }
            case .converge(let target)?:
                let existing = scenario.municipalities.map { independentNetStock($0)[segment.id] ?? 0 }
                let sigma = target ?? existing.reduce(0, +) / stocks.reduce(0, +)
                for i in values.indices {
                    let n = allocations[i]?.total ?? 0
                    total += segment.fairWeight * abs(values[i] - (sigma * (stocks[i] + n) - existing[i]))
                }
            case nil:
                break
            }
        }
        for group in scenario.priorityGroups {
            let values = allocations.map { $0?.placements[group.id] ?? 0 }
            let regional = values.reduce(0, +)
            let w = keyShares(group.key, in: scenario)
            for i in values.indices { total += group.weight * abs(values[i] - w[i] * regional) }
        }
        for quality in scenario.careQualities {
            let values = allocations.map { $0?.care[quality.id] ?? 0 }
            let regional = values.reduce(0, +)
            let w = keyShares(quality.key, in: scenario)
            for i in values.indices { total += quality.weight * abs(values[i] - w[i] * regional) }
        }
        return total
    }
}

/// The stock after the planned changes, worked out here from `stock` and `stockChanges` (not the library's
/// `netStock`): existing homes, less demolition, less transfers out, plus transfers in.
func independentNetStock(_ municipality: Municipality) -> [String: Double] {
    var net = municipality.stock
    for (segment, homes) in municipality.stockChanges.demolition { net[segment] = (net[segment] ?? 0) - homes }
    for transfer in municipality.stockChanges.transfers {
        net[transfer.from] = (net[transfer.from] ?? 0) - transfer.homes
        net[transfer.to] = (net[transfer.to] ?? 0) + transfer.homes
    }
    return net
}
