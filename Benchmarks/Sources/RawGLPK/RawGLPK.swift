import CRawGLPK

/// A linear programme with lexicographic levels as plain arrays, the way a C programmer would hold it: no
/// validation, no Swift model, GLPK's 1-based triplet arrays ready for `glp_load_matrix`.
public struct RawLP: Sendable {
    public var name: String
    public var columnNames: [String]
    public var columnLower: [Double]
    public var columnUpper: [Double]
    public var rowNames: [String]
    public var rowLower: [Double]
    public var rowUpper: [Double]
    /// `glp_load_matrix` triplets, 1-based, element 0 unused.
    public var ia: [Int32]
    public var ja: [Int32]
    public var ar: [Double]
    /// Each level's objective as (1-based column, coefficient) pairs, merged.
    public var levelColumns: [[Int32]]
    public var levelCoefficients: [[Double]]
    /// The level row's relative tolerance: `level ≤ v* + tolerance · max(1, |v*|)`.
    public var tolerance: Double

    public init(
        name: String, columnNames: [String], columnLower: [Double], columnUpper: [Double], rowNames: [String],
        rowLower: [Double], rowUpper: [Double], ia: [Int32], ja: [Int32], ar: [Double], levelColumns: [[Int32]],
        levelCoefficients: [[Double]], tolerance: Double
    ) {
        self.name = name
        self.columnNames = columnNames
        self.columnLower = columnLower
        self.columnUpper = columnUpper
        self.rowNames = rowNames
        self.rowLower = rowLower
        self.rowUpper = rowUpper
        self.ia = ia
        self.ja = ja
        self.ar = ar
        self.levelColumns = levelColumns
        self.levelCoefficients = levelCoefficients
        self.tolerance = tolerance
    }

    public var nonzeroCount: Int { ar.count - 1 }
}

/// Solving a ``RawLP`` with direct GLPK calls: create, load, solve each level warm (adding its level row), read the
/// column values, delete. What the Swift layers (LinearModel + GLPKSolver) are measured against.
public enum RawGLPK {
    /// The simplex settings of a run; they must match the ones the Swift side uses for a fair comparison.
    public struct Settings: Sendable {
        /// The first basis of a new problem: GLPK's standard one (all rows basic), `glp_adv_basis` or Bixby's
        /// (`glp_cpx_basis`).
        public enum Basis: String, Sendable, CaseIterable { case standard, advanced, bixby }

        /// Dual simplex (`GLP_DUALP`) for the first level, solved from the starting basis.
        public var dualFirst: Bool
        /// Dual simplex for the levels after the first, solved warm from the previous level's basis.
        public var dualWarm: Bool
        public var presolve: Bool
        /// `glp_scale_prob(GLP_SF_AUTO)` once after loading.
        public var scale: Bool
        public var basis: Basis
        /// Problems with fewer rows start unscaled from the standard basis whatever `scale` and `basis` say.
        public var minimumRows: Int
        /// Whether to give rows and columns their names (the Swift layers always do when the model has names).
        public var names: Bool

        public init(
            dualFirst: Bool = false, dualWarm: Bool = false, presolve: Bool = false, scale: Bool = false,
            basis: Basis = .standard, minimumRows: Int = 0, names: Bool = true
        ) {
            self.dualFirst = dualFirst
            self.dualWarm = dualWarm
            self.presolve = presolve
            self.scale = scale
            self.basis = basis
            self.minimumRows = minimumRows
            self.names = names
        }
    }

    /// The outcome: each level's optimum and the last level's column values; `nil` optima if a level failed.
    public struct Outcome: Sendable {
        public var optima: [Double]
        public var values: [Double]
        /// Simplex iterations per level.
        public var iterations: [Int]
        /// `glp_simplex`'s return code and `glp_get_status` of the level that failed, if one did.
        public var failure: (code: Int32, status: Int32)?
    }

    public static func solveLevels(_ lp: RawLP, settings: Settings = Settings()) -> Outcome {
        glp_term_out(GLP_OFF)  // scaling and starting bases print even with msg_lev off
        let problem = glp_create_prob()
        defer { glp_delete_prob(problem) }
        if settings.names { glp_set_prob_name(problem, lp.name) }
        glp_set_obj_dir(problem, GLP_MIN)
        let columns = lp.columnLower.count
        let rows = lp.rowLower.count
        glp_add_cols(problem, Int32(columns))
        for j in 0..<columns {
            let column = Int32(j + 1)
            if settings.names { glp_set_col_name(problem, column, lp.columnNames[j]) }
            setBounds(lp.columnLower[j], lp.columnUpper[j]) { glp_set_col_bnds(problem, column, $0, $1, $2) }
        }
        glp_add_rows(problem, Int32(rows))
        for i in 0..<rows {
            let row = Int32(i + 1)
            if settings.names { glp_set_row_name(problem, row, lp.rowNames[i]) }
            setBounds(lp.rowLower[i], lp.rowUpper[i]) { glp_set_row_bnds(problem, row, $0, $1, $2) }
        }
        lp.ia.withUnsafeBufferPointer { ia in
            lp.ja.withUnsafeBufferPointer { ja in
                lp.ar.withUnsafeBufferPointer { ar in
                    glp_load_matrix(problem, Int32(lp.nonzeroCount), ia.baseAddress, ja.baseAddress, ar.baseAddress)
                }
            }
        }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = settings.presolve ? GLP_ON : GLP_OFF
        var optima: [Double] = []
        var iterations: [Int] = []
        var failure: (code: Int32, status: Int32)?
        var previous: [Int32] = []
        for (level, columnsOfLevel) in lp.levelColumns.enumerated() {
            for column in previous { glp_set_obj_coef(problem, column, 0) }
            let coefficients = lp.levelCoefficients[level]
            for (k, column) in columnsOfLevel.enumerated() { glp_set_obj_coef(problem, column, coefficients[k]) }
            previous = columnsOfLevel
            let custom = rows >= settings.minimumRows
            if level == 0 && custom {
                // After the first objective is set: Bixby's basis prefers columns without cost.
                if settings.scale { glp_scale_prob(problem, GLP_SF_AUTO) }
                applyBasis(settings.basis, problem)
            }
            parameters.meth = (level == 0 ? custom && settings.dualFirst : settings.dualWarm) ? GLP_DUALP : GLP_PRIMAL
            let before = glp_get_it_cnt(problem)
            var code = glp_simplex(problem, &parameters)
            if code == GLP_EFAIL && parameters.meth == GLP_DUALP {
                // The dual simplex gave up (e.g. a starting basis singular to working precision): the primal
                // simplex from the same starting basis copes (as the GLPK layer does).
                if level == 0 { applyBasis(settings.basis, problem) }
                parameters.meth = GLP_PRIMAL
                code = glp_simplex(problem, &parameters)
            }
            iterations.append(Int(glp_get_it_cnt(problem) - before))
            guard code == 0, glp_get_status(problem) == GLP_OPT else {
                failure = (code, glp_get_status(problem))
                break
            }
            let value = glp_get_obj_val(problem)
            optima.append(value)
            guard level + 1 < lp.levelColumns.count else { break }
            let row = glp_add_rows(problem, 1)
            var indices = [Int32(0)] + columnsOfLevel
            var values = [0.0] + coefficients
            glp_set_mat_row(problem, row, Int32(columnsOfLevel.count), &indices, &values)
            glp_set_row_bnds(problem, row, GLP_UP, 0, value + lp.tolerance * max(1, abs(value)))
        }
        var values = [Double](repeating: 0, count: columns)
        for j in 0..<columns { values[j] = glp_get_col_prim(problem, Int32(j + 1)) }
        return Outcome(optima: optima, values: values, iterations: iterations, failure: failure)
    }

    private static func applyBasis(_ basis: Settings.Basis, _ problem: OpaquePointer?) {
        switch basis {
        case .standard: glp_std_basis(problem)
        case .advanced: glp_adv_basis(problem, 0)
        case .bixby: glp_cpx_basis(problem)
        }
    }

    private static func setBounds(_ lower: Double, _ upper: Double, _ set: (Int32, Double, Double) -> Void) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): set(GLP_FR, 0, 0)
        case (true, false): set(GLP_LO, lower, 0)
        case (false, true): set(GLP_UP, 0, upper)
        case (true, true): lower == upper ? set(GLP_FX, lower, upper) : set(GLP_DB, lower, upper)
        }
    }

    /// GLPK's version string.
    public static var version: String { String(cString: glp_version()) }
}
