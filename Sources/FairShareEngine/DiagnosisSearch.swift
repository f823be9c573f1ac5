import FairShareScenario
import GLPKSolver
import LinearModel

/// The two passes of ``Diagnosis`` on the elastic programme: the smallest weighted change, then every relaxation
/// that is not needed dropped one at a time (municipalities' own requirements first). In floating point, or in
/// exact rational arithmetic (`GLPKProblem.solveExactly(_:)`) when the floating-point passes find nothing.
struct DiagnosisSearch {
    /// One requirement to relax: its row, the violation the search left on it, and its share denominator's value.
    typealias Relaxation = (row: RequirementRow, violation: Double, denominator: Double)

    let formulation: Formulation
    let scenario: Scenario
    /// Seconds left of the diagnosis's budget.
    let remaining: () -> Double

    /// Whether the exact passes can run: GLPK's exact simplex solves LPs only.
    var canBeExact: Bool { !formulation.model.hasIntegerVariables }

    /// The requirements to relax, or why none were found.
    func run(exact: Bool) -> Result<[Relaxation], Diagnosis.Unavailable> {
        let rows = formulation.requirements
        let weights = rows.map { Diagnosis.weight(of: $0, in: formulation, scenario: scenario) }
        var objective = LinearExpression()
        for (row, weight) in zip(rows, weights) {
            if let violation = row.elastic { objective.add(violation, times: weight) }
        }
        var model = formulation.model
        model.minimize(objective)
        let options = {
            SolverOptions(timeLimit: remaining(), mipGap: scenario.solver.integer ? scenario.solver.mipGap : 0)
        }
        do {
            return try GLPKProblem.withProblem(for: model) { problem in
                func solve() throws -> Solution {
                    exact ? try problem.solveExactly(options()) : try problem.solve(options())
                }
                func failure(_ status: SolveStatus) -> Result<[Relaxation], Diagnosis.Unavailable> {
                    switch status {
                    case .timeLimit, .iterationLimit: .failure(.timeLimit)
                    default: .failure(.solverFailed)
                    }
                }
                // Pass 1: the smallest weighted change.
                var solution = try solve()
                guard solution.status == .optimal else { return failure(solution.status) }
                var needed: [Int] = []
                for (index, row) in rows.enumerated() {
                    guard let violation = row.elastic else { continue }
                    if Diagnosis.isPositive(solution[violation], row.requirement, exact: exact) {
                        needed.append(index)
                    } else {
                        try problem.setBounds(of: violation, lowerBound: 0, upperBound: 0)
                    }
                }
                // Pass 2: drop every relaxation that is not needed, municipalities' own requirements first.
                let order = needed.sorted {
                    (rows[$0].requirement.municipality == nil ? 1 : 0, $0)
                        < (rows[$1].requirement.municipality == nil ? 1 : 0, $1)
                }
                for index in order where needed.count > 1 {
                    guard let violation = rows[index].elastic else { continue }
                    try problem.setBounds(of: violation, lowerBound: 0, upperBound: 0)
                    if try solve().status == .optimal {
                        needed.removeAll { $0 == index }
                    } else {
                        try problem.setBounds(of: violation, lowerBound: 0, upperBound: .infinity)
                    }
                }
                solution = try solve()
                guard solution.status == .optimal else { return failure(solution.status) }
                return .success(
                    needed.compactMap { index in
                        guard let violation = rows[index].elastic else { return nil }
                        let denominator = rows[index].denominator.map { solution.value(of: $0) } ?? 1
                        return (rows[index], solution[violation], denominator)
                    })
            }
        } catch {
            return .failure(.solverFailed)
        }
    }
}
