/// How a solve ended. Only ``optimal`` and ``feasible`` come with values in the ``Solution``.
public enum SolveStatus: Sendable, Hashable {
    /// An optimal solution was found. For a MIP with ``SolverOptions/mipGap`` > 0 this means optimal within that
    /// relative gap (see ``Solution/mipGap`` for the gap reached).
    case optimal
    /// A MIP search stopped at the time limit with an integer-feasible incumbent that is not proven optimal;
    /// ``Solution/mipGap`` bounds how far it may be from the optimum.
    case feasible
    /// No solution satisfies all constraints (for a MIP: no integer solution, or the LP relaxation is infeasible).
    case infeasible
    /// The objective can improve without limit. For a MIP this is reported when the LP relaxation is
    /// unbounded (the MIP is then unbounded or, rarely, integer-infeasible).
    case unbounded
    /// ``SolverOptions/timeLimit`` ran out before an optimum (or, for a MIP, before any incumbent) was found.
    case timeLimit
    /// ``SolverOptions/iterationLimit`` simplex iterations ran out before an optimum was found.
    case iterationLimit
    /// The solve's ``SolverCancellation`` was cancelled before it finished; the problem stays usable.
    case cancelled
    /// GLPK gave up (numerical trouble, an empty problem for the interior-point method, …); `reason` says
    /// what happened in words.
    case failed(reason: String)

    /// Whether a solution of this status carries values (``optimal`` and ``feasible``).
    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: true
        default: false
        }
    }
}
