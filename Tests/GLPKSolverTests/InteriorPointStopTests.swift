import Foundation
import GLPKSolver
import LinearModel
import Testing

/// The interior-point method runs on a copy of the problem on a thread of its own and is stopped by jumping out of
/// GLPK and freeing that thread's GLPK environment (GLPKSolver's InteriorPoint). These tests stop it at once (a time
/// limit of 1 ms) and check that nothing of the caller's thread is touched: its problems stay usable.
@Suite("Interior point: stopped runs")
struct InteriorPointStopTests {
    /// A covering LP with dense rows, so that GLPK's interior-point method needs tens of iterations of a dense
    /// Cholesky factorisation (far longer than 1 ms): minimise Σ c_j x_j subject to Σ_j a_ij x_j ≥ b_i,
    /// 0 ≤ x_j ≤ 10, with every a_ij in [0.5, 1.5) on half of the columns of a row (a fixed pseudo-random pattern).
    /// x = 10 everywhere satisfies every row (b_i is at most a tenth of its row's sum), so it has an optimum.
    static func denseCover(rows: Int = 200, columns: Int = 400) -> Model {
        var model = Model(name: "dense-cover")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let x = (0..<columns).map { model.addVariable("x\($0)", lowerBound: 0, upperBound: 10) }
        for row in 0..<rows {
            var expression = LinearExpression()
            var sum = 0.0
            for column in 0..<columns where next() < 0.5 {
                let coefficient = 0.5 + next()
                expression.add(coefficient * x[column])
                sum += coefficient
            }
            model.add(expression >= sum * (0.02 + 0.08 * next()), name: "cover\(row)")
        }
        var objective = LinearExpression()
        for column in 0..<columns { objective.add((1 + next()) * x[column]) }
        model.minimize(objective)
        return model
    }

    @Test("a time limit of 1 ms stops the method; the problem and another one on the same thread stay usable")
    func stoppedRunLeavesTheThreadAlone() throws {
        let cover = Self.denseCover()
        let manual = ManualExample()
        try GLPKProblem.withProblem(for: cover) { problem in
            try GLPKProblem.withProblem(for: manual.model) { other in
                let stopped = try problem.solve(SolverOptions(method: .interiorPoint, timeLimit: 0.001))
                #expect(stopped.status == .timeLimit)
                #expect(!stopped.hasSolution)
                // The other problem of this thread: the manual example's optimum worked out by hand (TestSupport).
                let solved = try other.solve()
                #expect(solved.status == .optimal)
                #expect(isClose(solved.objectiveValue, ManualExample.optimum))
                // The stopped problem itself: the interior point and the simplex method agree on its optimum.
                let interior = try problem.solve(SolverOptions(method: .interiorPoint))
                let simplex = try problem.solve()
                #expect(interior.status == .optimal && simplex.status == .optimal)
                let optimum = try #require(simplex.objectiveValue)
                #expect(abs((interior.objectiveValue ?? .nan) - optimum) <= 1e-6 * max(1, abs(optimum)))
            }
        }
    }

    @Test("100 stopped runs in a row, then an optimum: nothing leaks into later solves")
    func manyStops() throws {
        let cover = Self.denseCover(rows: 60, columns: 120)
        for _ in 0..<100 {
            let solution = try Solver.solve(cover, options: SolverOptions(method: .interiorPoint, timeLimit: 0.001))
            #expect(solution.status == .timeLimit)
        }
        let solution = try Solver.solve(ManualExample().model, options: SolverOptions(method: .interiorPoint))
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objectiveValue, ManualExample.optimum))
    }

    @Test("a flag cancelled during the method stops it: cancelled, within a second")
    func cancelledDuringTheMethod() throws {
        // 600 dense rows: about 8 s to the optimum when nothing stops it (measured in a debug build on 2 shared cores).
        let cover = Self.denseCover(rows: 600, columns: 1200)
        let flag = SolverCancellation()
        let start = Date()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            flag.cancel()
        }
        let solution = try Solver.solve(cover, options: SolverOptions(method: .interiorPoint, cancellation: flag))
        let seconds = Date().timeIntervalSince(start)
        #expect(solution.status == .cancelled, "\(solution.status) after \(seconds) s")
        // 0.2 s, then at most the half second the caller waits for the method's next line, and slack for load.
        #expect(seconds < 0.2 + 0.5 + 1, "\(seconds) s")
    }

    @Test("with a time limit that is not reached and a flag that is not cancelled, the optimum and the log as before")
    func unstoppedRun() throws {
        let solution = try Solver.solve(
            ManualExample().model,
            options: SolverOptions(
                method: .interiorPoint, timeLimit: 60, captureLog: true, cancellation: SolverCancellation()))
        #expect(solution.status == .optimal)
        #expect(isClose(solution.objectiveValue, ManualExample.optimum))
        #expect(solution.log?.contains("OPTIMAL SOLUTION FOUND") == true)
        #expect(solution.iterationCount == 0)
    }
}
