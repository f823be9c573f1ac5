import Foundation
import GLPKSolver
import LinearModel
import Testing

/// Deliberate misuse: a problem used from another thread, or after withProblem returned.
@Suite struct ThreadingTests {
    /// Smuggles a non-Sendable value to another thread — exactly the misuse the checks must catch.
    final class Smuggled<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// Runs `body` on a new thread and waits for it.
    func onOtherThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.start()
        done.wait()
    }

    @Test("every method called on another thread throws wrongThread, and calls no GLPK")
    func wrongThread() throws {
        let e = ManualExample()
        try GLPKProblem.withProblem(for: e.model) { problem in
            _ = try problem.solve()
            let box = Smuggled(problem)
            let codes = Smuggled(NSMutableArray())
            onOtherThread {
                let problem = box.value
                let calls: [() throws -> Void] = [
                    { _ = try problem.solve() },
                    { _ = try problem.add(e.x1 <= 5) },
                    { try problem.setObjective(.minimize(LinearExpression(e.x1))) },
                    { try problem.setBounds(of: e.x1, lowerBound: 0, upperBound: 1) },
                    { try problem.setBounds(of: e.p, lowerBound: 0, upperBound: 1) },
                    { try problem.removeConstraints([e.p]) },
                    { _ = try problem.boundRanging(of: .constraint(e.p)) },
                    { _ = try problem.objectiveRanging(of: e.x1) },
                    { _ = try problem.isBasic(.variable(e.x1)) },
                    { _ = try problem.cplexLPText() },
                    { _ = try problem.mpsText() },
                ]
                for call in calls {
                    do {
                        try call()
                        codes.value.add("no error")
                    } catch let error as SolverError {
                        codes.value.add(error.code.rawValue)
                    } catch {
                        codes.value.add("\(error)")
                    }
                }
            }
            #expect(codes.value.count == 11)
            #expect(codes.value.allSatisfy { ($0 as? String) == SolverError.Code.wrongThread.rawValue })
            // The owning thread still has a working, unchanged problem.
            #expect(isClose(try problem.solve().objectiveValue, ManualExample.optimum))
            #expect(problem.model.constraints.count == 3)
        }
    }

    @Test("a problem that escapes withProblem is closed: every method throws problemClosed")
    func closedProblem() throws {
        let e = ManualExample()
        let escaped = try GLPKProblem.withProblem(for: e.model) { problem in
            _ = try problem.solve()
            return problem
        }
        expectSolverError(.problemClosed) { try escaped.solve() }
        expectSolverError(.problemClosed) { try escaped.add(e.x1 <= 5) }
        expectSolverError(.problemClosed) { try escaped.setObjective(.minimize(LinearExpression(e.x1))) }
        expectSolverError(.problemClosed) { try escaped.setBounds(of: e.x1, lowerBound: 0, upperBound: 1) }
        expectSolverError(.problemClosed) { try escaped.setBounds(of: e.p, lowerBound: 0, upperBound: 1) }
        expectSolverError(.problemClosed) { try escaped.removeConstraints([e.p]) }
        expectSolverError(.problemClosed) { try escaped.boundRanging(of: .constraint(e.p)) }
        expectSolverError(.problemClosed) { try escaped.objectiveRanging(of: e.x1) }
        expectSolverError(.problemClosed) { try escaped.isBasic(.variable(e.x1)) }
        expectSolverError(.problemClosed) { try escaped.cplexLPText() }
        expectSolverError(.problemClosed) { try escaped.mpsText() }
        // The Swift mirror stays readable.
        #expect(escaped.model.variables.count == 3)
    }

    @Test("an escaped problem used from another thread throws too (wrongThread is checked first)")
    func closedOnOtherThread() throws {
        let escaped = Smuggled(try GLPKProblem.withProblem(for: ManualExample().model) { $0 })
        let code = Smuggled(NSMutableString(string: ""))
        onOtherThread {
            do {
                _ = try escaped.value.solve()
            } catch let error as SolverError {
                code.value.append(error.code.rawValue)
            } catch {
                code.value.append("\(error)")
            }
        }
        #expect(code.value as String == SolverError.Code.wrongThread.rawValue)
    }

    @Test("the body's own error passes through and the problem is still deleted")
    func bodyError() throws {
        struct Oops: Error {}
        var leaked: GLPKProblem?
        #expect(throws: Oops.self) {
            try GLPKProblem.withProblem(for: ManualExample().model) { problem in
                leaked = problem
                throw Oops()
            }
        }
        expectSolverError(.problemClosed) { try leaked?.solve() }
    }
}
