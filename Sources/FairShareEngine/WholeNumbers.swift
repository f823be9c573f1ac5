import FairShareScenario
import GLPKSolver
import LinearModel

/// Whole homes and placements (`solver.integer`): the central allocation c rounded, not a MIP over the levels.
///
/// The whole-number allocation v satisfies every hard requirement (with the either-or options of the continuous
/// solve), lets no soft requirement fall short by more than it does at c rounded up to a whole home, and minimises
/// Σ_k |v_k − c_k| over x, y and z. Each |v_k − c_k| is written with its convex hull over the integers,
///
///     t_k ≥ v_k − c_k,   t_k ≥ c_k − v_k,   t_k ≥ f_k + (1 − 2 f_k)(v_k − ⌊c_k⌋),   f_k = c_k − ⌊c_k⌋,
///
/// so that the linear relaxation is tight: for a plain proportional split of a fixed total it is integral and the
/// answer is Hamilton's largest-remainder method, and GLPK's branch-and-cut proves most cases at the root.
enum WholeNumbers {
    /// Values within this of a whole number count as that number (solver noise, not a fraction of a home).
    static let snap = 1e-6

    /// The rounding of `central` (a solution of `formulation`'s continuous model, or of its face).
    /// - Returns: the MIP's solution, indexed like `formulation`'s variables.
    static func round(
        _ scenario: Scenario, _ formulation: Formulation, central: Solution, deadline: ContinuousClock.Instant,
        cancellation: SolverCancellation?
    ) throws -> Solution {
        let rounding = Formulation(scenario, wholeNumbers: true)
        var model = rounding.model
        for choice in formulation.alternativeChoices {
            for binary in choice.binaries {
                let value = central[binary] >= 0.5 ? 1.0 : 0.0
                model.setBounds(of: binary, lowerBound: value, upperBound: value)
            }
        }
        let shortfalls =
            Array(rounding.targetShortfalls.values) + Array(rounding.groupShortfalls.values)
            + Array(rounding.careShortfalls.values) + rounding.periodShortfalls.map(\.variable)
        for shortfall in shortfalls {
            let own = model[shortfall]
            let atCentre = (central[shortfall] - snap).rounded(.up)
            model.setBounds(of: shortfall, lowerBound: own.lowerBound, upperBound: max(own.lowerBound, atCentre))
        }
        var distance = LinearExpression()
        // With periods, the period figures are what is allocated (docs/model.md §9); the horizon's are their sums.
        let allocated =
            rounding.isPhased
            ? rounding.periods.flatMap { ($0.newHomes + $0.placements + $0.careHomes).flatMap { $0 } }
            : (rounding.newHomes + rounding.placements + rounding.careHomes).flatMap { $0 }
        for v in allocated {
            var c = central[v]
            if abs(c - c.rounded()) <= snap { c = c.rounded() }
            let whole = c.rounded(.down)
            let fraction = c - whole
            let t = model.addVariable("t[\(model[v].name)]")
            let name = model[v].name
            model.add(t - v >= -c, name: "round.above\(name)")
            model.add(t + v >= c, name: "round.below\(name)")
            if fraction > 0 {
                let slope = 1 - 2 * fraction
                model.add(t - slope * v >= fraction - slope * whole, name: "round.chord\(name)")
            }
            distance.add(t)
        }
        model.minimize(distance)
        let left = deadline - ContinuousClock.now
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
        let options = SolverOptions(
            method: .primalSimplex, timeLimit: max(0.001, seconds), mipGap: 0, cancellation: cancellation)
        return try Solver.solve(model, options: options)
    }
}
