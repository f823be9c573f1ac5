internal import CGLPK
import LinearModel

/// Changing a loaded problem. Every change is validated in Swift first, applied to GLPK and to ``GLPKProblem/model``
/// alike, keeps GLPK's current basis (so the next solve starts warm), and invalidates sensitivity analysis until
/// the next optimal simplex solve.
extension GLPKProblem {
    /// Adds a constraint as a new last row (one `glp_add_rows(1)`), merging duplicate terms first.
    ///
    /// The new row is basic, so the previous basis stays valid and a re-solve starts from it.
    /// - Returns: the new constraint's handle (`model.constraints.count - 1`).
    /// - Throws: ``SolverError/Code/invalidModel`` for an unknown variable, a non-finite coefficient, invalid or
    ///   crossed bounds, an invalid name or a constant in the expression.
    @discardableResult
    public func add(_ constraint: Constraint) throws(SolverError) -> ConstraintID {
        let place = "add(_:)"
        let handle = try openHandle(place)
        let merged = constraint.expression.merged()
        let problems = ModelChecks.problems(ofAdded: constraint, merged: merged, to: mirror)
        guard problems.isEmpty else { throw SolverError.invalidModel(problems, at: "GLPKProblem.\(place)") }
        var row = constraint
        row.expression = merged
        var indices = [Int32](repeating: 0, count: merged.terms.count + 1)
        var values = [Double](repeating: 0, count: merged.terms.count + 1)
        TerminalLog(keepsText: false).run {
            let index = glp_add_rows(handle, 1)
            loadRow(handle, index, row, terms: merged, &indices, &values)
        }
        hasCurrentOptimalBasis = false
        return mirror.add(row)
    }

    /// Replaces the objective (direction, coefficients and constant). Only columns whose coefficient changes
    /// are touched in GLPK; duplicate terms are summed.
    ///
    /// - Throws: ``SolverError/Code/invalidModel`` for an unknown variable or a non-finite coefficient or
    ///   constant (also when finite duplicates add up to infinity).
    public func setObjective(_ objective: Objective) throws(SolverError) {
        let place = "setObjective(_:)"
        let handle = try openHandle(place)
        let merged = ModelChecks.mergedObjectiveProblems(objective, variableCount: mirror.variables.count)
        guard merged.problems.isEmpty else {
            throw SolverError.invalidModel(merged.problems, at: "GLPKProblem.\(place)")
        }
        var changed = false
        TerminalLog(keepsText: false).run {
            let direction = objective.sense == .maximize ? GLP_MAX : GLP_MIN
            if glp_get_obj_dir(handle) != direction {
                glp_set_obj_dir(handle, direction)
                changed = true
            }
            if mirror.objective.expression.constant != objective.expression.constant {
                glp_set_obj_coef(handle, 0, objective.expression.constant)
                changed = true
            }
            for (index, coefficient) in merged.coefficients.enumerated()
            where coefficient != objectiveCoefficients[index] {
                glp_set_obj_coef(handle, Int32(index + 1), coefficient)
                changed = true
            }
        }
        objectiveCoefficients = merged.coefficients
        mirror.objective = objective
        if changed { hasCurrentOptimalBasis = false }
    }

    /// Changes the bounds of a variable (±infinity for none; equal bounds fix it). An integer variable's bounds
    /// are rounded inwards for GLPK (the model keeps them as given).
    ///
    /// - Throws: ``SolverError/Code/unknownVariable`` for a handle outside the problem,
    ///   ``SolverError/Code/invalidModel`` for NaN, wrong-signed infinite or crossed bounds.
    public func setBounds(of variable: Variable, lowerBound: Double, upperBound: Double) throws(SolverError) {
        let place = "setBounds(of:lowerBound:upperBound:)"
        let handle = try openHandle(place)
        try checkVariable(variable, place)
        var definition = mirror[variable]
        let location = ModelChecks.place("variable", definition.name, variable.index, "column")
        let problems = Model.boundProblems(lowerBound, upperBound, at: location)
        guard problems.isEmpty else { throw SolverError.invalidModel(problems, at: "GLPKProblem.\(place)") }
        definition.lowerBound = lowerBound
        definition.upperBound = upperBound
        TerminalLog(keepsText: false).run {
            setColumnBounds(handle, Int32(variable.index + 1), definition)
        }
        mirror.setBounds(of: variable, lowerBound: lowerBound, upperBound: upperBound)
        hasCurrentOptimalBasis = false
    }

    /// Changes the bounds of a constraint (±infinity for none; equal bounds make it an equation).
    ///
    /// - Throws: ``SolverError/Code/unknownConstraint`` for a handle outside the problem,
    ///   ``SolverError/Code/invalidModel`` for NaN, wrong-signed infinite or crossed bounds.
    public func setBounds(of constraint: ConstraintID, lowerBound: Double, upperBound: Double) throws(SolverError) {
        let place = "setBounds(of:lowerBound:upperBound:)"
        let handle = try openHandle(place)
        try checkConstraint(constraint, place)
        let name = mirror[constraint].name
        let location = ModelChecks.place("constraint", name, constraint.index, "row")
        let problems = Model.boundProblems(lowerBound, upperBound, at: location)
        guard problems.isEmpty else { throw SolverError.invalidModel(problems, at: "GLPKProblem.\(place)") }
        let bounds = GLPKBounds(lowerBound, upperBound)
        TerminalLog(keepsText: false).run {
            glp_set_row_bnds(handle, Int32(constraint.index + 1), bounds.type, bounds.lower, bounds.upper)
        }
        pendingRowBounds[constraint.index] = (lowerBound, upperBound)
        hasCurrentOptimalBasis = false
    }

    /// Removes constraints (`glp_del_rows`).
    ///
    /// **Renumbering:** the remaining constraints keep their order and close the gaps, exactly like removing the
    /// elements from `Model.constraints`: a constraint at index `i` moves to `i − (number of removed indices
    /// below i)`. Handles obtained before the call are stale afterwards; take new ones from ``model``.
    /// If a removed row was non-basic the previous basis no longer fits, and the next solve restarts from an
    /// advanced initial basis (`glp_adv_basis`) instead of warm.
    /// - Throws: ``SolverError/Code/emptyRemoval`` for an empty list, ``SolverError/Code/duplicateRemoval`` when a
    ///   handle occurs twice, ``SolverError/Code/unknownConstraint`` for a handle outside the problem.
    public func removeConstraints(_ ids: [ConstraintID]) throws(SolverError) {
        let place = "removeConstraints(_:)"
        let handle = try openHandle(place)
        guard !ids.isEmpty else {
            throw SolverError(.emptyRemoval, at: "GLPKProblem.\(place)", "no constraint given; pass at least one")
        }
        var removed = Set<Int>()
        for id in ids {
            try checkConstraint(id, place)
            guard removed.insert(id.index).inserted else {
                throw SolverError(
                    .duplicateRemoval, at: "GLPKProblem.\(place)",
                    "constraint #\(id.index) is listed "
                        + "more than once; list each constraint once")
            }
        }
        var rows = [Int32](repeating: 0, count: ids.count + 1)
        for (position, id) in ids.enumerated() { rows[position + 1] = Int32(id.index + 1) }
        TerminalLog(keepsText: false).run {
            rows.withUnsafeBufferPointer { glp_del_rows(handle, Int32(ids.count), $0.baseAddress) }
        }
        mirror = rebuiltMirror(removing: removed)
        hasCurrentOptimalBasis = false
    }
}
