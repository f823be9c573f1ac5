internal import CGLPK
import LinearModel

/// A simplex basis: the status of every row and column, for starting another problem of the same shape warm
/// (one problem per thread, each starting from the basis a first problem found).
public struct Basis: Sendable, Hashable {
    /// The status of one row's auxiliary variable or one column in the basis.
    public enum Status: Sendable, Hashable {
        /// In the basis.
        case basic
        /// Non-basic at its lower bound (or at its value when fixed, or at zero when free).
        case atLower
        /// Non-basic at its upper bound.
        case atUpper
    }

    /// By `ConstraintID.index`.
    public var rows: [Status]
    /// By `Variable.index`.
    public var columns: [Status]

    public init(rows: [Status], columns: [Status]) {
        self.rows = rows
        self.columns = columns
    }
}

extension GLPKProblem {
    /// The basis GLPK holds now (after a simplex solve: the one it ended on).
    public func basis() throws(SolverError) -> Basis {
        let handle = try openHandle("basis()")
        func status(_ code: Int32) -> Basis.Status {
            switch code {
            case GLP_BS: .basic
            case GLP_NU: .atUpper
            default: .atLower
            }
        }
        let rows = (0..<mirror.constraints.count).map { status(glp_get_row_stat(handle, Int32($0 + 1))) }
        let columns = (0..<mirror.variables.count).map { status(glp_get_col_stat(handle, Int32($0 + 1))) }
        return Basis(rows: rows, columns: columns)
    }

    /// Starts the next simplex solve from `basis` instead of the standard basis or the one the last solve left.
    /// A status that does not fit a row's or column's bounds is adjusted by GLPK (e.g. "at upper" on a column
    /// without an upper bound becomes "at lower"). When the basis is not valid for this problem (wrong number
    /// of basic variables, or singular), the problem gets GLPK's standard basis instead.
    /// - Throws: ``SolverError/Code/invalidParameter`` when the basis has another number of rows or columns than the
    ///   problem.
    public func setBasis(_ basis: Basis) throws(SolverError) {
        let place = "setBasis(_:)"
        let handle = try openHandle(place)
        guard basis.rows.count == mirror.constraints.count, basis.columns.count == mirror.variables.count else {
            throw SolverError(
                .invalidParameter, at: "GLPKProblem.\(place)",
                "the basis has \(basis.rows.count) "
                    + "row(s) and \(basis.columns.count) column(s); this problem has \(mirror.constraints.count) and "
                    + "\(mirror.variables.count): take the basis from a problem of the same model")
        }
        TerminalLog(keepsText: false).run {
            if !install(basis, handle) { glp_std_basis(handle) }
        }
        hasStartedSimplex = true
        hasCurrentOptimalBasis = false
    }

    /// Sets the statuses of `basis` and factorises its matrix; whether that made a valid basis (the right size, as
    /// many basic variables as rows, nonsingular). Call inside the terminal log (GLPK may print).
    func install(_ basis: Basis, _ handle: OpaquePointer) -> Bool {
        guard basis.rows.count == mirror.constraints.count, basis.columns.count == mirror.variables.count else {
            return false
        }
        func code(_ status: Basis.Status) -> Int32 {
            switch status {
            case .basic: GLP_BS
            case .atLower: GLP_NL
            case .atUpper: GLP_NU
            }
        }
        let basic = basis.rows.filter { $0 == .basic }.count + basis.columns.filter { $0 == .basic }.count
        guard basic == basis.rows.count else { return false }
        for (index, status) in basis.rows.enumerated() { glp_set_row_stat(handle, Int32(index + 1), code(status)) }
        for (index, status) in basis.columns.enumerated() { glp_set_col_stat(handle, Int32(index + 1), code(status)) }
        return basis.rows.isEmpty || glp_factorize(handle) == 0
    }
}
