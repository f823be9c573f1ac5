import Foundation
import GLPKSolver
import LinearModel
import Testing

@Suite struct LogTests {
    @Test("captureLog collects GLPK's simplex output")
    func simplexLog() throws {
        let solution = try Solver.solve(ManualExample().model, options: .init(captureLog: true))
        let log = try #require(solution.log)
        #expect(!log.isEmpty)
        #expect(log.contains("GLPK Simplex Optimizer"))
        #expect(log.contains("OPTIMAL LP SOLUTION FOUND"))
        #expect(log.contains("obj ="))
    }

    @Test("captureLog collects GLPK's branch-and-cut output for a MIP")
    func mipLog() throws {
        let solution = try Solver.solve(Knapsack().model, options: .init(captureLog: true))
        let log = try #require(solution.log)
        #expect(log.contains("Integer optimization begins"))
        #expect(log.contains("INTEGER OPTIMAL SOLUTION FOUND"))
    }

    @Test("captureLog collects the interior-point output")
    func interiorLog() throws {
        let solution = try Solver.solve(ManualExample().model, options: .init(method: .interiorPoint, captureLog: true))
        #expect(solution.log?.contains("OPTIMAL SOLUTION FOUND") == true)
    }

    @Test("without captureLog there is no log")
    func noLog() throws {
        #expect(try Solver.solve(ManualExample().model).log == nil)
        #expect(try Solver.solve(Knapsack().model).log == nil)
    }

    /// The child half of ``silentStdout()``: runs only in the subprocess that test starts.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GLPKSOLVER_SILENCE_CHILD"] == "1"))
    func silenceChild() throws {
        // Everything that would make GLPK print: solves of every kind, a failed basis, exports.
        _ = try Solver.solve(ManualExample().model)
        _ = try Solver.solve(ManualExample().model, options: .init(method: .dualSimplex, presolve: true))
        _ = try Solver.solve(ManualExample().model, options: .init(method: .interiorPoint))
        _ = try Solver.solve(Knapsack().model)
        _ = try Solver.solve(Model(), options: .init(method: .interiorPoint))
        let e = ManualExample()
        try GLPKProblem.withProblem(for: e.model) { problem in
            _ = try problem.solve()
            try problem.removeConstraints([e.p])
            _ = try problem.solve()
            _ = try problem.cplexLPText()
            _ = try problem.mpsText()
        }
    }

    #if os(Linux)
        @Test(
            "by default GLPK writes nothing to stdout (checked in a subprocess)",
            .enabled(if: ProcessInfo.processInfo.environment["GLPKSOLVER_SILENCE_CHILD"] == nil))
        func silentStdout() throws {
            // Re-run this test binary with only silenceChild enabled. Swift Testing reports on stderr, so the child's
            // stdout must stay empty: anything there would come from GLPK.
            let path = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            let executable = URL(fileURLWithPath: path)
            let errors = FileManager.default.temporaryDirectory.appendingPathComponent("silence-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: errors) }
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--testing-library", "swift-testing", "--filter", "LogTests/silenceChild"]
            var environment = ProcessInfo.processInfo.environment
            environment["GLPKSOLVER_SILENCE_CHILD"] = "1"
            process.environment = environment
            let stdout = Pipe()
            process.standardOutput = stdout
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
            let data = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            let report = try String(contentsOf: errors, encoding: .utf8)
            #expect(process.terminationStatus == 0, "child report: \(report)")
            #expect(report.contains("silenceChild() passed"), "the child did not run the test: \(report)")
            #expect(text.isEmpty, "output on stdout: \(text)")
        }
    #endif
}
