import FairShareScenario
import LinearModel

/// The variables of one period (docs/model.md §9): x_ist, y_igt, z_ict and N_it per municipality, and the
/// period's regional totals X_st, Y_gt, Z_ct and N_t.
struct PeriodVariables: Sendable {
    var newHomes: [[Variable]]
    var placements: [[Variable]]
    var careHomes: [[Variable]]
    var totals: [Variable]
    var regionalNewHomes: [Variable]
    var regionalPlacements: [Variable]
    var regionalCare: [Variable]
    var regionalTotal: Variable
    /// The rows that define the period's totals.
    var definitions: DefinitionRows
}

extension Formulation {
    /// The period variables and their links to the horizon: x_is = Σ_t x_ist (and so for y and z), N_it = Σ_s x_ist,
    /// and the period's regional totals. One period is the horizon itself: its variables are the horizon's.
    mutating func addPeriods(_ scenario: Scenario, integer: Bool) {
        ledger = PeriodLedger(scenario)
        realisedPeriods = scenario.realisedPeriodCount
        guard scenario.periods.count >= 2 else {
            periods = [
                PeriodVariables(
                    newHomes: newHomes, placements: placements, careHomes: careHomes, totals: totals,
                    regionalNewHomes: regionalNewHomes, regionalPlacements: regionalPlacements,
                    regionalCare: regionalCare, regionalTotal: regionalTotal, definitions: definitions)
            ]
            return
        }
        let municipalities = scenario.municipalities
        let realisedCount = realisedPeriods
        for (t, period) in scenario.periods.enumerated() {
            let at = "@" + period.id
            // A realised period's figures are facts, fixed, and may be fractions (persons per half-year): only the
            // planned periods are whole numbers in an integer run.
            let integer = integer && t >= realisedCount
            var variables = PeriodVariables(
                newHomes: [], placements: [], careHomes: [], totals: [], regionalNewHomes: [], regionalPlacements: [],
                regionalCare: [], regionalTotal: Variable(index: 0), definitions: DefinitionRows())
            for municipality in municipalities {
                let id = municipality.id
                variables.newHomes.append(
                    scenario.segments.map { model.addVariable("x[\(id),\($0.id)\(at)]", isInteger: integer) })
                variables.placements.append(
                    scenario.priorityGroups.map { model.addVariable("y[\(id),\($0.id)\(at)]", isInteger: integer) })
                variables.careHomes.append(
                    scenario.careQualities.map { model.addVariable("z[\(id),\($0.id)\(at)]", isInteger: integer) })
                let total = model.addVariable("n[\(id)\(at)]")
                variables.totals.append(total)
                variables.definitions.municipalities.append(
                    model.add(
                        LinearExpression.sum(variables.newHomes.last ?? []) - total == 0, name: "total[\(id)\(at)]"))
            }
            func regional(
                _ name: String, _ perMunicipality: [[Variable]], _ index: Int, _ rows: inout [ConstraintID]
            ) -> Variable {
                let total = model.addVariable("\(name)\(at)]")
                rows.append(
                    model.add(
                        LinearExpression.sum(perMunicipality.map { $0[index] }) - total == 0,
                        name: "total\(name)\(at)]"))
                return total
            }
            variables.regionalNewHomes = scenario.segments.indices.map {
                regional("X[\(scenario.segments[$0].id)", variables.newHomes, $0, &variables.definitions.newHomes)
            }
            variables.regionalPlacements = scenario.priorityGroups.indices.map {
                regional(
                    "Y[\(scenario.priorityGroups[$0].id)", variables.placements, $0, &variables.definitions.placements)
            }
            variables.regionalCare = scenario.careQualities.indices.map {
                regional("Z[\(scenario.careQualities[$0].id)", variables.careHomes, $0, &variables.definitions.care)
            }
            variables.regionalTotal = model.addVariable("N\(at)")
            variables.definitions.region = model.add(
                LinearExpression.sum(variables.totals) - variables.regionalTotal == 0, name: "total[region\(at)]")
            periods.append(variables)
        }
        // The horizon is the sum of its periods.
        for (i, municipality) in municipalities.enumerated() {
            func link(_ horizon: Variable, _ perPeriod: (PeriodVariables) -> Variable, _ name: String) {
                linkRows.append(
                    model.add(
                        LinearExpression.sum(periods.map(perPeriod)) - horizon == 0,
                        name: "phase[\(municipality.id),\(name)]"))
            }
            for (s, segment) in scenario.segments.enumerated() {
                link(newHomes[i][s], { $0.newHomes[i][s] }, segment.id)
            }
            for (g, group) in scenario.priorityGroups.enumerated() {
                link(placements[i][g], { $0.placements[i][g] }, group.id)
            }
            for (c, quality) in scenario.careQualities.enumerated() {
                link(careHomes[i][c], { $0.careHomes[i][c] }, quality.id)
            }
        }
    }

    /// The requirements of each period (docs/model.md §9): the facts of a realised period (M1: every figure equals
    /// what was realised), and in a planned period the municipality's capacity (L1), the region's new homes (R1),
    /// the period's demands corrected by the arrears carried into it (P1, C1) and the targets that hold per period
    /// (R2).
    mutating func addPeriodRequirements(_ scenario: Scenario) {
        let all = scenario.periods
        guard !periods.isEmpty else { return }
        for (t, period) in all.enumerated() {
            let variables = periods[t]
            for (i, municipality) in scenario.municipalities.enumerated() {
                let here = JSONPath(members: ["municipalities", municipality.id, "periods", period.id])
                let own = municipality.periods[period.id]
                let name = "\(municipality.id)@\(period.id)"
                if t < realisedPeriods {
                    let realised = own?.realised ?? [:]
                    func fact(_ v: Variable, _ id: String, _ unit: Requirement.Unit) {
                        let x = LinearExpression(v)
                        let value = realised[id] ?? 0
                        let path = here + "realised" + id
                        require(x, .minimum, value, "M1", path, unit, municipality.id, row: "M1.min[\(name),\(id)]")
                        require(
                            x, .maximum, value, "M1", path, unit, municipality.id, row: "M1.max[\(name),\(id)]",
                            always: true)
                    }
                    for (s, segment) in scenario.segments.enumerated() {
                        fact(variables.newHomes[i][s], segment.id, .homes)
                    }
                    for (g, group) in scenario.priorityGroups.enumerated() {
                        fact(variables.placements[i][g], group.id, .placements)
                    }
                    for (c, quality) in scenario.careQualities.enumerated() {
                        fact(variables.careHomes[i][c], quality.id, .homes)
                    }
                    continue
                }
                let capacity = own?.newHomes ?? .any
                let n = LinearExpression(variables.totals[i])
                require(
                    n, .minimum, capacity.min, "L1", here + ["newHomes", "min"], .homes, municipality.id,
                    row: "L1.min[\(name)]")
                require(
                    n, .maximum, capacity.max, "L1", here + ["newHomes", "max"], .homes, municipality.id,
                    row: "L1.max[\(name)]")
            }
            guard t >= realisedPeriods else { continue }
            let here = JSONPath(members: ["periods", period.id])
            let total = LinearExpression(variables.regionalTotal)
            require(
                total, .minimum, period.newHomes.min, "R1", here + ["newHomes", "min"], .homes, nil,
                row: "R1.min[@\(period.id)]")
            require(
                total, .maximum, period.newHomes.max, "R1", here + ["newHomes", "max"], .homes, nil,
                row: "R1.max[@\(period.id)]")
            for item in ledger.items where item.hasDemand(t) {
                // Arrears are key shares, fractions: an integer run rounds the bounds up to whole placements.
                let corrected = item.correctedDemand(t, wholeNumbers: wholeNumbers)
                let own = item.demands[t] ?? .any
                let (group, placed, unit, family, mode, weight):
                    (String, Variable, Requirement.Unit, String, RequirementMode, Double)
                switch item.kind {
                case .priorityGroup:
                    let source = scenario.priorityGroups[item.index]
                    (group, placed, unit, family, mode, weight) = (
                        "priorityGroups", variables.regionalPlacements[item.index], .placements, "P1", source.mode,
                        source.weight
                    )
                default:
                    let source = scenario.careQualities[item.index]
                    (group, placed, unit, family, mode, weight) = (
                        "care", variables.regionalCare[item.index], .homes, "C1", source.mode, source.weight
                    )
                }
                let path = here + group + item.id + "demand"
                let row = "\(family)[\(item.id)@\(period.id)]"
                let value = LinearExpression(placed)
                require(
                    value, .maximum, corrected.max, family, path + "max", unit, nil, row: row + ".max",
                    reported: own.max)
                if mode == .soft, corrected.min > 0 {
                    let shortfall = model.addVariable("u[\(item.id)@\(period.id)]")
                    periodShortfalls.append((weight, shortfall))
                    model.add(value + shortfall >= corrected.min, name: row + ".min")
                } else {
                    require(
                        value, .minimum, corrected.min, family, path + "min", unit, nil, row: row + ".min",
                        reported: own.min)
                }
            }
            for ledger in ledger.targets {
                let target = scenario.region.targets[ledger.index]
                let arrears = ledger.entries[t].arrears
                let inTarget = LinearExpression.sum(
                    target.segments.compactMap { id in
                        scenario.segments.firstIndex { $0.id == id }.map { variables.regionalNewHomes[$0] }
                    })
                // A diagnosis relaxes the target's own share, which holds in every period and over the horizon.
                let path = JSONPath(members: ["region", "targets", target.id])
                let row = "R2[\(target.id)@\(period.id)]"
                if target.mode == .soft {
                    let shortfall = model.addVariable("u[\(target.id)@\(period.id)]")
                    periodShortfalls.append((target.weight, shortfall))
                    if target.minShare > 0 || arrears > 0 {
                        model.add(
                            inTarget + shortfall - target.minShare * variables.regionalTotal >= arrears,
                            name: row + ".min")
                    }
                    if target.maxShare < 1 {
                        model.add(
                            inTarget - shortfall - target.maxShare * variables.regionalTotal <= 0, name: row + ".max")
                    }
                    continue
                }
                if target.minShare > 0 || arrears > 0 {
                    require(
                        inTarget - target.minShare * variables.regionalTotal, .minimum, arrears, "R2",
                        path + "minShare",
                        .share, nil, row: row + ".min", share: target.minShare, denominator: total, always: true)
                }
                if target.maxShare < 1 {
                    require(
                        inTarget - target.maxShare * variables.regionalTotal, .maximum, 0, "R2", path + "maxShare",
                        .share, nil,
                        row: row + ".max", share: target.maxShare, denominator: total)
                }
            }
        }
    }

    /// Fairness per planned period (docs/model.md §9, `fairness.over: "periods"`): d⁺ − d⁻ = v_iqt − F_iqt for every
    /// fair item, municipality and planned period, with
    /// - `proportional`: F_iqt = κ_iqt + w_i · (R_qt − K_qt) (the municipality's corrected task, plus its key share of
    ///   whatever the period's regional total R_qt places beyond the region's corrected task K_qt = Σ_j κ_jqt; an item
    ///   without period tasks has κ = K = 0);
    /// - `converge`: F_ist = σ_it · (T_i + Σ_{t'<t} N_it' + N_it) − (E_is + Σ_{t'<t} x_ist'): the stock at the
    ///   period's start plus what earlier periods built, brought to σ_it, the share on an even path from the
    ///   municipality's own share today to σ at the horizon's end (``pathShare(_:from:segment:elapsed:)``). Written with
    ///   cumulative sums C_ist = Σ_{t'≤t} x_ist' and K_it = Σ_{t'≤t} N_it', the row is
    ///   C_ist − σ_it · K_it − d⁺ + d⁻ = σ_it · T_i − E_is: short, so the programme stays sparse.
    mutating func addPeriodFairness(_ scenario: Scenario) {
        items = FairItem.all(in: scenario)
        let municipalities = scenario.municipalities
        let planned = realisedPeriods..<periods.count
        let needsCumulative = items.contains { if case .converge = $0.rule { true } else { false } }
        // K_it, and C_ist for converge segments: [t][i] and [s: [t][i]].
        var cumulativeTotals: [[LinearExpression]] = []
        if needsCumulative {
            cumulativeTotals = cumulative(municipalities.indices.map { i in periods.map { $0.totals[i] } }, "K")
        }
        if scenario.fairness.norm == .leximin { leximinBound = model.addVariable("t[leximin]") }
        for item in items {
            var above: [Variable] = []
            var below: [Variable] = []
            var rows: [ConstraintID] = []
            let worst = scenario.fairness.norm == .max ? model.addVariable("t[\(item.id)]") : nil
            var built: [[LinearExpression]] = []
            if case .converge = item.rule {
                built = cumulative(
                    municipalities.indices.map { i in periods.map { $0.newHomes[i][item.index] } }, "C[\(item.id)]")
            }
            let tasked = ledger.item(item.kind, item.index)
            for t in planned {
                let period = scenario.periods[t]
                let corrected = tasked?.entries[t].map(\.corrected) ?? Array(repeating: 0, count: municipalities.count)
                let regionCorrected = corrected.reduce(0, +)
                for (i, municipality) in municipalities.enumerated() {
                    let name = "\(municipality.id),\(item.id)@\(period.id)"
                    // What the row needs, read before `addDeviation` changes the model.
                    let value = allocated(item, municipality: i, period: t)
                    let total = regionalTotal(of: item, period: t)
                    let (plus, minus, row) = addDeviation(
                        item, municipality: i, id: municipality.id, name: name, pair: "\(item.id)@\(period.id)",
                        worst: worst
                    ) { plus, minus in
                        switch item.rule {
                        case .proportional(let shares):
                            return value - shares[i] * total - plus + minus
                                == corrected[i] - shares[i] * regionCorrected
                        case .converge(let target):
                            let segment = scenario.segments[item.index].id
                            let existing = municipality.netStock[segment] ?? 0
                            let sigma = Self.pathShare(
                                target, from: municipality, segment: segment,
                                elapsed: Self.elapsed(scenario.periods, through: t))
                            return built[i][t] - sigma * cumulativeTotals[i][t] - plus + minus
                                == sigma * municipality.netTotalStock - existing
                        }
                    }
                    above.append(plus)
                    below.append(minus)
                    rows.append(row)
                }
            }
            deviationsAbove.append(above)
            deviationsBelow.append(below)
            fairRows.append(rows)
            if let worst { worstDeviation.append(worst) }
        }
    }

    /// σ_it = s_i + (σ − s_i) · f_t: the share of a converging segment that municipality i should reach by the end of
    /// period t, where s_i = E_is / T_i is its own share today and f_t the fraction of the horizon's months elapsed
    /// by then. The path runs evenly from today's share to σ, so a municipality far from σ converges step by step
    /// rather than all in the first period; at the horizon's end (f = 1) it is σ, as without periods.
    static func pathShare(_ target: Double, from municipality: Municipality, segment: String, elapsed: Double) -> Double
    {
        let total = municipality.netTotalStock
        let own = total > 0 ? (municipality.netStock[segment] ?? 0) / total : target
        return own + (target - own) * elapsed
    }

    /// f_t: the fraction of all periods' months that have passed by the end of period t.
    static func elapsed(_ periods: [Period], through t: Int) -> Double {
        let all = periods.reduce(0) { $0 + $1.months }
        let passed = periods[...t].reduce(0) { $0 + $1.months }
        return all > 0 ? Double(passed) / Double(all) : 1
    }

    /// Running sums Σ_{t'≤t} of each row of `values` ([i][t]): the first is the value itself, each later one a
    /// variable defined by S_t = S_{t−1} + v_t (three nonzeros a row).
    private mutating func cumulative(_ values: [[Variable]], _ name: String) -> [[LinearExpression]] {
        values.enumerated().map { i, row in
            var sums: [LinearExpression] = []
            for (t, value) in row.enumerated() {
                guard let previous = sums.last else {
                    sums.append(LinearExpression(value))
                    continue
                }
                let sum = model.addVariable("\(name)[\(i)@\(t)]")
                runningSums.append(sum)
                linkRows.append(model.add(sum - previous - value == 0, name: "\(name).sum[\(i)@\(t)]"))
                sums.append(LinearExpression(sum))
            }
            return sums
        }
    }

    /// v_iqt: the variable of item q for municipality i in period t.
    func allocated(_ item: FairItem, municipality i: Int, period t: Int) -> Variable {
        switch item.kind {
        case .segment: periods[t].newHomes[i][item.index]
        case .priorityGroup: periods[t].placements[i][item.index]
        case .careQuality: periods[t].careHomes[i][item.index]
        }
    }

    /// The regional total of an item in period t: X_st, Y_gt or Z_ct.
    func regionalTotal(of item: FairItem, period t: Int) -> Variable {
        switch item.kind {
        case .segment: periods[t].regionalNewHomes[item.index]
        case .priorityGroup: periods[t].regionalPlacements[item.index]
        case .careQuality: periods[t].regionalCare[item.index]
        }
    }
}
