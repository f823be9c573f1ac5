/// How ``GLPKProblem/solve(_:)`` and ``Solver/solve(_:options:)`` run GLPK.
///
/// Every value is checked in Swift before GLPK sees it (GLPK aborts the process on out-of-range parameters);
/// invalid values throw ``SolverError/Code/invalidParameter``.
public struct SolverOptions: Sendable, Hashable {
    /// The LP algorithm. For a MIP it solves the LP relaxation before branch-and-cut.
    public enum Method: Sendable, Hashable {
        /// GLPK's primal simplex (`GLP_PRIMAL`).
        case primalSimplex
        /// GLPK's dual simplex, falling back to the primal one when the start basis is not dual feasible
        /// (`GLP_DUALP`).
        case dualSimplex
        /// GLPK's interior-point method (`glp_interior`): LPs only, no basis (so no warm start and no ranging);
        /// ignores ``SolverOptions/iterationLimit`` and ``SolverOptions/presolve``, which GLPK offers not for it.
        ///
        /// ``SolverOptions/timeLimit`` and the ``SolverCancellation`` are honoured although GLPK offers no hook:
        /// the method runs on a copy of the problem on a thread of its own, which stops at the next line GLPK
        /// prints (one per iteration) once either falls due, by jumping out of GLPK and freeing that thread's
        /// GLPK environment. The call returns within about half a second of the limit or the cancel (then status
        /// ``SolveStatus/timeLimit`` or ``SolveStatus/cancelled``); if the iteration under way takes longer, its
        /// thread finishes that iteration in the background, keeping a core busy, and then frees everything.
        /// Measured (synthetic regions, debug build, 2 shared cores): an iteration takes about 0.14 s at 500
        /// municipalities, 1.4 s at 1,000 and 2.5 s at 1,500, and the starting point before the first one 2.8 s
        /// at 1,500. A GLPK error inside the method (which would abort the process) becomes a failed status.
        case interiorPoint
    }

    /// The LP algorithm; default ``Method/primalSimplex``.
    public var method: Method
    /// Whether the simplex method runs GLPK's LP presolver first. With the presolver GLPK starts from scratch
    /// (no warm start from the current basis) and rebuilds the optimal basis afterwards; without it (the default)
    /// every solve of a ``GLPKProblem`` starts from the basis the previous solve left.
    /// Branch-and-cut always runs with GLPK's MIP presolver off, after the LP relaxation is solved.
    public var presolve: Bool
    /// Wall-clock limit in seconds for the whole solve call (LP relaxation plus branch-and-cut), or `nil` for
    /// none, for every method (for ``Method/interiorPoint`` see there how). At most ``maximumTimeLimit``; GLPK
    /// counts whole milliseconds (rounded up).
    public var timeLimit: Double?
    /// Limit on simplex iterations per simplex call, or `nil` for none; 0 … `Int32.max - 1`.
    public var iterationLimit: Int?
    /// Relative MIP gap tolerance in [0, ∞), e.g. `0.001` for 0.1 %: branch-and-cut stops as soon as
    /// `|incumbent − best bound| / (|incumbent| + ε)` is at most this. Default 0 (prove optimality).
    public var mipGap: Double
    /// Whether GLPK's terminal output is collected into ``Solution/log``. Otherwise GLPK runs with messages off
    /// and anything it would print is discarded; GLPK never writes to stdout either way.
    public var captureLog: Bool
    /// A flag that stops the solve early when cancelled from another thread or task (see ``SolverCancellation``);
    /// `nil`: ``SolverCancellation/current``, if any.
    public var cancellation: SolverCancellation?
    /// Whether GLPK scales the constraint matrix (`glp_scale_prob` with `GLP_SF_AUTO`, as `glpsol` does by
    /// default) before the problem's first simplex solve. Values, duals and objective stay in the model's units.
    /// Default `false` (GLPK's API default).
    public var scaling: Bool
    /// The basis the problem's first simplex solve starts from; later solves start warm from the basis the
    /// previous one left. Default ``StartingBasis/standard`` (GLPK's API default).
    public var startingBasis: StartingBasis
    /// The simplex method of an LP's first solve, from the starting basis (`.interiorPoint` counts as
    /// `.primalSimplex`); `nil` (default): ``method``. Later, warm solves use ``method``: after a level row is
    /// added the previous basis stays primal feasible, so `.dualSimplex` here and `.primalSimplex` there suits
    /// lexicographic levels.
    public var startingMethod: Method?
    /// The fewest rows a problem needs for ``scaling``, ``startingBasis`` and ``startingMethod`` to apply; smaller
    /// problems start as GLPK does by default. Default 0 (always apply). Where the optimum is not unique, another
    /// start can end on another optimal solution: a threshold keeps small problems, quick to solve anyway, on the
    /// one they had.
    public var startingMinimumRows: Int
    /// The simplex method's tolerances; default GLPK's own. Also for the LP relaxation of a MIP; not used by the
    /// interior-point method or the exact simplex.
    public var tolerances: SimplexTolerances

    /// GLPK's simplex tolerances (`glp_smcp`'s `tol_bnd`, `tol_dj` and `tol_piv`), each in the open interval
    /// (0, 1) as GLPK requires. Smaller ones make the simplex method's answer more precise where an LP is
    /// ill-conditioned, at the price of more iterations; GLPK's manual advises changing them only with reason.
    public struct SimplexTolerances: Sendable, Hashable {
        /// `tol_bnd`: how far a basic variable may violate its bounds, relative to the bound; GLPK's default 1e-7.
        public var primal: Double
        /// `tol_dj`: how far a reduced cost may have the wrong sign, relative to the cost; GLPK's default 1e-7.
        public var dual: Double
        /// `tol_piv`: the smallest pivot the ratio tests accept; GLPK's default 1e-9.
        public var pivot: Double

        public init(primal: Double = 1e-7, dual: Double = 1e-7, pivot: Double = 1e-9) {
            self.primal = primal
            self.dual = dual
            self.pivot = pivot
        }
    }

    /// The basis a problem's first simplex solve starts from.
    public enum StartingBasis: Sendable, Hashable {
        /// Every row's auxiliary variable basic, every column at a bound (`glp_std_basis`, GLPK's default).
        case standard
        /// A triangular "advanced" basis (`glp_adv_basis`, `glpsol --adv`).
        case advanced
        /// Bixby's crash basis (`glp_cpx_basis`, `glpsol --bib`); it looks at the objective, so set that first.
        case bixby
        /// The statuses of every row and column, e.g. mapped from the optimal basis of a related problem. When
        /// they do not make a basis of this problem (another number of rows or columns, another number of basic
        /// variables than rows, or a singular basis matrix), the ``advanced`` basis instead.
        case given(Basis)
    }

    /// Options with GLPK's defaults, except that output is silent.
    public init(
        method: Method = .primalSimplex, presolve: Bool = false, timeLimit: Double? = nil,
        iterationLimit: Int? = nil, mipGap: Double = 0, captureLog: Bool = false,
        cancellation: SolverCancellation? = nil, scaling: Bool = false, startingBasis: StartingBasis = .standard,
        startingMethod: Method? = nil, startingMinimumRows: Int = 0, tolerances: SimplexTolerances = .init()
    ) {
        self.method = method
        self.presolve = presolve
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.mipGap = mipGap
        self.captureLog = captureLog
        self.cancellation = cancellation
        self.scaling = scaling
        self.startingBasis = startingBasis
        self.startingMethod = startingMethod
        self.startingMinimumRows = startingMinimumRows
        self.tolerances = tolerances
    }

    /// The largest accepted ``timeLimit``, in seconds (GLPK's limit is an `Int32` of milliseconds, whose maximum
    /// means "no limit"): 2 147 483.646 s, about 24.8 days.
    public static let maximumTimeLimit: Double = Double(Int32.max - 1) / 1000

    /// The largest accepted ``iterationLimit`` (`Int32.max` means "no limit" to GLPK).
    public static let maximumIterationLimit: Int = Int(Int32.max) - 1
}

/// ``SolverOptions`` checked and converted to GLPK's units.
struct CheckedOptions {
    let options: SolverOptions
    /// `tm_lim` in milliseconds, `nil` for none.
    let timeLimitMilliseconds: Int32?
    /// `it_lim`, `nil` for none.
    let iterationLimit: Int32?

    /// Checks every option; throws one ``SolverError/Code/invalidParameter`` error naming all bad values.
    init(_ options: SolverOptions) throws(SolverError) {
        var problems: [String] = []
        var milliseconds: Int32?
        if let seconds = options.timeLimit {
            if seconds.isNaN || seconds < 0 || seconds > SolverOptions.maximumTimeLimit {
                problems.append(
                    "timeLimit is \(seconds) s; it must be a number of seconds from 0 to "
                        + "\(SolverOptions.maximumTimeLimit), or nil for no limit")
            } else {
                milliseconds = Int32(min((seconds * 1000).rounded(.up), Double(Int32.max - 1)))
            }
        }
        var iterations: Int32?
        if let limit = options.iterationLimit {
            if limit < 0 || limit > SolverOptions.maximumIterationLimit {
                problems.append(
                    "iterationLimit is \(limit); it must be from 0 to "
                        + "\(SolverOptions.maximumIterationLimit), or nil for no limit")
            } else {
                iterations = Int32(limit)
            }
        }
        if !options.mipGap.isFinite || options.mipGap < 0 {
            problems.append("mipGap is \(options.mipGap); it must be a finite relative gap ≥ 0 (0.001 means 0.1 %)")
        }
        let tolerances = options.tolerances
        for (name, field, value) in [
            ("primal", "tol_bnd", tolerances.primal), ("dual", "tol_dj", tolerances.dual),
            ("pivot", "tol_piv", tolerances.pivot),
        ] where !(value > 0 && value < 1) {
            problems.append("tolerances.\(name) is \(value); GLPK's \(field) must be above 0 and below 1")
        }
        if !problems.isEmpty {
            throw SolverError(.invalidParameter, at: "SolverOptions", problems.joined(separator: "; "))
        }
        self.options = options
        timeLimitMilliseconds = milliseconds
        iterationLimit = iterations
    }
}
