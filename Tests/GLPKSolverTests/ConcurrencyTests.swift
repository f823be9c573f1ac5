import FairShareTestSupport
import GLPKSolver
import LinearModel
import Testing

/// Many solves at once on the cooperative thread pool: each call owns its problem object on its thread.
@Suite struct ConcurrencyTests {
    /// A small LP with a closed-form optimum, different for every (task, iteration):
    ///
    ///     maximize c·x + y   with c = 1 + task (≥ 1), d = 1 + iteration % 17
    ///     x ≤ d,  x + y ≤ d + 10,  y ≤ 100,  x, y ≥ 0
    ///
    /// By hand: y = d + 10 − x when x + y is tight, objective c·x + d + 10 − x = (c − 1)·x + d + 10, which
    /// grows with x for c > 1 (and is flat for c = 1): best x = d, y = 10, objective c·d + 10 (for c = 1 also
    /// d + 10 = c·d + 10). y ≤ 100 is never tight.
    static func lp(task: Int, iteration: Int) -> (Model, Double) {
        let c = Double(1 + task)
        let d = Double(1 + iteration % 17)
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y", upperBound: 100)
        model.add(x <= d)
        model.add(x + y <= d + 10)
        model.maximize(c * x + y)
        return (model, c * d + 10)
    }

    /// A one-variable MIP: maximize x subject to 2x ≤ 2k + 1, x integer ≥ 0, k = iteration % 50 + task.
    /// By hand: x ≤ k + 0.5, so the largest integer is k.
    static func mip(task: Int, iteration: Int) -> (Model, Double) {
        let k = Double(iteration % 50 + task)
        var model = Model()
        let x = model.addVariable("x", isInteger: true)
        model.add(2 * x <= 2 * k + 1)
        model.maximize(LinearExpression(x))
        return (model, k)
    }

    @Test("8 tasks × 1000 solves, every answer checked")
    func manySolves() async throws {
        let tasks = 8
        let solvesPerTask = 1000
        let (wrong, solved) = await withTaskGroup(of: ([String], Int).self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var wrong: [String] = []
                    var solved = 0
                    for iteration in 0..<solvesPerTask {
                        let (model, expected) =
                            iteration % 10 == 9
                            ? Self.mip(task: task, iteration: iteration)
                            : Self.lp(task: task, iteration: iteration)
                        let method: SolverOptions.Method = iteration % 3 == 0 ? .dualSimplex : .primalSimplex
                        do {
                            let solution = try Solver.solve(model, options: .init(method: method))
                            solved += 1
                            if solution.status != .optimal
                                || !isClose(solution.objectiveValue, expected, tolerance: 1e-9)
                            {
                                wrong.append(
                                    "task \(task) iteration \(iteration): \(solution.status) "
                                        + "\(String(describing: solution.objectiveValue)) ≠ \(expected)")
                            }
                        } catch {
                            wrong.append("task \(task) iteration \(iteration): \(error)")
                        }
                    }
                    return (wrong, solved)
                }
            }
            var all: [String] = []
            var count = 0
            for await (part, solved) in group {
                all += part
                count += solved
            }
            return (all, count)
        }
        #expect(solved == tasks * solvesPerTask)
        #expect(wrong.isEmpty, "\(wrong.count) wrong answers, e.g. \(wrong.prefix(5))")
    }

    @Test("8 tasks each with its own problem, modified and re-solved warm 200 times")
    func concurrentProblems() async throws {
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var failures = 0
                    let (model, _) = Self.lp(task: task, iteration: 0)
                    do {
                        try GLPKProblem.withProblem(for: model) { problem in
                            // Row 0 is x ≤ d, row 1 stays x + y ≤ 11 (d = 1 at iteration 0), y ≤ 100. As in
                            // lp(task:iteration:), x goes as high as allowed: x = min(d, 11), y = 11 − x, so the
                            // optimum is c·min(d, 11) + 11 − min(d, 11).
                            let c = Double(1 + task)
                            for iteration in 0..<200 {
                                let d = Double(1 + iteration % 15)
                                try problem.setBounds(of: ConstraintID(index: 0), lowerBound: -.infinity, upperBound: d)
                                let best = c * min(d, 11) + 11 - min(d, 11)
                                let solution = try problem.solve()
                                if !isClose(solution.objectiveValue, best, tolerance: 1e-9) { failures += 1 }
                            }
                        }
                    } catch {
                        failures += 1000
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }
}
