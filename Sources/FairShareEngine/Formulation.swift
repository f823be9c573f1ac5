import FairShareScenario
import LinearModel

/// A scenario written as a linear programme (docs/model.md §3–5): the model, the handles of its variables, and the
/// objective of each lexicographic level.
///
/// Regional totals (X_s, Y_g, Z_c, N) are variables of their own, defined once by an equality row, so that every
/// fair-share and target row stays short: nonzeros grow linearly with the number of municipalities.
struct Formulation: Sendable {
    var model = Model()
    /// x_is, y_ig, z_ic: [municipality][segment / group / care quality].
    var newHomes: [[Variable]] = []
    var placements: [[Variable]] = []
    var careHomes: [[Variable]] = []
    /// N_i: total new homes per municipality.
    var totals: [Variable] = []
    /// X_s, Y_g, Z_c, N: regional totals.
    var regionalNewHomes: [Variable] = []
    var regionalPlacements: [Variable] = []
    var regionalCare: [Variable] = []
    var regionalTotal = Variable(index: 0)
    /// The rows that define N_i, X_s, Y_g, Z_c and N.
    var definitions = DefinitionRows()
    /// Shortfall variables u (homes or placements) of soft requirements, by target / group / care index.
    var targetShortfalls: [Int: Variable] = [:]
    var groupShortfalls: [Int: Variable] = [:]
    var careShortfalls: [Int: Variable] = [:]
    /// The fair items and, per item, d⁺ and d⁻ per municipality, and t_q (norm `max`).
    var items: [FairItem] = []
    var deviationsAbove: [[Variable]] = []
    var deviationsBelow: [[Variable]] = []
    /// Per item, the row `fair` of each pair, in the order of ``deviationsAbove``.
    var fairRows: [[ConstraintID]] = []
    var worstDeviation: [Variable] = []
    /// The objectives of the levels, in order.
    var levels: [(level: Level, expression: LinearExpression)] = []
    /// Norm `leximin`: the common bound t and one row `λ_q (d⁺ + d⁻) − m_iq · t ≤ 0` per (municipality, item).
    var leximinBound: Variable?
    var leximinPairs: [LeximinPair] = []
    /// Either-or requirements (docs/model.md §7): per municipality, rule and option, the binary b_ia.
    var alternativeChoices: [AlternativeChoice] = []
    /// The programme per period (docs/model.md §9), in time order; one entry whose variables are the horizon's own
    /// for a scenario with one period, none without periods.
    var periods: [PeriodVariables] = []
    /// How many periods, from the first, are realised (their figures fixed).
    var realisedPeriods = 0
    /// The tasks and arrears of every period.
    var ledger = PeriodLedger()
    /// The rows that tie the periods to the horizon (x_is = Σ_t x_ist, and so for y and z) and that define the
    /// running sums of `converge` items; ``runningSums``: those sums.
    var linkRows: [ConstraintID] = []
    var runningSums: [Variable] = []
    /// Shortfall variables of soft requirements per period, with their weights.
    var periodShortfalls: [(weight: Double, variable: Variable)] = []
    /// Whether the scenario has two periods or more: then the period figures are what is allocated, and the
    /// horizon's are their sums.
    var isPhased: Bool { periods.count >= 2 }
    /// Whether fairness judges every planned period on its own (`fairness.over: "periods"` with two periods or
    /// more): the programme then has fair rows per period, and the engine starts it differently (``FairShare``).
    private(set) var judgesPeriods = false

    /// The scenario's hard requirements and how the model holds each, in the order they were written.
    var requirements: [RequirementRow] = []
    /// Whether every hard requirement has a violation variable (for infeasibility diagnosis).
    let elastic: Bool
    /// Whether x, y and z (per period, with periods) are whole numbers: the rounding of `solver.integer`.
    let wholeNumbers: Bool
    /// Bound requirements on single variables, applied as variable bounds once all are known.
    private var pendingBounds: [Int: [(side: Requirement.Side, bound: Double, requirement: Int)]] = [:]

    /// Writes `scenario` as a linear programme.
    /// - Parameter elastic: give every hard requirement a violation variable e ≥ 0 (homes or placements) so that
    ///   the programme is always feasible; the levels are not added. Used by ``Diagnosis``.
    /// - Parameter wholeNumbers: make x, y and z integer. The levels are always solved continuous (`solver.integer`
    ///   rounds the central allocation afterwards, see ``WholeNumbers``), so only that rounding sets it.
    /// - Parameter horizonOnly: the horizon's programme alone, as if the scenario had no periods (the start of a
    ///   programme judged per period, docs/model.md §9).
    init(_ scenario: Scenario, elastic: Bool = false, wholeNumbers: Bool = false, horizonOnly: Bool = false) {
        self.elastic = elastic
        self.wholeNumbers = wholeNumbers && !elastic
        model.name = scenario.name.isEmpty ? "fairshare" : String(scenario.name.prefix(200))
        let integer = wholeNumbers && !elastic && scenario.periods.count < 2
        let segments = scenario.segments
        let groups = scenario.priorityGroups
        let qualities = scenario.careQualities

        // Variables per municipality: x, y, z and N_i; their bounds come from requirements below.
        for municipality in scenario.municipalities {
            let id = municipality.id
            newHomes.append(segments.map { model.addVariable("x[\(id),\($0.id)]", isInteger: integer) })
            placements.append(groups.map { model.addVariable("y[\(id),\($0.id)]", isInteger: integer) })
            careHomes.append(qualities.map { model.addVariable("z[\(id),\($0.id)]", isInteger: integer) })
            totals.append(model.addVariable("n[\(id)]"))
        }

        // Definitions: N_i = Σ_s x_is; X_s = Σ_i x_is; Y_g = Σ_i y_ig; Z_c = Σ_i z_ic; N = Σ_i N_i.
        for (i, municipality) in scenario.municipalities.enumerated() {
            definitions.municipalities.append(
                model.add(LinearExpression.sum(newHomes[i]) - totals[i] == 0, name: "total[\(municipality.id)]"))
        }
        regionalNewHomes = segments.enumerated().map { s, segment in
            let total = model.addVariable("X[\(segment.id)]")
            definitions.newHomes.append(
                model.add(LinearExpression.sum(newHomes.map { $0[s] }) - total == 0, name: "total[\(segment.id)]"))
            return total
        }
        regionalTotal = model.addVariable("N")
        definitions.region = model.add(LinearExpression.sum(totals) - regionalTotal == 0, name: "total[region]")
        regionalPlacements = groups.enumerated().map { g, group in
            let total = model.addVariable("Y[\(group.id)]")
            definitions.placements.append(
                model.add(LinearExpression.sum(placements.map { $0[g] }) - total == 0, name: "total[\(group.id)]"))
            return total
        }
        regionalCare = qualities.enumerated().map { c, quality in
            let total = model.addVariable("Z[\(quality.id)]")
            definitions.care.append(
                model.add(LinearExpression.sum(careHomes.map { $0[c] }) - total == 0, name: "total[\(quality.id)]"))
            return total
        }

        if !scenario.periods.isEmpty && !horizonOnly {
            addPeriods(scenario, integer: wholeNumbers && !elastic)
        }
        addLocalRequirements(scenario)
        addRegionalRequirements(scenario)
        if !horizonOnly { addPeriodRequirements(scenario) }
        applyPendingBounds()
        addAlternatives(scenario)
        if isPhased && scenario.fairness.over == .periods {
            judgesPeriods = true
            addPeriodFairness(scenario)
        } else {
            addFairness(scenario)
        }
        if !elastic { addLevels(scenario) }
    }

    /// L1–L4, P2, P3, C2, C3: each municipality's own requirements.
    private mutating func addLocalRequirements(_ scenario: Scenario) {
        let obligations = scenario.decidedObligations()
        for (i, municipality) in scenario.municipalities.enumerated() {
            let id = municipality.id
            let here = JSONPath(members: ["municipalities", id])
            // Every stock share uses the stock after the planned changes (docs/model.md §2, `stockChanges`).
            let totalStock = municipality.netTotalStock
            let netStock = municipality.netStock
            let n = LinearExpression(totals[i])
            require(
                n, .minimum, municipality.newHomes.min, "L1", here + ["newHomes", "min"], .homes, id,
                row: "L1.min[\(id)]")
            require(
                n, .maximum, municipality.newHomes.max, "L1", here + ["newHomes", "max"], .homes, id,
                row: "L1.max[\(id)]")
            for (s, segment) in scenario.segments.enumerated() {
                let x = LinearExpression(newHomes[i][s])
                let name = "\(id),\(segment.id)"
                require(
                    x, .minimum, municipality.realised[segment.id] ?? 0, "L2", here + "realised" + segment.id,
                    .homes, id, row: "L2.realised[\(name)]")
                guard let limits = municipality.limits[segment.id] else { continue }
                let limitPath = here + "limits" + segment.id
                require(x, .minimum, limits.min ?? 0, "L2", limitPath + "min", .homes, id, row: "L2.min[\(name)]")
                require(
                    x, .maximum, limits.max ?? .infinity, "L2", limitPath + "max", .homes, id, row: "L2.max[\(name)]")
                if let share = limits.minNewShare, share > 0 {
                    require(
                        x - share * totals[i], .minimum, 0, "L3", limitPath + "minNewShare", .share, id,
                        row: "L3.min[\(name)]", share: share, denominator: n)
                }
                if let share = limits.maxNewShare, share < 1 {
                    require(
                        x - share * totals[i], .maximum, 0, "L3", limitPath + "maxNewShare", .share, id,
                        row: "L3.max[\(name)]", share: share, denominator: n)
                }
                let existing = netStock[segment.id] ?? 0
                if let share = limits.minStockShare, share > 0 {
                    require(
                        x - share * totals[i], .minimum, share * totalStock - existing, "L4",
                        limitPath + "minStockShare", .share, id, row: "L4.min[\(name)]", share: share,
                        denominator: n + totalStock)
                }
                if let share = limits.maxStockShare, share < 1 {
                    require(
                        x - share * totals[i], .maximum, share * totalStock - existing, "L4",
                        limitPath + "maxStockShare", .share, id, row: "L4.max[\(name)]", share: share,
                        denominator: n + totalStock)
                }
            }
            if !scenario.priorityGroups.isEmpty {
                let share = municipality.maxPriorityShare
                let lettable = scenario.segments.indices.filter { scenario.segments[$0].lettable }
                let lettableNew = LinearExpression.sum(lettable.map { newHomes[i][$0] })
                require(
                    LinearExpression.sum(placements[i]) - share * lettableNew, .maximum, share * municipality.lettings,
                    "P2", here + "maxPriorityShare", .share, id, row: "P2[\(id)]", share: share,
                    denominator: lettableNew + municipality.lettings, always: true)
            }
            for (g, group) in scenario.priorityGroups.enumerated() {
                let range = municipality.placements[group.id] ?? .any
                let y = LinearExpression(placements[i][g])
                let path = here + "placements" + group.id
                require(y, .minimum, range.min, "P3", path + "min", .placements, id, row: "P3.min[\(id),\(group.id)]")
                require(y, .maximum, range.max, "P3", path + "max", .placements, id, row: "P3.max[\(id),\(group.id)]")
                // P4: the statutory task, after swaps. Its number is the swap: a diagnosis that lowers it says
                // how many people this municipality would have to hand over to others.
                if let statutory = group.statutory {
                    require(
                        y, .minimum, statutory.task(of: municipality), "P4",
                        JSONPath(members: ["priorityGroups", group.id, "statutory", "swaps", id]), .placements, id,
                        row: "P4[\(id),\(group.id)]", reported: statutory.swaps[id] ?? 0)
                }
            }
            // O1: the obligations the data decide (docs/model.md §7), one share row each; no binary.
            for decided in obligations[i] {
                let share = decided.applies.minNewShare
                let inSegments = LinearExpression.sum(
                    decided.applies.segments.compactMap { id in
                        scenario.segments.firstIndex { $0.id == id }.map { newHomes[i][$0] }
                    })
                require(
                    inSegments - share * totals[i], .minimum, 0, "O1",
                    here + "obligations" + decided.rule + decided.side.rawValue + "minNewShare", .share, id,
                    row: "O1[\(id),\(decided.rule)]", share: share, denominator: n)
            }
            for (c, quality) in scenario.careQualities.enumerated() {
                let range = municipality.care[quality.id] ?? .any
                let z = LinearExpression(careHomes[i][c])
                let path = here + "care" + quality.id
                require(z, .minimum, range.min, "C3", path + "min", .homes, id, row: "C3.min[\(id),\(quality.id)]")
                require(z, .maximum, range.max, "C3", path + "max", .homes, id, row: "C3.max[\(id),\(quality.id)]")
                let share = quality.maxShareOfNewHomes
                require(
                    z - share * totals[i], .maximum, 0, "C2",
                    JSONPath(members: ["care", quality.id, "maxShareOfNewHomes"]), .share, id,
                    row: "C2[\(id),\(quality.id)]", share: share, denominator: n, always: true)
            }
        }
    }

    /// R1, R2, P1, C1: the region's requirements; soft lower sides get shortfall variables instead.
    private mutating func addRegionalRequirements(_ scenario: Scenario) {
        let region = scenario.region
        let total = LinearExpression(regionalTotal)
        require(total, .minimum, region.newHomes.min, "R1", ["region", "newHomes", "min"], .homes, nil, row: "R1.min")
        require(total, .maximum, region.newHomes.max, "R1", ["region", "newHomes", "max"], .homes, nil, row: "R1.max")

        for (k, target) in region.targets.enumerated() {
            let share = LinearExpression.sum(
                target.segments.compactMap { id in
                    scenario.segments.firstIndex { $0.id == id }.map { regionalNewHomes[$0] }
                })
            let path = JSONPath(members: ["region", "targets", target.id])
            if target.mode == .soft {
                let shortfall = model.addVariable("u[target.\(target.id)]")
                targetShortfalls[k] = shortfall
                if target.minShare > 0 {
                    model.add(share + shortfall - target.minShare * regionalTotal >= 0, name: "R2.min[\(target.id)]")
                }
                if target.maxShare < 1 {
                    model.add(share - shortfall - target.maxShare * regionalTotal <= 0, name: "R2.max[\(target.id)]")
                }
                continue
            }
            if target.minShare > 0 {
                require(
                    share - target.minShare * regionalTotal, .minimum, 0, "R2", path + "minShare", .share, nil,
                    row: "R2.min[\(target.id)]", share: target.minShare, denominator: total)
            }
            if target.maxShare < 1 {
                require(
                    share - target.maxShare * regionalTotal, .maximum, 0, "R2", path + "maxShare", .share, nil,
                    row: "R2.max[\(target.id)]", share: target.maxShare, denominator: total)
            }
        }

        for (g, group) in scenario.priorityGroups.enumerated() {
            addDemand(
                "P1", of: regionalPlacements[g], group.demand, mode: group.mode, id: group.id,
                path: JSONPath(members: ["priorityGroups", group.id, "demand"]), unit: .placements,
                shortfall: "u[group.\(group.id)]",
                in: \.groupShortfalls, at: g)
        }
        for (c, quality) in scenario.careQualities.enumerated() {
            addDemand(
                "C1", of: regionalCare[c], quality.demand, mode: quality.mode, id: quality.id,
                path: JSONPath(members: ["care", quality.id, "demand"]), unit: .homes,
                shortfall: "u[care.\(quality.id)]",
                in: \.careShortfalls, at: c)
        }
    }

    /// P1 or C1: the regional `total` of a priority group's placements or a care quality's homes within `demand`.
    /// A soft demand's lower side gets a shortfall variable instead (row `total + u ≥ min`), kept in `shortfalls`
    /// under `index` for the shortfall level; otherwise both sides are requirements at `path`.max and `path`.min.
    mutating func addDemand(
        _ family: String, of total: Variable, _ demand: CountRange, mode: RequirementMode, id: String, path: JSONPath,
        unit: Requirement.Unit, shortfall name: String, in shortfalls: WritableKeyPath<Formulation, [Int: Variable]>,
        at index: Int
    ) {
        let placed = LinearExpression(total)
        require(placed, .maximum, demand.max, family, path + "max", unit, nil, row: "\(family).max[\(id)]")
        if mode == .soft, demand.min > 0 {
            let shortfall = model.addVariable(name)
            self[keyPath: shortfalls][index] = shortfall
            model.add(placed + shortfall >= demand.min, name: "\(family).min[\(id)]")
        } else {
            require(placed, .minimum, demand.min, family, path + "min", unit, nil, row: "\(family).min[\(id)]")
        }
    }

    /// Holds one requirement `expression ≥ bound` (minimum) or `expression ≤ bound` (maximum).
    ///
    /// Vacuous requirements (a minimum of 0 on a count, a maximum of +∞) are skipped unless `always`. A bound on a
    /// single variable becomes a variable bound (see ``applyPendingBounds()``); anything else a row. In an elastic
    /// formulation every requirement is a row with its own violation variable.
    mutating func require(
        _ expression: LinearExpression, _ side: Requirement.Side, _ bound: Double, _ family: String, _ path: JSONPath,
        _ unit: Requirement.Unit, _ municipality: String?, row name: String, share: Double? = nil,
        denominator: LinearExpression? = nil, always: Bool = false, reported: Double? = nil
    ) {
        let isSingle = expression.terms.count == 1 && expression.terms[0].coefficient == 1 && expression.constant == 0
        if !always && (side == .minimum ? bound <= 0 && isSingle : bound == .infinity) { return }
        let requirement = Requirement(
            family: family, path: path, unit: unit, side: side, value: reported ?? share ?? bound,
            municipality: municipality)
        if elastic {
            let violation = model.addVariable("e[\(name)]")
            let row = side == .minimum ? expression + violation >= bound : expression - violation <= bound
            let id = model.add(row, name: name)
            requirements.append(
                RequirementRow(
                    requirement: requirement, enforcement: .row(id), denominator: denominator,
                    elastic: violation))
        } else if isSingle {
            pendingBounds[expression.terms[0].variable.index, default: []].append((side, bound, requirements.count))
            requirements.append(
                RequirementRow(requirement: requirement, enforcement: .implied, denominator: denominator))
        } else {
            let id = model.add(side == .minimum ? expression >= bound : expression <= bound, name: name)
            requirements.append(
                RequirementRow(requirement: requirement, enforcement: .row(id), denominator: denominator))
        }
    }

    /// Turns the bound requirements on single variables into variable bounds; the tightest requirement of each side
    /// owns the bound. When they cross (e.g. realised homes above a `limits.max`), every one becomes a row instead,
    /// so that the solver reports the scenario infeasible rather than refusing crossed bounds.
    private mutating func applyPendingBounds() {
        for (index, bounds) in pendingBounds.sorted(by: { $0.key < $1.key }) {
            let variable = Variable(index: index)
            let lowers = bounds.filter { $0.side == .minimum }
            let uppers = bounds.filter { $0.side == .maximum }
            let lower = lowers.map(\.bound).max() ?? 0
            let upper = uppers.map(\.bound).min() ?? .infinity
            if max(0, lower) <= upper {
                model.setBounds(of: variable, lowerBound: max(0, lower), upperBound: upper)
                if let owner = lowers.first(where: { $0.bound == lower && lower > 0 }) {
                    requirements[owner.requirement].enforcement = .lowerBound(variable)
                }
                if let owner = uppers.first(where: { $0.bound == upper }) {
                    requirements[owner.requirement].enforcement = .upperBound(variable)
                }
            } else {
                for pending in bounds {
                    let row = requirements[pending.requirement]
                    let name =
                        "\(row.requirement.family).\(pending.side == .minimum ? "min" : "max")[\(row.requirement.path)]"
                    let constraint = pending.side == .minimum ? variable >= pending.bound : variable <= pending.bound
                    requirements[pending.requirement].enforcement = .row(model.add(constraint, name: name))
                }
            }
        }
    }

    /// docs/model.md §4: d⁺ − d⁻ = v_iq − F_iq for every fair item and municipality, and t_q for the `max`
    /// norm.
    private mutating func addFairness(_ scenario: Scenario) {
        items = FairItem.all(in: scenario)
        for item in items {
            var above: [Variable] = []
            var below: [Variable] = []
            var rows: [ConstraintID] = []
            let worst = scenario.fairness.norm == .max ? model.addVariable("t[\(item.id)]") : nil
            if scenario.fairness.norm == .leximin && leximinBound == nil {
                leximinBound = model.addVariable("t[leximin]")
            }
            for (i, municipality) in scenario.municipalities.enumerated() {
                let name = "\(municipality.id),\(item.id)"
                // What the row needs, read before `addDeviation` changes the model.
                let (value, regional, total) = (allocated(item, municipality: i), regionalTotal(of: item), totals[i])
                let (plus, minus, row) = addDeviation(
                    item, municipality: i, id: municipality.id, name: name, pair: item.id, worst: worst
                ) { plus, minus in
                    switch item.rule {
                    case .proportional(let shares):
                        return value - shares[i] * regional - plus + minus == 0
                    case .converge(let sigma):
                        // v − (σ (T_i + N_i) − E_is) = d⁺ − d⁻
                        let existing = municipality.netStock[scenario.segments[item.index].id] ?? 0
                        return value - sigma * total - plus + minus == sigma * municipality.netTotalStock - existing
                    }
                }
                above.append(plus)
                below.append(minus)
                rows.append(row)
            }
            deviationsAbove.append(above)
            deviationsBelow.append(below)
            fairRows.append(rows)
            if let worst { worstDeviation.append(worst) }
        }
    }

    /// One pair of docs/model.md §4 — municipality i and fair item q, over the horizon or in one period (§9): d⁺ and
    /// d⁻, the row `fair` that defines them (v − F = d⁺ − d⁻, written with the d⁺ and d⁻ it is given), and the
    /// pair's row of the norm: d⁺ + d⁻ ≤ m_iq · t_q for `max` (with `worst` t_q), λ_q (d⁺ + d⁻) ≤ m_iq · t for
    /// `leximin` (a ``LeximinPair`` named by `pair`). `name` names the variables and rows.
    mutating func addDeviation(
        _ item: FairItem, municipality i: Int, id municipality: String, name: String, pair: String, worst: Variable?,
        fair: (_ above: Variable, _ below: Variable) -> Constraint
    ) -> (above: Variable, below: Variable, row: ConstraintID) {
        let plus = model.addVariable("dp[\(name)]")
        let minus = model.addVariable("dm[\(name)]")
        let row = model.add(fair(plus, minus), name: "fair[\(name)]")
        if let worst {
            model.add(plus + minus - item.sizes[i] * worst <= 0, name: "worst[\(name)]")
        }
        if let bound = leximinBound {
            let deviation = item.weight * (plus + minus)
            let row = model.add(deviation - item.sizes[i] * bound <= 0, name: "leximin[\(name)]")
            leximinPairs.append(
                LeximinPair(row: row, deviation: deviation, size: item.sizes[i], municipality: municipality, item: pair)
            )
        }
        return (plus, minus, row)
    }

    private mutating func addLevels(_ scenario: Scenario) {
        var shortfall = LinearExpression()
        for (k, u) in targetShortfalls.sorted(by: { $0.key < $1.key }) {
            shortfall.add(u, times: scenario.region.targets[k].weight)
        }
        for (g, u) in groupShortfalls.sorted(by: { $0.key < $1.key }) {
            shortfall.add(u, times: scenario.priorityGroups[g].weight)
        }
        for (c, u) in careShortfalls.sorted(by: { $0.key < $1.key }) {
            shortfall.add(u, times: scenario.careQualities[c].weight)
        }
        for (weight, u) in periodShortfalls { shortfall.add(u, times: weight) }
        let hasSoft =
            !(targetShortfalls.isEmpty && groupShortfalls.isEmpty && careShortfalls.isEmpty
            && periodShortfalls.isEmpty)
        if hasSoft { levels.append((.shortfall, shortfall)) }

        var sum = LinearExpression()
        for (q, item) in items.enumerated() where q < deviationsAbove.count {
            sum.add(LinearExpression.sum(deviationsAbove[q] + deviationsBelow[q]), times: item.weight)
        }
        switch scenario.fairness.norm {
        case .sum:
            levels.append((.fairness, sum))
        case .max:
            var worst = LinearExpression()
            for (q, item) in items.enumerated() { worst.add(worstDeviation[q], times: item.weight) }
            levels.append((.fairness, worst))
            levels.append((.tiebreak, sum))
        case .leximin:
            levels.append((.fairness, leximinBound.map { LinearExpression($0) } ?? LinearExpression()))
            levels.append((.tiebreak, sum))
        }
    }

    /// A1–A2 (docs/model.md §7): a binary b_ia per option, Σ_a b_ia ≥ 1, and
    /// Σ_{s∈S_a} x_is ≥ share_a · N_i − share_a · newHomes.max_i · (1 − b_ia).
    /// In an elastic formulation each A2 row gets a violation variable (homes) like any requirement.
    private mutating func addAlternatives(_ scenario: Scenario) {
        for (i, municipality) in scenario.municipalities.enumerated() {
            for alternative in municipality.alternatives {
                var chosen = LinearExpression()
                var binaries: [Variable] = []
                for (a, option) in alternative.options.enumerated() {
                    let name = "\(municipality.id),\(alternative.id),\(a)"
                    let binary = model.addVariable("b[\(name)]", upperBound: 1, isInteger: true)
                    binaries.append(binary)
                    chosen.add(binary)
                    let segments = LinearExpression.sum(
                        option.segments.compactMap { id in
                            scenario.segments.firstIndex { $0.id == id }.map { newHomes[i][$0] }
                        })
                    let share = option.minNewShare
                    let capacity = municipality.newHomes.max
                    let path =
                        JSONPath(members: ["municipalities", municipality.id, "alternatives", alternative.id])
                        + .index(a)
                        + "minNewShare"
                    require(
                        segments - share * totals[i] - share * capacity * binary, .minimum, -share * capacity, "A2",
                        path, .share, municipality.id, row: "A2[\(name)]", share: share,
                        denominator: LinearExpression(totals[i]), always: true)
                }
                model.add(chosen >= 1, name: "A1[\(municipality.id),\(alternative.id)]")
                alternativeChoices.append(AlternativeChoice(municipality: i, rule: alternative.id, binaries: binaries))
            }
        }
    }

    /// v_iq: the variable whose division item q judges, for municipality i.
    func allocated(_ item: FairItem, municipality i: Int) -> Variable {
        switch item.kind {
        case .segment: newHomes[i][item.index]
        case .priorityGroup: placements[i][item.index]
        case .careQuality: careHomes[i][item.index]
        }
    }

    /// The regional total of an item: X_s, Y_g or Z_c.
    func regionalTotal(of item: FairItem) -> Variable {
        switch item.kind {
        case .segment: regionalNewHomes[item.index]
        case .priorityGroup: regionalPlacements[item.index]
        case .careQuality: regionalCare[item.index]
        }
    }
}

/// One (municipality, fair item) pair of the leximin norm: its row `deviation − size · t ≤ 0`.
struct LeximinPair: Sendable {
    var row: ConstraintID
    /// λ_q (d⁺ + d⁻).
    var deviation: LinearExpression
    /// m_iq.
    var size: Double
    var municipality: String
    var item: String
}

/// The binaries of one either-or rule of one municipality, one per option.
struct AlternativeChoice: Sendable {
    var municipality: Int
    var rule: String
    var binaries: [Variable]
}

/// A lexicographic level of the objective (docs/model.md §5), solved in this order.
public enum Level: String, Sendable, Hashable, CaseIterable, Codable {
    /// Σ weight · shortfall over all soft requirements (homes and placements).
    case shortfall
    /// The fairness objective of §4.
    case fairness
    /// With norm `max`: the sum of weighted deviations, among the allocations with the best worst deviation.
    case tiebreak
}

/// The rows that define the totals of a programme or of one period: N_i = Σ_s x_is per municipality, X_s = Σ_i x_is,
/// Y_g, Z_c and N = Σ_i N_i.
struct DefinitionRows: Sendable {
    var municipalities: [ConstraintID] = []
    var newHomes: [ConstraintID] = []
    var placements: [ConstraintID] = []
    var care: [ConstraintID] = []
    var region = ConstraintID(index: 0)

    var all: [ConstraintID] { municipalities + newHomes + placements + care + [region] }
}
