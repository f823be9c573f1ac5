import FairShareScenario

/// Checks an allocation against the scenario, requirement by requirement, from the scenario's own numbers and
/// independently of the LP matrix (docs/model.md §3). A solver bug or a formulation bug then shows up as a `failed`
/// result naming the requirement, never as a silently wrong allocation.
enum Verification {
    /// The slack allowed when `figures` reported figures are added up to compare with a requirement of size
    /// `scale`: the solver's accuracy, relative and absolute as the level rows (1e-6 · max(1, |scale|); GLPK's
    /// solution is checked to that relative error, `glp_check_kkt`), plus the rounding of the figures themselves —
    /// each is written to a millionth (`FairShare.clean`), so a sum of n of them is off by at most n · 0.5e-6.
    /// Twelve municipalities' placements of 0.04 each, summed against a demand of 0.5, were off by 2e-6 (found
    /// by fuzzing): more than the old 1e-6 and well within 1e-6 + 13 · 0.5e-6.
    static func tolerance(_ scale: Double, figures: Int = 1) -> Double {
        1e-6 * max(1, abs(scale)) + roundingPerFigure * Double(figures)
    }

    /// How far one reported figure may be from the solver's value: half a millionth.
    static let roundingPerFigure = 0.5e-6

    /// The first requirement the allocation violates, in words with its JSON path, or `nil`.
    static func firstViolation(in result: FairShareResult, scenario: Scenario) -> String? {
        var problems: [String] = []
        func require(_ holds: Bool, _ what: @autoclosure () -> String) {
            if !holds && problems.isEmpty { problems.append(what()) }
        }
        // The most figures any check adds up: a municipality's new homes on both sides of a share (2S) with its
        // placements (G); in the region, every municipality's figure of each segment on both sides, plus the
        // regional figures, each written rounded (2 (M (S + 1) + 1)).
        let segments = scenario.segments
        let local = 2 * segments.count + scenario.priorityGroups.count + 1
        let regional = 2 * (scenario.municipalities.count * (segments.count + 1) + 1)
        var figures = local
        func atLeast(_ value: Double, _ bound: Double, _ what: String) {
            require(value >= bound - tolerance(bound, figures: figures), "\(what): \(value) is below \(bound)")
        }
        func atMost(_ value: Double, _ bound: Double, _ what: String) {
            require(value <= bound + tolerance(bound, figures: figures), "\(what): \(value) is above \(bound)")
        }

        let obligations = scenario.decidedObligations()
        for (i, municipality) in scenario.municipalities.enumerated() {
            let allocation = result.municipalities[i]
            let path = "municipalities.\(municipality.id)"
            let total = segments.reduce(0) { $0 + (allocation.newHomes[$1.id] ?? 0) }
            let stock = municipality.netTotalStock
            atLeast(total, municipality.newHomes.min, "L1 \(path).newHomes.min")
            atMost(total, municipality.newHomes.max, "L1 \(path).newHomes.max")
            for segment in segments {
                let x = allocation.newHomes[segment.id] ?? 0
                let here = "\(path).limits.\(segment.id)"
                atLeast(x, 0, "\(path).newHomes.\(segment.id) (new homes are never negative)")
                atLeast(x, municipality.realised[segment.id] ?? 0, "\(path).realised.\(segment.id)")
                // With periods the planned periods are whole; the horizon adds the facts, which may be fractions.
                if scenario.solver.integer && scenario.periods.count < 2 {
                    require(x == x.rounded(), "integer \(path).\(segment.id): \(x)")
                }
                guard let limits = municipality.limits[segment.id] else { continue }
                let existing = municipality.netStock[segment.id] ?? 0
                if let min = limits.min { atLeast(x, min, "L2 \(here).min") }
                if let max = limits.max { atMost(x, max, "L2 \(here).max") }
                if let share = limits.minNewShare { atLeast(x, share * total, "L3 \(here).minNewShare") }
                if let share = limits.maxNewShare { atMost(x, share * total, "L3 \(here).maxNewShare") }
                if let share = limits.minStockShare {
                    atLeast(existing + x, share * (stock + total), "L4 \(here).minStockShare")
                }
                if let share = limits.maxStockShare {
                    atMost(existing + x, share * (stock + total), "L4 \(here).maxStockShare")
                }
            }
            for alternative in municipality.alternatives {
                let holds = alternative.options.contains { option in
                    let inOption = option.segments.reduce(0) { $0 + (allocation.newHomes[$1] ?? 0) }
                    return inOption
                        >= option.minNewShare * total - tolerance(option.minNewShare * total, figures: figures)
                }
                require(holds, "A1 \(path).alternatives.\(alternative.id): no option holds")
            }
            for group in scenario.priorityGroups {
                guard let statutory = group.statutory else { continue }
                atLeast(
                    allocation.placements[group.id] ?? 0, statutory.task(of: municipality),
                    "P4 priorityGroups.\(group.id).statutory: the task of \(municipality.id)")
            }
            for decided in obligations[i] {
                let inSegments = decided.applies.segments.reduce(0) { $0 + (allocation.newHomes[$1] ?? 0) }
                atLeast(
                    inSegments, decided.applies.minNewShare * total,
                    "O1 \(path).obligations.\(decided.rule).\(decided.side.rawValue).minNewShare")
            }
            var placed = 0.0
            for group in scenario.priorityGroups {
                let y = allocation.placements[group.id] ?? 0
                placed += y
                let range = municipality.placements[group.id] ?? .any
                atLeast(y, range.min, "P3 \(path).placements.\(group.id).min")
                atMost(y, range.max, "P3 \(path).placements.\(group.id).max")
            }
            if !scenario.priorityGroups.isEmpty {
                let lettableNew = segments.filter(\.lettable).reduce(0) { $0 + (allocation.newHomes[$1.id] ?? 0) }
                atMost(
                    placed, municipality.maxPriorityShare * (municipality.lettings + lettableNew),
                    "P2 \(path).maxPriorityShare")
            }
            for quality in scenario.careQualities {
                let z = allocation.care[quality.id] ?? 0
                let range = municipality.care[quality.id] ?? .any
                atLeast(z, range.min, "C3 \(path).care.\(quality.id).min")
                atMost(z, range.max, "C3 \(path).care.\(quality.id).max")
                atMost(z, quality.maxShareOfNewHomes * total, "C2 care.\(quality.id).maxShareOfNewHomes in \(path)")
            }
        }

        figures = regional
        let region = result.region
        atLeast(region.total, scenario.region.newHomes.min, "R1 region.newHomes.min")
        atMost(region.total, scenario.region.newHomes.max, "R1 region.newHomes.max")
        for (k, target) in scenario.region.targets.enumerated() {
            let inTarget = target.segments.reduce(0) { $0 + (region.newHomes[$1] ?? 0) }
            let slack = target.mode == .soft ? region.targets[k].shortfall : 0
            let path = "R2 region.targets.\(target.id)"
            atLeast(inTarget + slack, target.minShare * region.total, "\(path).minShare")
            atMost(inTarget - slack, target.maxShare * region.total, "\(path).maxShare")
        }
        for (g, group) in scenario.priorityGroups.enumerated() {
            let placed = region.priorityGroups[g].placed
            if group.mode == .hard { atLeast(placed, group.demand.min, "P1 priorityGroups.\(group.id).demand.min") }
            atMost(placed, group.demand.max, "P1 priorityGroups.\(group.id).demand.max")
        }
        for (c, quality) in scenario.careQualities.enumerated() {
            let placed = region.care[c].placed
            if quality.mode == .hard { atLeast(placed, quality.demand.min, "C1 care.\(quality.id).demand.min") }
            atMost(placed, quality.demand.max, "C1 care.\(quality.id).demand.max")
        }
        if problems.isEmpty, let problem = firstPeriodViolation(in: result, scenario: scenario) {
            problems.append(problem)
        }
        return problems.first
    }

    /// docs/model.md §9: the periods add up to the horizon, a realised period shows its facts, and every planned
    /// period meets its own requirements (capacity, the region's new homes, demands corrected by the arrears
    /// carried into it, targets that hold per period).
    static func firstPeriodViolation(in result: FairShareResult, scenario: Scenario) -> String? {
        guard !scenario.periods.isEmpty else { return nil }
        guard result.periods.count == scenario.periods.count else {
            return "the result has \(result.periods.count) periods; the scenario has \(scenario.periods.count)"
        }
        var problems: [String] = []
        func require(_ holds: Bool, _ what: @autoclosure () -> String) {
            if !holds && problems.isEmpty { problems.append(what()) }
        }
        // A regional figure of a period is a sum of the municipalities' figures, each written to a millionth of a
        // home on its own (FairShare.clean): their rounding adds up, by at most half a millionth per figure summed.
        let rounding = roundingPerFigure * Double(scenario.municipalities.count * (scenario.segments.count + 1) + 1)
        func atLeast(_ value: Double, _ bound: Double, _ what: String, summed: Bool = false) {
            let slack = tolerance(bound) + (summed ? rounding : 0)
            require(value >= bound - slack, "\(what): \(value) is below \(bound)")
        }
        func atMost(_ value: Double, _ bound: Double, _ what: String, summed: Bool = false) {
            let slack = tolerance(bound) + (summed ? rounding : 0)
            require(value <= bound + slack, "\(what): \(value) is above \(bound)")
        }
        let ledger = PeriodLedger(scenario)
        let realised = scenario.realisedPeriodCount
        let items =
            scenario.segments.map { ($0.id, \PeriodAllocation.newHomes, \MunicipalityAllocation.newHomes) }
            + scenario.priorityGroups.map { ($0.id, \PeriodAllocation.placements, \MunicipalityAllocation.placements) }
            + scenario.careQualities.map { ($0.id, \PeriodAllocation.care, \MunicipalityAllocation.care) }
        for (i, municipality) in scenario.municipalities.enumerated() {
            let horizon = result.municipalities[i]
            for (id, perPeriod, total) in items {
                let sum = result.periods.reduce(0) { $0 + ($1.municipalities[i][keyPath: perPeriod][id] ?? 0) }
                let expected = horizon[keyPath: total][id] ?? 0
                // Each figure is written to a millionth of a home: their rounding adds up over the periods.
                require(
                    abs(sum - expected) <= Double(scenario.periods.count + 1) * tolerance(expected),
                    "the periods of municipalities.\(municipality.id) add up to \(sum) \(id), the horizon shows \(expected)"
                )
            }
            for (t, period) in scenario.periods.enumerated() {
                let allocation = result.periods[t].municipalities[i]
                let path = "municipalities.\(municipality.id).periods.\(period.id)"
                for (id, perPeriod, _) in items {
                    let value = allocation[keyPath: perPeriod][id] ?? 0
                    atLeast(value, 0, "\(path): \(id) (never negative)")
                    if scenario.solver.integer && t >= realised {
                        require(value == value.rounded(), "integer \(path).\(id): \(value)")
                    }
                    if t < realised {
                        let fact = municipality.periods[period.id]?.realised[id] ?? 0
                        require(
                            abs(value - fact) <= tolerance(fact), "M1 \(path).realised.\(id): \(value) is not \(fact)")
                    }
                }
                guard t >= realised else { continue }
                let capacity = municipality.periods[period.id]?.newHomes ?? .any
                let total = scenario.segments.reduce(0) { $0 + (allocation.newHomes[$1.id] ?? 0) }
                atLeast(total, capacity.min, "L1 \(path).newHomes.min")
                atMost(total, capacity.max, "L1 \(path).newHomes.max")
            }
        }
        for (t, period) in scenario.periods.enumerated() where t >= realised {
            let outcome = result.periods[t]
            let path = "periods.\(period.id)"
            let total = outcome.municipalities.reduce(0) { $0 + $1.total }
            atLeast(total, period.newHomes.min, "R1 \(path).newHomes.min", summed: true)
            atMost(total, period.newHomes.max, "R1 \(path).newHomes.max", summed: true)
            for item in ledger.items where item.hasDemand(t) {
                let corrected = item.correctedDemand(t, wholeNumbers: scenario.solver.integer)
                let (kind, placed, hard): (String, Double, Bool)
                if item.kind == .priorityGroup {
                    placed = outcome.municipalities.reduce(0) { $0 + ($1.placements[item.id] ?? 0) }
                    (kind, hard) = ("priorityGroups", scenario.priorityGroups[item.index].mode == .hard)
                } else {
                    placed = outcome.municipalities.reduce(0) { $0 + ($1.care[item.id] ?? 0) }
                    (kind, hard) = ("care", scenario.careQualities[item.index].mode == .hard)
                }
                if hard {
                    atLeast(placed, corrected.min, "\(path).\(kind).\(item.id).demand.min with arrears", summed: true)
                }
                atMost(placed, corrected.max, "\(path).\(kind).\(item.id).demand.max with arrears", summed: true)
            }
            for targetLedger in ledger.targets {
                let target = scenario.region.targets[targetLedger.index]
                guard target.mode == .hard else { continue }
                let inTarget = target.segments.reduce(0.0) { sum, id in
                    sum + outcome.municipalities.reduce(0) { $0 + ($1.newHomes[id] ?? 0) }
                }
                let at = "R2 region.targets.\(target.id).perPeriod in \(period.id)"
                atLeast(
                    inTarget, target.minShare * total + targetLedger.entries[t].arrears,
                    "\(at) (minShare with arrears)",
                    summed: true)
                atMost(inTarget, target.maxShare * total, "\(at) (maxShare)", summed: true)
            }
        }
        return problems.first
    }
}
