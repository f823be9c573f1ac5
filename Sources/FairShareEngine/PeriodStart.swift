import FairShareScenario
import GLPKSolver
import LinearModel

/// The start of a programme judged per period (docs/model.md §9, "Solving"): the horizon's own programme is solved
/// first, and its optimal basis is copied into every planned period.
///
/// A programme with fairness per period is T copies of the horizon's programme, tied by the horizon's rows, and
/// GLPK's simplex needs about as many iterations per copy as for the horizon, each costing in proportion to the
/// whole: time grows as T². Started from the horizon's optimum copied into every period, the dual simplex only has
/// to mend what differs between the periods and what the horizon's rows add (342 municipalities × 6 periods: 261
/// iterations instead of 8,704; Benchmarks/README.md, "Periods").
///
/// The horizon's programme (the *template*) is solved for its fairness level with every row relaxed that has no
/// copy in a period (local and regional requirements, targets, demands, soft rows): what is left per municipality
/// and item are the rows that define the totals and the fair rows, exactly the rows of one period. Its optimal basis
/// then has as many basic variables as one period has rows, and the copy is a basis of the whole programme:
/// - every planned period takes the template's statuses for its figures x, y, z, N_i, X, Y, Z, N, its deviations and
///   its definition and fair rows;
/// - a realised period's figures are fixed (non-basic), its totals basic, its definition rows non-basic;
/// - the horizon's figures and the running sums are basic, defined by their non-basic rows (the definitions, the
///   links x_is = Σ_t x_ist and the running sums' rows);
/// - every other row (the requirements) is basic and every other column (shortfalls, choices) non-basic.
///
/// The blocks are triangular around the periods' copies, so the matrix is nonsingular wherever the template's is
/// and the copies' coefficients agree. Where that fails (the `converge` path changes a coefficient, say), GLPK starts
/// from its advanced basis instead; where the count cannot work (norm `max` and `leximin` share one bound over every
/// period) no template is solved. Either way only the solver's path changes, never what it proves optimal.
enum PeriodStart {
    /// The starting basis of `formulation`'s first level, or `nil` when the programme does not judge periods, is
    /// too small for a custom start (``FairShare/startingMinimumRows``), has a bound shared by every period or
    /// integer variables, or the template has no optimum within `timeLimit` seconds.
    static func basis(
        for formulation: Formulation, scenario: Scenario, settings: SolverSettings, timeLimit: Double,
        cancellation: SolverCancellation?
    ) -> Basis? {
        guard formulation.judgesPeriods, formulation.model.constraints.count >= FairShare.startingMinimumRows,
            formulation.worstDeviation.isEmpty, formulation.leximinBound == nil,
            !formulation.model.hasIntegerVariables
        else { return nil }
        let template = Formulation(scenario, horizonOnly: true)
        guard let fairness = template.levels.first(where: { $0.level == .fairness }),
            !template.model.hasIntegerVariables
        else { return nil }
        return try? GLPKProblem.withProblem(for: template.model) { problem -> Basis? in
            let kept = Set(template.definitions.all + template.fairRows.joined())
            for index in template.model.constraints.indices where !kept.contains(ConstraintID(index: index)) {
                try problem.setBounds(of: ConstraintID(index: index), lowerBound: -.infinity, upperBound: .infinity)
            }
            try problem.setObjective(.minimize(fairness.expression))
            let solution = try problem.solve(
                FairShare.options(for: settings, timeLimit: timeLimit, cancellation: cancellation))
            guard solution.status == .optimal else { return nil }
            return formulation.periodStart(copying: template, basis: try problem.basis())
        }
    }
}

extension Formulation {
    /// The horizon's figures: x, y, z and N_i per municipality, and X, Y, Z and N.
    var horizonFigures: [Variable] {
        var figures: [Variable] = Array(newHomes.joined())
        figures += placements.joined()
        figures += careHomes.joined()
        return figures + Self.totals(totals, regionalNewHomes, regionalPlacements, regionalCare, regionalTotal)
    }

    /// N_i per municipality, then X, Y, Z and N.
    static func totals(
        _ municipalities: [Variable], _ newHomes: [Variable], _ placements: [Variable], _ care: [Variable],
        _ region: Variable
    ) -> [Variable] {
        var all = municipalities
        all += newHomes
        all += placements
        all += care
        all.append(region)
        return all
    }

    /// This programme's starting basis with `basis`, the optimal basis of its horizon's programme `template`,
    /// copied into every planned period (``PeriodStart``); `nil` when the copy does not have one basic variable per
    /// row.
    func periodStart(copying template: Formulation, basis: Basis) -> Basis? {
        guard isPhased, template.items.count == items.count, template.fairRows.count == fairRows.count else {
            return nil
        }
        var rows = [Basis.Status](repeating: .basic, count: model.constraints.count)
        var columns = [Basis.Status](repeating: .atLower, count: model.variables.count)
        func copy(_ variables: [Variable], _ from: [Variable]) {
            for (v, w) in zip(variables, from) { columns[v.index] = basis.columns[w.index] }
        }
        func copy(_ ids: [ConstraintID], _ from: [ConstraintID]) {
            for (r, s) in zip(ids, from) { rows[r.index] = basis.rows[s.index] }
        }
        for v in horizonFigures + runningSums { columns[v.index] = .basic }
        for r in definitions.all + linkRows { rows[r.index] = .atLower }
        let count = totals.count
        for (t, period) in periods.enumerated() {
            let periodTotals = Self.totals(
                period.totals, period.regionalNewHomes, period.regionalPlacements, period.regionalCare,
                period.regionalTotal)
            guard t >= realisedPeriods else {
                // Facts: the figures are fixed, the totals follow from them.
                for v in periodTotals { columns[v.index] = .basic }
                for r in period.definitions.all { rows[r.index] = .atLower }
                continue
            }
            copy(Array(period.newHomes.joined()), Array(template.newHomes.joined()))
            copy(Array(period.placements.joined()), Array(template.placements.joined()))
            copy(Array(period.careHomes.joined()), Array(template.careHomes.joined()))
            copy(
                periodTotals,
                Self.totals(
                    template.totals, template.regionalNewHomes, template.regionalPlacements, template.regionalCare,
                    template.regionalTotal))
            copy(period.definitions.all, template.definitions.all)
            let first = (t - realisedPeriods) * count
            for q in items.indices where first + count <= fairRows[q].count && template.fairRows[q].count == count {
                copy(Array(deviationsAbove[q][first..<first + count]), template.deviationsAbove[q])
                copy(Array(deviationsBelow[q][first..<first + count]), template.deviationsBelow[q])
                copy(Array(fairRows[q][first..<first + count]), template.fairRows[q])
            }
        }
        let basic = rows.filter { $0 == .basic }.count + columns.filter { $0 == .basic }.count
        return basic == rows.count ? Basis(rows: rows, columns: columns) : nil
    }
}
