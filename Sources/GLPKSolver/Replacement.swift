internal import CGLPK
import LinearModel

extension GLPKProblem {
    /// Replaces a constraint's terms, bounds and name in place (`glp_set_mat_row`), keeping its position and the
    /// current basis statuses, so that a re-solve after a changed coefficient starts warm. When the changed
    /// matrix makes the old basis singular, the next solve falls back to an advanced initial basis.
    ///
    /// - Throws: ``SolverError/Code/unknownConstraint`` for a handle outside the problem, and
    ///   ``SolverError/Code/invalidModel`` for an unknown variable, a non-finite coefficient, invalid or crossed
    ///   bounds, an invalid name or a constant in the expression.
    public func replace(_ id: ConstraintID, with constraint: Constraint) throws(SolverError) {
        let place = "replace(_:with:)"
        let handle = try openHandle(place)
        try checkConstraint(id, place)
        let merged = constraint.expression.merged()
        var others = mirror
        others.replace(id, with: Constraint(LinearExpression(), lowerBound: -.infinity, upperBound: .infinity))
        let problems = ModelChecks.problems(ofAdded: constraint, merged: merged, to: others)
        guard problems.isEmpty else { throw SolverError.invalidModel(problems, at: "GLPKProblem.\(place)") }
        var row = constraint
        row.expression = merged
        var indices = [Int32](repeating: 0, count: merged.terms.count + 1)
        var values = [Double](repeating: 0, count: merged.terms.count + 1)
        TerminalLog(keepsText: false).run {
            if merged.terms.isEmpty {
                glp_set_mat_row(handle, Int32(id.index + 1), 0, nil, nil)
            }
            loadRow(handle, Int32(id.index + 1), row, terms: merged, &indices, &values)
        }
        if !pendingRowBounds.isEmpty { mirror = rebuiltMirror(removing: []) }
        mirror.replace(id, with: row)
        hasCurrentOptimalBasis = false
    }
}
