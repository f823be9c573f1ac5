internal import CGLPK
import LinearModel

/// A row or a column of a problem, as GLPK's basis sees it: each is either basic or non-basic (at a bound).
public enum BasisEntry: Sendable, Hashable {
    /// The constraint's row (GLPK's auxiliary variable, whose value is the row activity).
    case constraint(ConstraintID)
    /// The variable's column.
    case variable(Variable)
}

/// Bound ranging of a non-basic entry (`glp_analyze_bound`): over which values of its active bound the current
/// optimal basis stays optimal, and what the objective is at the ends.
///
/// Inside the range the objective changes linearly with slope ``reducedCost``. Outside, the basis changes (one of
/// the limiting entries leaves it) and the slope changes too.
public struct BoundRanging: Sendable {
    /// The entry analysed.
    public var entry: BasisEntry
    /// Its current value, which is its active bound (row activity for a constraint, in the row's units).
    public var value: Double
    /// Its reduced cost (for a constraint, its dual value): objective change per unit increase of the bound.
    public var reducedCost: Double
    /// The smallest value of the active bound keeping the basis optimal; `-infinity` when unlimited.
    public var lowerValue: Double
    /// The largest value of the active bound keeping the basis optimal; `+infinity` when unlimited.
    public var upperValue: Double
    /// The objective value when the active bound is at ``lowerValue`` (±infinity when that is unlimited and the
    /// reduced cost is not 0).
    public var objectiveAtLower: Double
    /// The objective value when the active bound is at ``upperValue``.
    public var objectiveAtUpper: Double
    /// The basic entry that reaches one of its bounds first as the active bound decreases; `nil` when unlimited.
    public var limitingAtLower: BasisEntry?
    /// The basic entry that reaches one of its bounds first as the active bound increases; `nil` when unlimited.
    public var limitingAtUpper: BasisEntry?
}

/// Objective-coefficient ranging of a basic variable (`glp_analyze_coef`): over which values of its objective
/// coefficient the current optimal basis (and so the solution) stays optimal.
public struct CoefficientRanging: Sendable {
    /// The variable analysed.
    public var variable: Variable
    /// Its current objective coefficient (duplicate terms summed), in objective units per unit of the variable.
    public var coefficient: Double
    /// Its current value.
    public var value: Double
    /// The smallest coefficient keeping the basis optimal; `-infinity` when unlimited.
    public var lowerCoefficient: Double
    /// The largest coefficient keeping the basis optimal; `+infinity` when unlimited.
    public var upperCoefficient: Double
    /// The objective value with the coefficient at ``lowerCoefficient`` and the solution unchanged
    /// (`objective + (lowerCoefficient − coefficient) · value`).
    public var objectiveAtLower: Double
    /// The objective value with the coefficient at ``upperCoefficient`` and the solution unchanged.
    public var objectiveAtUpper: Double
    /// The non-basic entry whose reduced cost reaches zero first as the coefficient decreases; `nil` when
    /// unlimited.
    public var limitingAtLower: BasisEntry?
    /// The non-basic entry whose reduced cost reaches zero first as the coefficient increases; `nil` when
    /// unlimited.
    public var limitingAtUpper: BasisEntry?
    /// The variable's value in the adjacent basis just below ``lowerCoefficient`` (±infinity when that basis is
    /// unbounded; equal to ``value`` when unlimited).
    public var valueBelowLower: Double
    /// The variable's value in the adjacent basis just above ``upperCoefficient``.
    public var valueAboveUpper: Double
}

/// Sensitivity analysis. It needs the optimal basis of the last simplex solve of the LP as it still is: any
/// ``GLPKProblem/add(_:)``, `setBounds`, ``GLPKProblem/setObjective(_:)`` (that changes something) or
/// ``GLPKProblem/removeConstraints(_:)``, a MIP or interior-point solve, or a non-optimal result makes these
/// throw ``SolverError/Code/noBasis`` until the next optimal simplex solve.
extension GLPKProblem {
    /// Whether the entry is basic in the problem's current basis (before any solve every row is basic and
    /// every column non-basic).
    /// - Throws: ``SolverError/Code/unknownConstraint`` / ``SolverError/Code/unknownVariable`` for handles outside
    ///   the problem, and the thread/closed errors.
    public func isBasic(_ entry: BasisEntry) throws(SolverError) -> Bool {
        let place = "isBasic(_:)"
        let handle = try openHandle(place)
        let k = try ordinal(of: entry, place)
        return basisStatus(handle, k) == GLP_BS
    }

    /// Ranges the active bound of a non-basic row or column (`glp_analyze_bound`).
    /// - Throws: ``SolverError/Code/noBasis`` without a current optimal basis, ``SolverError/Code/basicVariable``
    ///   for a basic entry (use ``isBasic(_:)``), and the handle/thread/closed errors.
    public func boundRanging(of entry: BasisEntry) throws(SolverError) -> BoundRanging {
        let place = "boundRanging(of:)"
        let handle = try openHandle(place)
        let k = try ordinal(of: entry, place)
        try requireOptimalBasis(handle, place)
        guard basisStatus(handle, k) != GLP_BS else {
            throw SolverError(
                .basicVariable, at: "GLPKProblem.\(place)",
                "\(describe(entry)) is basic in the optimal "
                    + "basis; "
                    + "bound ranging applies to non-basic entries (for a basic variable use objectiveRanging(of:))")
        }
        var lower = 0.0
        var upper = 0.0
        var lowerLimit: Int32 = 0
        var upperLimit: Int32 = 0
        TerminalLog(keepsText: false).run {
            glp_analyze_bound(handle, k, &lower, &lowerLimit, &upper, &upperLimit)
        }
        let rows = Int32(mirror.constraints.count)
        let value = k <= rows ? glp_get_row_prim(handle, k) : glp_get_col_prim(handle, k - rows)
        let slope = k <= rows ? glp_get_row_dual(handle, k) : glp_get_col_dual(handle, k - rows)
        let objective = glp_get_obj_val(handle)
        let lowerValue = unlimited(lower)
        let upperValue = unlimited(upper)
        return BoundRanging(
            entry: entry, value: value, reducedCost: slope, lowerValue: lowerValue, upperValue: upperValue,
            objectiveAtLower: linear(objective, slope: slope, from: value, to: lowerValue),
            objectiveAtUpper: linear(objective, slope: slope, from: value, to: upperValue),
            limitingAtLower: self.entry(lowerLimit), limitingAtUpper: self.entry(upperLimit))
    }

    /// Ranges the objective coefficient of a basic variable (`glp_analyze_coef`).
    /// - Throws: ``SolverError/Code/noBasis`` without a current optimal basis,
    ///   ``SolverError/Code/nonBasicVariable`` for a non-basic variable (its reduced cost is how far the
    ///   coefficient may move in the unfavourable direction), and the handle/thread/closed errors.
    public func objectiveRanging(of variable: Variable) throws(SolverError) -> CoefficientRanging {
        let place = "objectiveRanging(of:)"
        let handle = try openHandle(place)
        let k = try ordinal(of: .variable(variable), place)
        try requireOptimalBasis(handle, place)
        guard basisStatus(handle, k) == GLP_BS else {
            throw SolverError(
                .nonBasicVariable, at: "GLPKProblem.\(place)",
                "\(describe(.variable(variable))) "
                    + "is non-basic in the optimal basis; objective ranging applies to basic variables (for a non-basic "
                    + "one use its reduced cost, or boundRanging(of:))")
        }
        var lower = 0.0
        var upper = 0.0
        var valueBelow = 0.0
        var valueAbove = 0.0
        var lowerLimit: Int32 = 0
        var upperLimit: Int32 = 0
        TerminalLog(keepsText: false).run {
            glp_analyze_coef(handle, k, &lower, &lowerLimit, &valueBelow, &upper, &upperLimit, &valueAbove)
        }
        let column = Int32(variable.index + 1)
        let value = glp_get_col_prim(handle, column)
        let coefficient = glp_get_obj_coef(handle, column)
        let objective = glp_get_obj_val(handle)
        let lowerCoefficient = unlimited(lower)
        let upperCoefficient = unlimited(upper)
        return CoefficientRanging(
            variable: variable, coefficient: coefficient, value: value,
            lowerCoefficient: lowerCoefficient, upperCoefficient: upperCoefficient,
            objectiveAtLower: linear(objective, slope: value, from: coefficient, to: lowerCoefficient),
            objectiveAtUpper: linear(objective, slope: value, from: coefficient, to: upperCoefficient),
            limitingAtLower: entry(lowerLimit), limitingAtUpper: entry(upperLimit),
            valueBelowLower: unlimited(valueBelow), valueAboveUpper: unlimited(valueAbove))
    }

    /// GLPK's ordinal `k` of an entry: rows 1…m, columns m+1…m+n.
    private func ordinal(of entry: BasisEntry, _ place: String) throws(SolverError) -> Int32 {
        switch entry {
        case .constraint(let id):
            try checkConstraint(id, place)
            return Int32(id.index + 1)
        case .variable(let variable):
            try checkVariable(variable, place)
            return Int32(mirror.constraints.count + variable.index + 1)
        }
    }

    /// The entry for GLPK's ordinal `k`; `nil` for 0 ("none").
    private func entry(_ k: Int32) -> BasisEntry? {
        let rows = mirror.constraints.count
        let k = Int(k)
        if k >= 1 && k <= rows { return .constraint(ConstraintID(index: k - 1)) }
        if k > rows && k <= rows + mirror.variables.count { return .variable(Variable(index: k - rows - 1)) }
        return nil
    }

    /// `variable 'x' (column 2)` or `constraint 'p' (row 1)`.
    private func describe(_ entry: BasisEntry) -> String {
        switch entry {
        case .constraint(let id): ModelChecks.place("constraint", mirror[id].name, id.index, "row")
        case .variable(let variable): ModelChecks.place("variable", mirror[variable].name, variable.index, "column")
        }
    }

    private func basisStatus(_ handle: OpaquePointer, _ k: Int32) -> Int32 {
        let rows = Int32(mirror.constraints.count)
        return k <= rows ? glp_get_row_stat(handle, k) : glp_get_col_stat(handle, k - rows)
    }

    /// Checks everything `glp_analyze_*` would abort on: an optimal basic solution of the unchanged problem and
    /// its factorisation (recomputed when only that is missing, as after a presolved solve).
    private func requireOptimalBasis(_ handle: OpaquePointer, _ place: String) throws(SolverError) {
        guard hasCurrentOptimalBasis,
            glp_get_prim_stat(handle) == GLP_FEAS, glp_get_dual_stat(handle) == GLP_FEAS
        else {
            throw SolverError(
                .noBasis, at: "GLPKProblem.\(place)",
                "there is no optimal basis of the problem as it "
                    + "now is; solve it to optimality with the simplex method first (after any change, and not as a "
                    + "MIP or with the interior-point method)")
        }
        if glp_bf_exists(handle) == 0 {
            let code = TerminalLog(keepsText: false).run { glp_factorize(handle) }
            guard code == 0, glp_bf_exists(handle) != 0 else {
                hasCurrentOptimalBasis = false
                throw SolverError(
                    .noBasis, at: "GLPKProblem.\(place)",
                    "the optimal basis could not be factorised ("
                        + "\(GLPKReturnCode.describe(code))); re-solve with the simplex method")
            }
        }
    }
}

/// `±DBL_MAX`, GLPK's "no limit", as ±infinity.
private func unlimited(_ value: Double) -> Double {
    if value >= Double.greatestFiniteMagnitude { return .infinity }
    if value <= -Double.greatestFiniteMagnitude { return -.infinity }
    return value
}

/// `base + slope · (to − from)`, with `0 · ∞ = 0` (a zero slope keeps the base even over an unlimited range).
private func linear(_ base: Double, slope: Double, from: Double, to: Double) -> Double {
    slope == 0 ? base : base + slope * (to - from)
}
