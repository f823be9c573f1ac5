internal import CGLPK
import LinearModel

extension GLPKProblem {
    /// Solves the LP again in exact rational arithmetic (GLPK's `glp_exact`), starting from the basis the last
    /// solve left: a re-check of a status that floating-point arithmetic may have got wrong.
    ///
    /// GLPK reads every whole number exactly and every other coefficient and bound as the simplest fraction within
    /// 1e-10 of its mantissa, so within 2e-10 of it relatively (0.1 is 1/10, 1000.000001 is 1000000001/1000000),
    /// and runs the simplex method on
    /// rationals: ``SolveStatus/infeasible``, ``SolveStatus/unbounded`` and ``SolveStatus/optimal`` are decided
    /// without tolerances for those numbers. The values are the exact solution converted to `Double` (truncated,
    /// within one ulp). It is much slower than ``solve(_:)`` on large problems: meant for re-checking, with a time
    /// limit.
    ///
    /// - Honours ``SolverOptions/timeLimit`` and ``SolverOptions/iterationLimit``; ``SolverOptions/cancellation``
    ///   is looked at before the call only (GLPK's exact simplex has no callback). The other options do not apply.
    /// - A basis that does not fit (after rows were added or deleted) or is singular in exact arithmetic is
    ///   replaced by GLPK's standard basis and the solve is repeated.
    /// - Afterwards GLPK holds no floating-point factorisation, so sensitivity analysis
    ///   (ranging) needs another ``solve(_:)`` first; the next
    ///   ``solve(_:)`` starts warm from the exact basis.
    /// - Throws: ``SolverError/Code/notAnLP`` when the model has integer variables, ``SolverError/Code/invalidParameter``
    ///   for invalid options, and the thread/closed errors.
    public func solveExactly(_ options: SolverOptions = SolverOptions()) throws(SolverError) -> Solution {
        let handle = try openHandle("solveExactly(_:)")
        let checked = try CheckedOptions(options)
        if mirror.hasIntegerVariables {
            throw SolverError(
                .notAnLP, at: "GLPKProblem.solveExactly(_:)",
                "GLPK's exact simplex solves LPs only, and the model has integer variables")
        }
        let cancellation = options.cancellation ?? SolverCancellation.current
        if cancellation?.isCancelled == true { return Solution(status: .cancelled) }
        hasCurrentOptimalBasis = false
        guard glp_get_num_rows(handle) > 0, glp_get_num_cols(handle) > 0 else {
            return Solution(status: .failed(reason: "GLPK's exact simplex needs at least one row and one column"))
        }
        if let outside = Self.outsideExactRange(mirror) {
            // GLPK's exact simplex aborts the process on some such numbers (found by the differential fuzzer: a
            // limit of -1e-300 homes); the floating-point answer stands.
            return Solution(
                status: .failed(
                    reason: "GLPK's exact simplex is not run on numbers like \(outside) (outside 1e-9…1e15)"))
        }
        let log = TerminalLog(keepsText: options.captureLog)
        let iterationsBefore = glp_get_it_cnt(handle)
        var solution = log.run { () -> Solution in
            var parameters = glp_smcp()
            glp_init_smcp(&parameters)
            parameters.msg_lev = options.captureLog ? GLP_MSG_ALL : GLP_MSG_OFF
            if let limit = checked.iterationLimit { parameters.it_lim = limit }
            if let limit = checked.timeLimitMilliseconds { parameters.tm_lim = limit }
            var code = glp_exact(handle, &parameters)
            if code == GLP_EBADB || code == GLP_ESING {
                glp_std_basis(handle)
                code = glp_exact(handle, &parameters)
            }
            switch code {
            case 0: break
            case GLP_ETMLIM: return Solution(status: .timeLimit)
            case GLP_EITLIM: return Solution(status: .iterationLimit)
            default:
                return Solution(
                    status: .failed(reason: "GLPK's exact simplex stopped: \(GLPKReturnCode.describe(code))"))
            }
            switch glp_get_status(handle) {
            case GLP_OPT: return basicSolution(handle)  // the exact solution, rounded to Double
            case GLP_NOFEAS: return Solution(status: .infeasible)
            case GLP_UNBND: return Solution(status: .unbounded)
            case let other:
                return Solution(
                    status: .failed(
                        reason: "GLPK's exact simplex ended with solution status "
                            + GLPKReturnCode.describeStatus(other)))
            }
        }
        solution.iterationCount = Int(max(0, glp_get_it_cnt(handle) - iterationsBefore))
        solution.log = options.captureLog ? log.text : nil
        return solution
    }

    /// The first coefficient, bound or objective coefficient of `model` whose magnitude is not 0 and lies outside
    /// [1e-9, 1e15], or `nil`: the numbers `glp_exact` is run on.
    static func outsideExactRange(_ model: Model) -> Double? {
        func outside(_ value: Double) -> Bool {
            guard value != 0, value.isFinite else { return false }
            let magnitude = abs(value)
            return magnitude < 1e-9 || magnitude > 1e15
        }
        for variable in model.variables {
            for bound in [variable.lowerBound, variable.upperBound] where outside(bound) { return bound }
        }
        for row in model.constraints {
            for bound in [row.lowerBound, row.upperBound] where outside(bound) { return bound }
            for term in row.expression.terms where outside(term.coefficient) { return term.coefficient }
        }
        for term in model.objective.expression.terms where outside(term.coefficient) { return term.coefficient }
        return nil
    }
}
