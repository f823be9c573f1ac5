import LinearModel

/// The outcome of one solve: a status and, when ``hasSolution``, the values.
///
/// Arrays are indexed like the model the problem held when it was solved: ``values`` by `Variable.index`,
/// ``rowActivities`` and ``rowDuals`` by `ConstraintID.index`. They are empty when there is no solution.
/// The accessors never trap: a handle outside the solved model gives `.nan` (values) or `nil` (duals).
public struct Solution: Sendable {
    /// How the solve ended.
    public var status: SolveStatus
    /// Objective value including the objective's constant, in the objective's units; `nil` without a solution.
    public var objectiveValue: Double?
    /// Value of each variable (by `Variable.index`), in the variable's units; empty without a solution.
    public var values: [Double]
    /// Activity `Σ coefficient · variable` of each constraint (by `ConstraintID.index`); empty without a
    /// solution.
    public var rowActivities: [Double]
    /// Dual value (shadow price) of each constraint for LP solves: the change of the objective per unit increase
    /// of the constraint's active bound (GLPK's sign convention, the same for minimisation and maximisation).
    /// `nil` for MIP solves and without a solution.
    public var rowDuals: [Double]?
    /// Reduced cost of each variable for LP solves: the change of the objective per unit increase of the
    /// variable at its active bound. `nil` for MIP solves and without a solution.
    public var reducedCosts: [Double]?
    /// For a MIP with a solution: the relative gap `|incumbent − best bound| / (|incumbent| + ε)` of the
    /// returned solution as GLPK last measured it (an upper bound on the true gap; 0 when proven optimal).
    /// `nil` for LPs.
    public var mipGap: Double?
    /// Simplex iterations spent in this call (GLPK's iteration counter, LP relaxation and branch-and-cut
    /// included; 0 for the interior-point method). A warm re-solve usually needs far fewer than a cold one.
    public var iterationCount: Int
    /// GLPK's terminal output of this call when ``SolverOptions/captureLog`` was set, otherwise `nil`.
    public var log: String?

    /// A solution with the given parts.
    public init(
        status: SolveStatus, objectiveValue: Double? = nil, values: [Double] = [], rowActivities: [Double] = [],
        rowDuals: [Double]? = nil, reducedCosts: [Double]? = nil, mipGap: Double? = nil, iterationCount: Int = 0,
        log: String? = nil
    ) {
        self.status = status
        self.objectiveValue = objectiveValue
        self.values = values
        self.rowActivities = rowActivities
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.mipGap = mipGap
        self.iterationCount = iterationCount
        self.log = log
    }

    /// Whether the solve produced values (status ``SolveStatus/optimal`` or ``SolveStatus/feasible``).
    public var hasSolution: Bool { objectiveValue != nil }

    /// The value of `variable`, or `.nan` without a solution or for a handle outside the solved model.
    public subscript(variable: Variable) -> Double {
        values.indices.contains(variable.index) ? values[variable.index] : .nan
    }

    /// The value of `expression` (constant included) at this solution, or `.nan` without a solution or when the
    /// expression refers to a variable outside the solved model.
    public func value(of expression: LinearExpression) -> Double {
        var total = expression.constant
        for term in expression.terms { total += term.coefficient * self[term.variable] }
        return total
    }

    /// The activity `Σ coefficient · variable` of a constraint, or `.nan` without a solution or for a handle
    /// outside the solved model.
    public func activity(of constraint: ConstraintID) -> Double {
        rowActivities.indices.contains(constraint.index) ? rowActivities[constraint.index] : .nan
    }

    /// The dual value of a constraint (see ``rowDuals``), or `nil` for MIP solves, without a solution, or for a
    /// handle outside the solved model.
    public func dual(of constraint: ConstraintID) -> Double? {
        guard let rowDuals, rowDuals.indices.contains(constraint.index) else { return nil }
        return rowDuals[constraint.index]
    }

    /// The reduced cost of a variable (see ``reducedCosts``), or `nil` for MIP solves, without a solution, or for
    /// a handle outside the solved model.
    public func reducedCost(of variable: Variable) -> Double? {
        guard let reducedCosts, reducedCosts.indices.contains(variable.index) else { return nil }
        return reducedCosts[variable.index]
    }
}
