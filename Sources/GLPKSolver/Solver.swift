internal import CGLPK
import LinearModel

/// One-call solving with GLPK: load, solve, read, delete, all on the calling thread.
///
/// Safe to call from many threads or tasks at once (each call has its own problem object, and GLPK's state is
/// thread-local); each call is synchronous and blocks its thread while GLPK works.
public enum Solver {
    /// Validates `model` and `options`, solves the model with GLPK and returns the solution.
    ///
    /// Equivalent to `GLPKProblem.withProblem(for: model) { try $0.solve(options) }`, with typed errors.
    /// - Throws: ``SolverError/Code/invalidModel`` (listing every problem), ``SolverError/Code/invalidParameter``,
    ///   ``SolverError/Code/notAnLP``. Not finding an optimum is not an error: see ``Solution/status``.
    public static func solve(_ model: Model, options: SolverOptions = .init()) throws(SolverError) -> Solution {
        _ = try CheckedOptions(options)
        return try GLPKProblem.withTypedProblem(for: model) { (problem) throws(SolverError) -> Solution in
            try problem.solve(options)
        }
    }

    /// The version of the GLPK library in use (`glp_version()`), for example `"5.0"`.
    public static var glpkVersion: String { String(cString: glp_version()) }
}
