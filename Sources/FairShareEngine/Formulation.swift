import FairShareScenario
import LinearModel

/// A scenario written as a linear programme (SPEC §3–5): the model, the handles of its variables, and the
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
    /// Shortfall variables u (homes or placements) of soft requirements, by target / group / care index.
    var targetShortfalls: [Int: Variable] = [:]
    var groupShortfalls: [Int: Variable] = [:]
    var careShortfalls: [Int: Variable] = [:]
    /// The fair items and, per item, d⁺ and d⁻ per municipality, and t_q (norm `max`).
    var items: [FairItem] = []
    var deviationsAbove: [[Variable]] = []
    var deviationsBelow: [[Variable]] = []
    var worstDeviation: [Variable] = []
    /// The objectives of the levels, in order.
    var levels: [(level: Level, expression: LinearExpression)] = []

    init(_ scenario: Scenario) {
        model.name = scenario.name.isEmpty ? "fairshare" : String(scenario.name.prefix(200))
        let integer = scenario.solver.integer
        let segments = scenario.segments
        let groups = scenario.priorityGroups
        let qualities = scenario.careQualities

        // Variables per municipality: x, y, z with their simple bounds (L2, P3, C3), and N_i (L1).
        for municipality in scenario.municipalities {
            let id = municipality.id
            newHomes.append(segments.map { segment in
                let limits = municipality.limits[segment.id]
                let lower = max(municipality.realised[segment.id] ?? 0, limits?.min ?? 0)
                let upper = limits?.max ?? .infinity
                return addBounded("x[\(id),\(segment.id)]", lower, upper, integer: integer)
            })
            placements.append(groups.map { group in
                let range = municipality.placements[group.id] ?? .any
                return addBounded("y[\(id),\(group.id)]", range.min, range.max, integer: integer)
            })
            careHomes.append(qualities.map { quality in
                let range = municipality.care[quality.id] ?? .any
                return addBounded("z[\(id),\(quality.id)]", range.min, range.max, integer: integer)
            })
            totals.append(addBounded("n[\(id)]", municipality.newHomes.min, municipality.newHomes.max, integer: false))
        }

        // Definitions: N_i = Σ_s x_is; X_s = Σ_i x_is; Y_g = Σ_i y_ig; Z_c = Σ_i z_ic; N = Σ_i N_i.
        for (i, municipality) in scenario.municipalities.enumerated() {
            model.add(LinearExpression.sum(newHomes[i]) - totals[i] == 0, name: "total[\(municipality.id)]")
        }
        regionalNewHomes = segments.enumerated().map { s, segment in
            let total = model.addVariable("X[\(segment.id)]")
            model.add(LinearExpression.sum(newHomes.map { $0[s] }) - total == 0, name: "total[\(segment.id)]")
            return total
        }
        let region = scenario.region
        regionalTotal = addBounded("N", region.newHomes.min, region.newHomes.max, integer: false)  // R1
        model.add(LinearExpression.sum(totals) - regionalTotal == 0, name: "total[region]")

        // R2: regional share targets.
        for (k, target) in region.targets.enumerated() {
            let share = LinearExpression.sum(target.segments.compactMap { id in
                segments.firstIndex { $0.id == id }.map { regionalNewHomes[$0] }
            })
            var slack = LinearExpression()
            if target.mode == .soft {
                let shortfall = model.addVariable("u[target.\(target.id)]")
                targetShortfalls[k] = shortfall
                slack = LinearExpression(shortfall)
            }
            if target.minShare > 0 {
                model.add(share + slack - target.minShare * regionalTotal >= 0, name: "R2.min[\(target.id)]")
            }
            if target.maxShare < 1 {
                model.add(share - slack - target.maxShare * regionalTotal <= 0, name: "R2.max[\(target.id)]")
            }
        }

        // L3, L4: shares of new homes and of the stock after building.
        for (i, municipality) in scenario.municipalities.enumerated() {
            let totalStock = municipality.totalStock
            for (s, segment) in segments.enumerated() {
                guard let limits = municipality.limits[segment.id] else { continue }
                let x = newHomes[i][s]
                let name = "\(municipality.id),\(segment.id)"
                if let share = limits.minNewShare, share > 0 {
                    model.add(x - share * totals[i] >= 0, name: "L3.min[\(name)]")
                }
                if let share = limits.maxNewShare, share < 1 {
                    model.add(x - share * totals[i] <= 0, name: "L3.max[\(name)]")
                }
                let existing = municipality.stock[segment.id] ?? 0
                if let share = limits.minStockShare, share > 0 {
                    model.add(x - share * totals[i] >= share * totalStock - existing, name: "L4.min[\(name)]")
                }
                if let share = limits.maxStockShare, share < 1 {
                    model.add(x - share * totals[i] <= share * totalStock - existing, name: "L4.max[\(name)]")
                }
            }
        }

        // P1, P2: priority groups.
        regionalPlacements = groups.enumerated().map { g, group in
            let total = model.addVariable("Y[\(group.id)]", upperBound: group.demand.max)
            model.add(LinearExpression.sum(placements.map { $0[g] }) - total == 0, name: "total[\(group.id)]")
            if group.demand.min > 0 {
                var lower = LinearExpression(total)
                if group.mode == .soft {
                    let shortfall = model.addVariable("u[group.\(group.id)]")
                    groupShortfalls[g] = shortfall
                    lower += shortfall
                }
                model.add(lower >= group.demand.min, name: "P1.min[\(group.id)]")
            }
            return total
        }
        if !groups.isEmpty {
            let lettable = segments.indices.filter { segments[$0].lettable }
            for (i, municipality) in scenario.municipalities.enumerated() {
                let share = municipality.maxPriorityShare
                let lettableNew = LinearExpression.sum(lettable.map { newHomes[i][$0] })
                model.add(LinearExpression.sum(placements[i]) - share * lettableNew <= share * municipality.lettings,
                    name: "P2[\(municipality.id)]")
            }
        }

        // C1, C2: care qualities.
        regionalCare = qualities.enumerated().map { c, quality in
            let total = model.addVariable("Z[\(quality.id)]", upperBound: quality.demand.max)
            model.add(LinearExpression.sum(careHomes.map { $0[c] }) - total == 0, name: "total[\(quality.id)]")
            if quality.demand.min > 0 {
                var lower = LinearExpression(total)
                if quality.mode == .soft {
                    let shortfall = model.addVariable("u[care.\(quality.id)]")
                    careShortfalls[c] = shortfall
                    lower += shortfall
                }
                model.add(lower >= quality.demand.min, name: "C1.min[\(quality.id)]")
            }
            for (i, municipality) in scenario.municipalities.enumerated() {
                model.add(careHomes[i][c] - quality.maxShareOfNewHomes * totals[i] <= 0,
                    name: "C2[\(municipality.id),\(quality.id)]")
            }
            return total
        }

        addFairness(scenario)
        addLevels(scenario)
    }

    /// SPEC §4: d⁺ − d⁻ = v_iq − F_iq for every fair item and municipality, and t_q for the `max` norm.
    private mutating func addFairness(_ scenario: Scenario) {
        items = FairItem.all(in: scenario)
        for item in items {
            var above: [Variable] = []
            var below: [Variable] = []
            let worst = scenario.fairness.norm == .max ? model.addVariable("t[\(item.id)]") : nil
            for (i, municipality) in scenario.municipalities.enumerated() {
                let name = "\(municipality.id),\(item.id)"
                let plus = model.addVariable("dp[\(name)]")
                let minus = model.addVariable("dm[\(name)]")
                above.append(plus)
                below.append(minus)
                let value = allocated(item, municipality: i)
                switch item.rule {
                case .proportional(let shares):
                    model.add(value - shares[i] * regionalTotal(of: item) - plus + minus == 0, name: "fair[\(name)]")
                case .converge(let sigma):
                    // v − (σ (T_i + N_i) − E_is) = d⁺ − d⁻
                    let existing = municipality.stock[scenario.segments[item.index].id] ?? 0
                    model.add(value - sigma * totals[i] - plus + minus == sigma * municipality.totalStock - existing,
                        name: "fair[\(name)]")
                }
                if let worst {
                    model.add(plus + minus - item.sizes[i] * worst <= 0, name: "worst[\(name)]")
                }
            }
            deviationsAbove.append(above)
            deviationsBelow.append(below)
            if let worst { worstDeviation.append(worst) }
        }
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
        let hasSoft = !(targetShortfalls.isEmpty && groupShortfalls.isEmpty && careShortfalls.isEmpty)
        if hasSoft { levels.append((.shortfall, shortfall)) }

        var sum = LinearExpression()
        for (q, item) in items.enumerated() {
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

    /// A variable with bounds; when the bounds cross (e.g. realised homes above a `limits.max`), the variable gets
    /// only its lower bound and the upper side becomes a row, so that the solver reports the scenario infeasible
    /// instead of refusing crossed bounds.
    private mutating func addBounded(_ name: String, _ lower: Double, _ upper: Double, integer: Bool) -> Variable {
        if lower <= upper {
            return model.addVariable(name, lowerBound: lower, upperBound: upper, isInteger: integer)
        }
        let variable = model.addVariable(name, lowerBound: lower, isInteger: integer)
        model.add(variable <= upper, name: "upper[\(name)]")
        return variable
    }
}

/// A lexicographic level of the objective (SPEC §5), solved in this order.
public enum Level: String, Sendable, Hashable, CaseIterable, Codable {
    /// Σ weight · shortfall over all soft requirements (homes and placements).
    case shortfall
    /// The fairness objective of §4.
    case fairness
    /// With norm `max`: the sum of weighted deviations, among the allocations with the best worst deviation.
    case tiebreak
}
