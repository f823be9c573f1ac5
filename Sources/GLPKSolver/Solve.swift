internal import CGLPK
import LinearModel

extension GLPKProblem {
    /// Solves the problem as it now is.
    ///
    /// - LP, simplex: starts from the basis the previous solve left (warm) unless ``SolverOptions/presolve`` is
    ///   on; afterwards the optimal basis is kept for the next warm solve and for sensitivity analysis. The first
    ///   simplex solve of a problem applies ``SolverOptions/scaling``, ``SolverOptions/startingBasis`` and
    ///   ``SolverOptions/startingMethod`` (a dual simplex that gives up there is followed by the primal one from
    ///   the same starting basis); when such a start ends in anything but an optimum that passes GLPK's primal
    ///   accuracy check (`glp_check_kkt`, relative error at most 1e-6) — infeasible and unbounded included — and
    ///   no limit or cancellation stopped it, the LP is solved again, unscaled, from the standard basis.
    /// - LP, interior point: no basis is used or left. It runs on a copy of the problem on a thread of its own, so
    ///   that ``SolverOptions/timeLimit`` and the cancellation stop it within one of its iterations; the call returns
    ///   within about half a second of either (see ``SolverOptions/Method/interiorPoint``).
    /// - MIP (any integer variable): solves the LP relaxation with the simplex method first (an infeasible or
    ///   unbounded relaxation is reported as such), then runs GLPK's branch-and-cut with the remaining time and
    ///   ``SolverOptions/mipGap``.
    ///
    /// A return code of 0 from GLPK is not taken to mean optimal: the status is always read back. When GLPK only
    /// knows "no dual feasible solution" (infeasible *or* unbounded), the status is settled by a primal simplex
    /// run without presolve.
    /// - Throws: ``SolverError/Code/invalidParameter`` for invalid options, ``SolverError/Code/notAnLP`` for the
    ///   interior-point method on a model with integer variables, and the thread/closed errors. Not finding an
    ///   optimum is not an error: see ``Solution/status``.
    public func solve(_ options: SolverOptions = SolverOptions()) throws(SolverError) -> Solution {
        let handle = try openHandle("solve(_:)")
        let checked = try CheckedOptions(options)
        let isMIP = mirror.hasIntegerVariables
        if isMIP && options.method == .interiorPoint {
            throw SolverError(
                .notAnLP, at: "GLPKProblem.solve(_:)",
                "the interior-point method solves LPs only, and "
                    + "the model has integer variables; use .primalSimplex or .dualSimplex")
        }
        let cancellation = options.cancellation ?? SolverCancellation.current
        if cancellation?.isCancelled == true { return Solution(status: .cancelled) }
        let run = SolveRun(handle: handle, options: checked, cancellation: cancellation)
        hasCurrentOptimalBasis = false
        let iterationsBefore = glp_get_it_cnt(handle)
        var solution = run.log.run {
            if options.method == .interiorPoint && !isMIP { return solveInterior(run) }
            let crashed = prepareFirstSimplex(handle, options)
            if isMIP { return solveMIP(run) }
            let method: SolverOptions.Method =
                crashed && options.startingMethod == .dualSimplex
                ? .dualSimplex
                : crashed && options.startingMethod != nil ? .primalSimplex : options.method
            var status = run.simplex(method: method, presolve: options.presolve)
            if crashed && method == .dualSimplex, case .failed = status {
                if cancellation?.isCancelled == true {
                    status = .cancelled
                } else {
                    // GLPK's dual simplex gives up on a starting basis it finds singular to working precision
                    // (GLP_EFAIL, seen with Bixby's basis on 342 synthetic municipalities); the primal one copes.
                    applyStartingBasis(handle, options.startingBasis)
                    status = run.simplex(method: .primalSimplex, presolve: options.presolve)
                }
            }
            if crashed && shouldRetryFromDefault(status, handle, cancellation) {
                // A scaled or crash start can leave a basis whose solution GLPK accepts but whose values lose
                // whole units to cancellation, or a dual simplex that wrongly finds no feasible point (both seen
                // with 1e20-home stocks): whatever is not an accurate optimum is solved again as GLPK would by
                // default.
                glp_unscale_prob(handle)
                glp_std_basis(handle)
                status = run.simplex(method: options.method, presolve: options.presolve)
            }
            hasCurrentOptimalBasis = status == .optimal
            return status == .optimal ? basicSolution(handle) : Solution(status: status)
        }
        solution.iterationCount = Int(max(0, glp_get_it_cnt(handle) - iterationsBefore))
        solution.log = options.captureLog ? run.log.text : nil
        return solution
    }

    /// Before the problem's first simplex solve: the scaling and the starting basis `options` ask for (GLPK prints
    /// what it does, so call inside the terminal log). Later solves keep both and start warm.
    /// - Returns: whether the start differs from GLPK's default (unscaled, standard basis, ``SolverOptions/method``).
    private func prepareFirstSimplex(_ handle: OpaquePointer, _ options: SolverOptions) -> Bool {
        guard !hasStartedSimplex else { return false }
        hasStartedSimplex = true
        let rows = Int(glp_get_num_rows(handle))
        guard rows > 0 && rows >= options.startingMinimumRows && glp_get_num_cols(handle) > 0 else { return false }
        if options.scaling { glp_scale_prob(handle, GLP_SF_AUTO) }
        applyStartingBasis(handle, options.startingBasis)
        return options.scaling || options.startingBasis != .standard || options.startingMethod != nil
    }

    private func applyStartingBasis(_ handle: OpaquePointer, _ basis: SolverOptions.StartingBasis) {
        switch basis {
        case .standard: glp_std_basis(handle)
        case .advanced: glp_adv_basis(handle, 0)
        case .bixby: glp_cpx_basis(handle)
        case .given(let statuses): if !install(statuses, handle) { glp_adv_basis(handle, 0) }
        }
    }

    /// After a custom start: whether to solve again from GLPK's default start — not for an accurate optimum, nor
    /// when the time limit, the iteration limit or a cancellation stopped the solve.
    private func shouldRetryFromDefault(
        _ status: SolveStatus, _ handle: OpaquePointer, _ cancellation: SolverCancellation?
    ) -> Bool {
        switch status {
        case .optimal: !isPrimalAccurate(handle)
        case .infeasible, .unbounded: true
        case .failed: cancellation?.isCancelled != true
        case .feasible, .timeLimit, .iterationLimit, .cancelled: false
        }
    }

    /// Whether the basic solution GLPK holds satisfies the rows and bounds to a relative error of 1e-6
    /// (`glp_check_kkt`; `glpsol` calls a solution of larger error "low quality" or wrong).
    private func isPrimalAccurate(_ handle: OpaquePointer) -> Bool {
        var absolute = 0.0
        var relative = 0.0
        var absoluteAt: Int32 = 0
        var relativeAt: Int32 = 0
        for condition in [GLP_KKT_PE, GLP_KKT_PB] {
            glp_check_kkt(handle, GLP_SOL, condition, &absolute, &absoluteAt, &relative, &relativeAt)
            if relative > 1e-6 { return false }
        }
        return true
    }

    /// Branch-and-cut after the LP relaxation.
    private func solveMIP(_ run: SolveRun) -> Solution {
        let noIntegerInBounds = mirror.variables.contains {
            $0.isInteger && $0.lowerBound.rounded(.up) > $0.upperBound.rounded(.down)
        }
        if noIntegerInBounds {
            // No integer lies within some integer variable's bounds; GLPK would reject those bounds.
            return Solution(status: .infeasible)
        }
        let method: SolverOptions.Method = run.options.options.method == .dualSimplex ? .dualSimplex : .primalSimplex
        let relaxation = run.simplex(method: method, presolve: run.options.options.presolve)
        guard relaxation == .optimal else { return Solution(status: relaxation) }
        let relaxationBound = glp_get_obj_val(run.handle)
        let progress = MIPProgress(cancellation: run.cancellation)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = run.messageLevel
        parameters.presolve = GLP_OFF
        parameters.mip_gap = run.options.options.mipGap
        if let remaining = run.remainingMilliseconds() { parameters.tm_lim = remaining }
        parameters.cb_func = { tree, info in
            guard let tree, let info else { return }
            let progress = Unmanaged<MIPProgress>.fromOpaque(info).takeUnretainedValue()
            if progress.cancellation?.isCancelled == true {
                glp_ios_terminate(tree)
                return
            }
            let gap = glp_ios_mip_gap(tree)
            if gap < Double.greatestFiniteMagnitude { progress.lastGap = gap }
        }
        let code = withExtendedLifetime(progress) { () -> Int32 in
            parameters.cb_info = Unmanaged.passUnretained(progress).toOpaque()
            return glp_intopt(run.handle, &parameters)
        }
        let mipStatus = glp_mip_status(run.handle)
        let status: SolveStatus
        var gap: Double?
        switch (code, mipStatus) {
        case (0, GLP_OPT):
            (status, gap) = (.optimal, 0)
        case (0, GLP_NOFEAS):
            status = .infeasible
        case (GLP_EMIPGAP, GLP_FEAS), (GLP_EMIPGAP, GLP_OPT), (0, GLP_FEAS):
            (status, gap) = (.optimal, progress.lastGap ?? rootGap(glp_mip_obj_val(run.handle), relaxationBound))
        case (GLP_ETMLIM, GLP_FEAS):
            (status, gap) = (.feasible, progress.lastGap ?? rootGap(glp_mip_obj_val(run.handle), relaxationBound))
        case (GLP_ETMLIM, _):
            status = .timeLimit
        case (GLP_ESTOP, _):
            status = .cancelled
        default:
            status = .failed(
                reason: "GLPK's branch-and-cut stopped: \(GLPKReturnCode.describe(code)); "
                    + "MIP status \(GLPKReturnCode.describeStatus(mipStatus))")
        }
        guard status.hasSolution else { return Solution(status: status) }
        let columns = mirror.variables.count
        let rows = mirror.constraints.count
        return Solution(
            status: status, objectiveValue: glp_mip_obj_val(run.handle),
            values: (0..<columns).map { glp_mip_col_val(run.handle, Int32($0 + 1)) },
            rowActivities: (0..<rows).map { glp_mip_row_val(run.handle, Int32($0 + 1)) },
            mipGap: gap)
    }

    /// GLPK's interior-point method, on a copy of the problem on a thread of its own, so that the time limit and
    /// the cancellation can stop it (``InteriorPoint``).
    private func solveInterior(_ run: SolveRun) -> Solution {
        if run.remainingMilliseconds() == 0 { return Solution(status: .timeLimit) }
        let deadline = run.options.timeLimitMilliseconds.map { run.start + .milliseconds(Int64($0)) }
        let outcome = InteriorPoint.solve(model, deadline: deadline, cancellation: run.cancellation, log: run.log)
        let code: Int32
        let status: Int32
        switch outcome {
        case .stopped(let reason):
            return Solution(status: reason)
        case .glpkError(let lines):
            return Solution(
                status: .failed(
                    reason: "GLPK's interior-point method reported an internal error: "
                        + lines.trimmingCharacters(in: .whitespacesAndNewlines)))
        case .finished(let finishedCode, let finishedStatus, let solution):
            if let solution, finishedCode == 0 { return solution }
            (code, status) = (finishedCode, finishedStatus)
        }
        switch (code, status) {
        case (GLP_ENOFEAS, _), (0, GLP_NOFEAS):
            // GLPK's interior-point method only knows "no primal or no dual feasible solution"; the primal
            // simplex tells which (it leaves a basis, but this call reports no basic solution, so no ranging).
            let settled = run.simplex(method: .primalSimplex, presolve: false)
            if settled == .optimal {
                return Solution(
                    status: .failed(
                        reason: "GLPK's interior-point method found no feasible "
                            + "solution, but the simplex method found an optimum; the problem is numerically difficult")
                )
            }
            return Solution(status: settled)
        case (GLP_EITLIM, _):
            return Solution(status: .iterationLimit)
        case (0, _):
            return Solution(
                status: .failed(
                    reason: "GLPK's interior-point method ended with solution status "
                        + GLPKReturnCode.describeStatus(status)))
        default:
            return Solution(
                status: .failed(
                    reason: "GLPK's interior-point method stopped: "
                        + GLPKReturnCode.describe(code)))
        }
    }

    /// The optimal basic solution GLPK holds.
    func basicSolution(_ handle: OpaquePointer) -> Solution {
        GLPKSolutionReader.basic.solution(of: handle, columns: mirror.variables.count, rows: mirror.constraints.count)
    }
}

/// GLPK keeps one solution per method, read through its own functions: the basic one (simplex and exact simplex)
/// and the interior-point one.
enum GLPKSolutionReader {
    case basic, interior

    /// The optimal solution of a problem with `columns` variables and `rows` constraints: primal and dual values.
    func solution(of handle: OpaquePointer, columns: Int, rows: Int) -> Solution {
        typealias Value = (OpaquePointer?, Int32) -> Double
        let objective: (OpaquePointer?) -> Double
        let (columnValue, rowActivity, rowDual, reducedCost): (Value, Value, Value, Value)
        switch self {
        case .basic:
            objective = glp_get_obj_val
            (columnValue, rowActivity, rowDual, reducedCost) = (
                glp_get_col_prim, glp_get_row_prim, glp_get_row_dual, glp_get_col_dual
            )
        case .interior:
            objective = glp_ipt_obj_val
            (columnValue, rowActivity, rowDual, reducedCost) = (
                glp_ipt_col_prim, glp_ipt_row_prim, glp_ipt_row_dual, glp_ipt_col_dual
            )
        }
        return Solution(
            status: .optimal, objectiveValue: objective(handle),
            values: (0..<columns).map { columnValue(handle, Int32($0 + 1)) },
            rowActivities: (0..<rows).map { rowActivity(handle, Int32($0 + 1)) },
            rowDuals: (0..<rows).map { rowDual(handle, Int32($0 + 1)) },
            reducedCosts: (0..<columns).map { reducedCost(handle, Int32($0 + 1)) })
    }
}

/// GLPK's relative gap `|incumbent − bound| / (|incumbent| + ε)` against the LP relaxation's bound: an upper
/// bound on the true gap, for when branch-and-cut never reported one.
private func rootGap(_ incumbent: Double, _ bound: Double) -> Double {
    abs(incumbent - bound) / (abs(incumbent) + Double.ulpOfOne)
}

/// What the branch-and-cut callback learns; reached through GLPK's `cb_info` pointer.
private final class MIPProgress {
    /// The relative gap GLPK last reported while an incumbent existed.
    var lastGap: Double?
    /// Checked at every callback; when cancelled, the search is terminated (`GLP_ESTOP`).
    let cancellation: SolverCancellation?

    init(cancellation: SolverCancellation?) {
        self.cancellation = cancellation
    }
}

/// One ``GLPKProblem/solve(_:)`` call: the problem, the checked options, the clock and the log.
struct SolveRun {
    let handle: OpaquePointer
    let options: CheckedOptions
    let log: TerminalLog
    let start = ContinuousClock.now
    /// The flag this solve watches, if any.
    let cancellation: SolverCancellation?

    init(handle: OpaquePointer, options: CheckedOptions, cancellation: SolverCancellation? = nil) {
        self.handle = handle
        self.options = options
        self.cancellation = cancellation
        log = TerminalLog(keepsText: options.options.captureLog)
    }

    /// `msg_lev`: full output (as `glpsol` prints it) when the log is captured, none otherwise.
    var messageLevel: Int32 { options.options.captureLog ? GLP_MSG_ALL : GLP_MSG_OFF }

    /// Milliseconds left of the time limit (0 when spent), or `nil` without a limit.
    func remainingMilliseconds() -> Int32? {
        guard let limit = options.timeLimitMilliseconds else { return nil }
        let elapsed = start.duration(to: .now).components
        let elapsedMilliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
        return Int32(max(0, Int64(limit) - elapsedMilliseconds))
    }

    /// `glp_simplex` with the time and iteration limits; with a ``cancellation`` flag (and no presolver), in
    /// slices of ``SolverCancellation/iterationsPerCheck`` iterations, each continuing warm from the basis the
    /// previous one left, looking at the flag between slices. Returns `GLP_ESTOP` (which `glp_simplex` never
    /// returns) when cancelled.
    func runSimplex(_ parameters: inout glp_smcp) -> Int32 {
        guard let cancellation, parameters.presolve == GLP_OFF else {
            if let limit = options.iterationLimit { parameters.it_lim = limit }
            if let remaining = remainingMilliseconds() { parameters.tm_lim = remaining }
            return glp_simplex(handle, &parameters)
        }
        var iterationsLeft = options.iterationLimit.map(Int.init)
        while true {
            if cancellation.isCancelled { return GLP_ESTOP }
            let slice = min(iterationsLeft ?? Int.max, SolverCancellation.iterationsPerCheck)
            parameters.it_lim = Int32(slice)
            if let remaining = remainingMilliseconds() { parameters.tm_lim = remaining }
            let before = glp_get_it_cnt(handle)
            let code = glp_simplex(handle, &parameters)
            guard code == GLP_EITLIM else { return code }
            if let left = iterationsLeft {
                iterationsLeft = left - Int(glp_get_it_cnt(handle) - before)
                if iterationsLeft! <= 0 { return GLP_EITLIM }
            }
        }
    }

    /// Runs `glp_simplex` and maps the outcome to a status, settling "infeasible or unbounded" cases with a
    /// primal simplex run without presolve.
    func simplex(method: SolverOptions.Method, presolve: Bool, settling: Bool = false) -> SolveStatus {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.meth = method == .dualSimplex ? GLP_DUALP : GLP_PRIMAL
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.tol_bnd = options.options.tolerances.primal
        parameters.tol_dj = options.options.tolerances.dual
        parameters.tol_piv = options.options.tolerances.pivot
        var code = runSimplex(&parameters)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            // The warm basis no longer fits (e.g. a non-basic row was removed) or is numerically unusable:
            // restart from an advanced initial basis.
            glp_adv_basis(handle, 0)
            code = runSimplex(&parameters)
        }
        switch code {
        case 0:
            break
        case GLP_ESTOP:
            return .cancelled
        case GLP_ETMLIM:
            return .timeLimit
        case GLP_EITLIM:
            return .iterationLimit
        case GLP_ENOPFS:
            return .infeasible  // the presolver proved primal infeasibility
        case GLP_ENODFS where !settling:
            return simplex(method: .primalSimplex, presolve: false, settling: true)
        default:
            return .failed(reason: "GLPK's simplex method stopped: \(GLPKReturnCode.describe(code))")
        }
        switch glp_get_status(handle) {
        case GLP_OPT:
            return .optimal
        case GLP_NOFEAS:
            return .infeasible
        case GLP_UNBND:
            return .unbounded
        case let other where settling:
            return .failed(
                reason: "GLPK's simplex method ended with solution status "
                    + GLPKReturnCode.describeStatus(other))
        default:
            return simplex(method: .primalSimplex, presolve: false, settling: true)
        }
    }
}

/// GLPK's return codes and solution statuses in words (for ``SolveStatus/failed(reason:)``; never shown raw).
enum GLPKReturnCode {
    static func describe(_ code: Int32) -> String {
        switch code {
        case 0: "no error"
        case GLP_EBADB: "the basis is invalid (GLP_EBADB)"
        case GLP_ESING: "the basis matrix is singular (GLP_ESING)"
        case GLP_ECOND: "the basis matrix is ill-conditioned (GLP_ECOND)"
        case GLP_EBOUND: "some bounds are invalid (GLP_EBOUND)"
        case GLP_EFAIL:
            "the solver failed (GLP_EFAIL; the interior-point method returns it for a problem "
                + "without rows or columns)"
        case GLP_EOBJLL: "the objective lower limit was reached (GLP_EOBJLL)"
        case GLP_EOBJUL: "the objective upper limit was reached (GLP_EOBJUL)"
        case GLP_EITLIM: "the iteration limit was reached (GLP_EITLIM)"
        case GLP_ETMLIM: "the time limit was reached (GLP_ETMLIM)"
        case GLP_ENOPFS: "there is no primal feasible solution (GLP_ENOPFS)"
        case GLP_ENODFS: "there is no dual feasible solution (GLP_ENODFS)"
        case GLP_EROOT: "the optimal basis of the LP relaxation was not provided (GLP_EROOT)"
        case GLP_ESTOP: "the search was stopped (GLP_ESTOP)"
        case GLP_EMIPGAP: "the relative MIP gap tolerance was reached (GLP_EMIPGAP)"
        case GLP_ENOFEAS: "there is no primal or no dual feasible solution (GLP_ENOFEAS)"
        case GLP_ENOCVG: "the method did not converge (GLP_ENOCVG)"
        case GLP_EINSTAB: "numerical instability (GLP_EINSTAB)"
        case GLP_EDATA: "invalid data (GLP_EDATA)"
        case GLP_ERANGE: "a result is out of range (GLP_ERANGE)"
        default: "unknown GLPK return code \(code)"
        }
    }

    static func describeStatus(_ status: Int32) -> String {
        switch status {
        case GLP_UNDEF: "undefined"
        case GLP_FEAS: "feasible"
        case GLP_INFEAS: "infeasible (not proven)"
        case GLP_NOFEAS: "no feasible solution"
        case GLP_OPT: "optimal"
        case GLP_UNBND: "unbounded"
        default: "unknown status \(status)"
        }
    }
}
