internal import CGLPK
import LinearModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A GLPK problem object (`glp_prob`) loaded from a LinearModel `Model`, for solving, changing and re-solving warm.
///
/// GLPK aborts the process on invalid input and ties each problem object to the thread that created it, so:
/// - a problem exists only inside ``withProblem(for:_:)``, which creates it, runs your closure and deletes it,
///   all on the calling thread in one synchronous call;
/// - every method first checks that it runs on that thread (else ``SolverError/Code/wrongThread``) and that the
///   problem is still open (else ``SolverError/Code/problemClosed``), then validates its arguments in Swift, and
///   only then calls GLPK;
/// - the type is deliberately not `Sendable`: don't hand it to another thread or keep it after the closure.
///
/// Rows and columns follow the model: variable `v` is GLPK column `v.index + 1`, constraint `c` is row
/// `c.index + 1`.
public final class GLPKProblem {
    /// The `glp_prob*`; `nil` once closed.
    var handle: OpaquePointer?
    /// The thread that created (and alone may use and delete) the problem object.
    let owner: pthread_t
    /// The Swift mirror, except for constraint bounds changed since (kept in ``pendingRowBounds``).
    var mirror: Model
    /// Constraint bounds set by ``setBounds(of:lowerBound:upperBound:)-(ConstraintID,_,_)`` not yet copied into
    /// ``mirror`` (`Model` has no setter for them, so the mirror is rebuilt lazily when ``model`` is read).
    var pendingRowBounds: [Int: (lower: Double, upper: Double)] = [:]
    /// The objective coefficient GLPK holds for each column (by variable index).
    var objectiveCoefficients: [Double]
    /// Whether GLPK holds the optimal basis of the last simplex solve of the LP as it still is: set by an optimal
    /// LP simplex solve, cleared by every change, by MIP and interior-point solves and by non-optimal results.
    var hasCurrentOptimalBasis = false
    /// Whether a simplex solve has run: the first one applies ``SolverOptions/scaling`` and
    /// ``SolverOptions/startingBasis``; later ones start warm.
    var hasStartedSimplex = false

    /// Creates the GLPK problem from a validated model, runs `body` with it, deletes the problem — all on the
    /// calling thread, in one synchronous call. The problem is closed afterwards even if it escapes `body`.
    ///
    /// - Throws: ``SolverError`` with code ``SolverError/Code/invalidModel`` listing every problem of `model`
    ///   (before any GLPK call), or whatever `body` throws.
    @discardableResult
    public static func withProblem<R>(for model: Model, _ body: (GLPKProblem) throws -> R) throws -> R {
        let problem = try GLPKProblem(loading: model)
        defer { problem.close() }
        return try body(problem)
    }

    /// ``withProblem(for:_:)`` with a typed error, for callers that throw only ``SolverError``.
    static func withTypedProblem<R>(
        for model: Model, _ body: (GLPKProblem) throws(SolverError) -> R
    ) throws(SolverError) -> R {
        let problem = try GLPKProblem(loading: model)
        defer { problem.close() }
        return try body(problem)
    }

    /// The model as the problem now holds it: the model it was created from plus every ``add(_:)``,
    /// ``setObjective(_:)``, `setBounds` and ``removeConstraints(_:)`` since. Read it on the creating thread.
    public var model: Model {
        if !pendingRowBounds.isEmpty { mirror = rebuiltMirror(removing: []) }
        return mirror
    }

    /// Validates `model`, then creates and loads the problem object on this thread.
    init(loading model: Model) throws(SolverError) {
        let problems = ModelChecks.problems(of: model)
        guard problems.isEmpty else { throw SolverError.invalidModel(problems, at: "GLPKProblem.withProblem") }
        let objective = ModelChecks.mergedObjectiveProblems(model.objective, variableCount: model.variables.count)
        owner = pthread_self()
        mirror = model
        objectiveCoefficients = objective.coefficients
        ThreadEnvironment.register()  // frees this thread's GLPK environment when the thread ends
        let handle = glp_create_prob()
        self.handle = handle
        load(model, into: handle)
    }

    /// Copies the validated `model` into the empty problem object `handle`.
    private func load(_ model: Model, into handle: OpaquePointer?) {
        if !model.name.isEmpty { model.name.withCString { glp_set_prob_name(handle, $0) } }
        glp_set_obj_dir(handle, model.objective.sense == .maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(handle, 0, model.objective.expression.constant)
        let columnCount = model.variables.count
        if columnCount > 0 {
            glp_add_cols(handle, Int32(columnCount))
            for (index, variable) in model.variables.enumerated() {
                let column = Int32(index + 1)
                if !variable.name.isEmpty { variable.name.withCString { glp_set_col_name(handle, column, $0) } }
                if variable.isInteger { glp_set_col_kind(handle, column, GLP_IV) }
                setColumnBounds(handle, column, variable)
                if objectiveCoefficients[index] != 0 {
                    glp_set_obj_coef(handle, column, objectiveCoefficients[index])
                }
            }
        }
        let rowCount = model.constraints.count
        guard rowCount > 0 else { return }
        glp_add_rows(handle, Int32(rowCount))
        let longest = model.constraints.reduce(0) { max($0, $1.expression.terms.count) }
        var indices = [Int32](repeating: 0, count: longest + 1)
        var values = [Double](repeating: 0, count: longest + 1)
        for (index, constraint) in model.constraints.enumerated() {
            loadRow(handle, Int32(index + 1), constraint, terms: constraint.expression, &indices, &values)
        }
    }

    /// Sets name, bounds and coefficients of the existing row `row` (1-based). `terms` must be merged and
    /// validated; the buffers must hold at least `terms.terms.count + 1` elements (element 0 is ignored).
    func loadRow(
        _ handle: OpaquePointer?, _ row: Int32, _ constraint: Constraint, terms: LinearExpression,
        _ indices: inout [Int32], _ values: inout [Double]
    ) {
        if !constraint.name.isEmpty { constraint.name.withCString { glp_set_row_name(handle, row, $0) } }
        let bounds = GLPKBounds(constraint.lowerBound, constraint.upperBound)
        glp_set_row_bnds(handle, row, bounds.type, bounds.lower, bounds.upper)
        let count = terms.terms.count
        guard count > 0 else { return }
        for (position, term) in terms.terms.enumerated() {
            indices[position + 1] = Int32(term.variable.index + 1)
            values[position + 1] = term.coefficient
        }
        indices.withUnsafeBufferPointer { indexBuffer in
            values.withUnsafeBufferPointer { valueBuffer in
                glp_set_mat_row(handle, row, Int32(count), indexBuffer.baseAddress, valueBuffer.baseAddress)
            }
        }
    }

    /// Sets the bounds of column `column` (1-based) from `variable`; an integer variable gets its bounds rounded
    /// inwards (GLPK's branch-and-cut rejects fractional bounds), unless that would cross them — that MIP is
    /// infeasible, which ``solve(_:)`` reports without calling GLPK.
    func setColumnBounds(_ handle: OpaquePointer?, _ column: Int32, _ variable: VariableDefinition) {
        var lower = variable.lowerBound
        var upper = variable.upperBound
        if variable.isInteger {
            let roundedLower = lower.rounded(.up)
            let roundedUpper = upper.rounded(.down)
            if roundedLower <= roundedUpper {
                lower = roundedLower
                upper = roundedUpper
            }
        }
        let bounds = GLPKBounds(lower, upper)
        glp_set_col_bnds(handle, column, bounds.type, bounds.lower, bounds.upper)
    }

    /// Closes this wrapper without deleting the problem object: for after `glp_free_env()` on the creating thread
    /// (a stopped interior-point run), which freed the object already.
    func forgetFreedHandle() {
        handle = nil
        hasCurrentOptimalBasis = false
    }

    /// Deletes the problem object (on the creating thread, once) and closes this wrapper.
    func close() {
        guard let handle else { return }
        self.handle = nil
        hasCurrentOptimalBasis = false
        glp_delete_prob(handle)
    }

    /// The problem object, after checking the thread and that the problem is open. Call first in every method.
    /// - Parameter place: the method, for the error message.
    func openHandle(_ place: String) throws(SolverError) -> OpaquePointer {
        guard pthread_equal(owner, pthread_self()) != 0 else {
            throw SolverError(
                .wrongThread, at: "GLPKProblem.\(place)",
                "called on another thread than the one that "
                    + "created the problem; a GLPK problem belongs to its thread: use it only inside withProblem's "
                    + "closure, on that thread")
        }
        guard let handle else {
            throw SolverError(
                .problemClosed, at: "GLPKProblem.\(place)",
                "the problem was deleted when withProblem "
                    + "returned; use it only inside withProblem's closure")
        }
        return handle
    }

    /// Checks a variable handle against the problem's columns.
    func checkVariable(_ variable: Variable, _ place: String) throws(SolverError) {
        let count = mirror.variables.count
        guard variable.index >= 0 && variable.index < count else {
            throw SolverError(
                .unknownVariable, at: "GLPKProblem.\(place)",
                "variable #\(variable.index) is not in "
                    + "this problem, which has \(count) variable(s) (valid: 0..<\(count))")
        }
    }

    /// Checks a constraint handle against the problem's rows.
    func checkConstraint(_ constraint: ConstraintID, _ place: String) throws(SolverError) {
        let count = mirror.constraints.count
        guard constraint.index >= 0 && constraint.index < count else {
            throw SolverError(
                .unknownConstraint, at: "GLPKProblem.\(place)",
                "constraint #\(constraint.index) is not "
                    + "in this problem, which has \(count) constraint(s) (valid: 0..<\(count))")
        }
    }

    /// The mirror with ``pendingRowBounds`` applied and the constraints at `removed` (0-based) left out.
    func rebuiltMirror(removing removed: Set<Int>) -> Model {
        var rebuilt = Model(name: mirror.name)
        for variable in mirror.variables {
            rebuilt.addVariable(
                variable.name, lowerBound: variable.lowerBound, upperBound: variable.upperBound,
                isInteger: variable.isInteger)
        }
        for (index, constraint) in mirror.constraints.enumerated() where !removed.contains(index) {
            var row = constraint
            if let bounds = pendingRowBounds[index] {
                row.lowerBound = bounds.lower
                row.upperBound = bounds.upper
            }
            rebuilt.add(row)
        }
        rebuilt.objective = mirror.objective
        pendingRowBounds = [:]
        return rebuilt
    }
}

/// A bound pair in GLPK's terms: a type (`GLP_FR`, `GLP_LO`, `GLP_UP`, `GLP_DB`, `GLP_FX`) and two values.
/// ±infinity means "no bound"; equal bounds become `GLP_FX` (GLPK rejects `GLP_DB` with lb = ub).
struct GLPKBounds {
    let type: Int32
    let lower: Double
    let upper: Double

    /// The GLPK form of `lower ≤ x ≤ upper`; the bounds must already be valid (not NaN, not crossed).
    init(_ lower: Double, _ upper: Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (type, self.lower, self.upper) = (GLP_FR, 0, 0)
        case (true, false): (type, self.lower, self.upper) = (GLP_LO, lower, 0)
        case (false, true): (type, self.lower, self.upper) = (GLP_UP, 0, upper)
        case (true, true):
            (type, self.lower, self.upper) = lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }
}

/// A problem object belongs to the thread that created it; this makes "not `Sendable`" explicit, so no extension
/// elsewhere can add the conformance.
@available(*, unavailable)
extension GLPKProblem: Sendable {}
