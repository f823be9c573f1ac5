import FairShareTestSupport
import Foundation
import LinearModel
import Testing

@testable import GLPKSolver

/// `glpsol` on PATH, if any.
let glpsolURL: URL? = installedProgram("glpsol")

/// Writes `text` to a temporary file, runs `glpsol <format> FILE -o OUT` and returns the status and objective
/// lines' values from OUT.
func runGlpsol(_ text: String, format: String, extra: [String] = []) throws -> (status: String, objective: Double?) {
    let directory = FileManager.default.temporaryDirectory
    let input = directory.appendingPathComponent("glpsol-in-\(UUID().uuidString)")
    let output = directory.appendingPathComponent("glpsol-out-\(UUID().uuidString)")
    defer {
        try? FileManager.default.removeItem(at: input)
        try? FileManager.default.removeItem(at: output)
    }
    try text.write(to: input, atomically: true, encoding: .utf8)
    guard let glpsol = glpsolURL else { throw CocoaError(.fileNoSuchFile) }
    let ran = try run(glpsol, [format, input.path, "-o", output.path] + extra)
    #expect(ran.status == 0, "\(ran)")
    return glpsolReport(try String(contentsOf: output, encoding: .utf8))
}

@Suite struct ExportTests {
    /// The manual's example with names GLPK has to adjust for the LP format.
    func namedExample() -> (Model, [Variable]) {
        var model = Model(name: "export-example")
        let x1 = model.addVariable("x[GM0505,social-rent]")
        let x2 = model.addVariable("x[GM0363,owner]")
        let x3 = model.addVariable("x3")
        model.add(x1 + x2 + x3 <= 100, name: "homes[total]")
        model.add(10 * x1 + 4 * x2 + 5 * x3 <= 600, name: "budget-2025")
        model.add(2 * x1 + 2 * x2 + 6 * x3 <= 300, name: "r")
        model.maximize(10 * x1 + 6 * x2 + 4 * x3)
        return (model, [x1, x2, x3])
    }

    @Test("CPLEX LP text carries the readable names, adjusted by GLPK ([ → (, - → ~)")
    func lpNames() throws {
        let (model, _) = namedExample()
        let text = try GLPKProblem.withProblem(for: model) { try $0.cplexLPText() }
        #expect(text.contains("x(GM0505,social~rent)"))
        #expect(text.contains("x(GM0363,owner)"))
        #expect(text.contains("homes(total)"))
        #expect(text.contains("budget~2025"))
        #expect(text.contains("Maximize"))
        #expect(!text.contains("Writing"))  // GLPK's message went to the hook, not into the file
    }

    @Test("glpsol solves the exported LP to the hand-computed optimum 2200/3", .enabled(if: glpsolURL != nil))
    func lpThroughGlpsol() throws {
        let (model, _) = namedExample()
        let text = try GLPKProblem.withProblem(for: model) { try $0.cplexLPText() }
        let result = try runGlpsol(text, format: "--lp")
        #expect(result.status == "OPTIMAL")
        // glpsol prints the objective with 10 significant digits: 733.3333333.
        #expect(isClose(result.objective, ManualExample.optimum, tolerance: 1e-8))
    }

    @Test("glpsol solves the exported free MPS to the same optimum", .enabled(if: glpsolURL != nil))
    func mpsThroughGlpsol() throws {
        let (model, _) = namedExample()
        let text = try GLPKProblem.withProblem(for: model) { try $0.mpsText() }
        #expect(text.contains("x[GM0505,social-rent]"))  // free MPS keeps the names as they are
        // GLPK's MPS carries no objective sense (readers assume minimisation), so say --max.
        let result = try runGlpsol(text, format: "--freemps", extra: ["--max"])
        #expect(result.status == "OPTIMAL")
        #expect(isClose(result.objective, ManualExample.optimum, tolerance: 1e-8))
    }

    @Test("exports reflect changes, and a MIP exports its integer variables", .enabled(if: glpsolURL != nil))
    func exportAfterChanges() throws {
        let knapsack = Knapsack()
        let (lp, mps) = try GLPKProblem.withProblem(for: knapsack.model) { problem in
            // Capacity 10 → 9: pairs that fit are a+c (7, 17), a+d (9, 18), b+c (9, 20), c+d (8, 15);
            // a+b now weighs 10 > 9. Triples still do not fit. Optimum b + c = 20.
            try problem.setBounds(of: knapsack.capacity, lowerBound: -.infinity, upperBound: 9)
            return (try problem.cplexLPText(), try problem.mpsText())
        }
        let fromLP = try runGlpsol(lp, format: "--lp")
        #expect(fromLP.status == "INTEGER OPTIMAL")
        #expect(isClose(fromLP.objective, 20))
        let fromMPS = try runGlpsol(mps, format: "--freemps", extra: ["--max"])
        #expect(isClose(fromMPS.objective, 20))
        #expect(isClose(try Solver.solve(knapsack.model).objectiveValue, 23))  // the original model is untouched
    }
}

/// GLPK opens export files by name and follows links there; fairshare gives it a place no one else can enter
/// (issue 16, safe output: `export` used a predictable file in `$TMPDIR`, opened without `O_EXCL`).
@Suite("Exports write through a private temporary directory")
struct PrivateExportDirectoryTests {
    @Test("mkdtemp: a new directory each time, in the temporary directory, mode 0700")
    func privateDirectory() throws {
        let first = try PrivateDirectory.make()
        let second = try PrivateDirectory.make()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(first != second)
        for directory in [first, second] {
            #expect(
                directory.deletingLastPathComponent().standardizedFileURL.path
                    == FileManager.default.temporaryDirectory.standardizedFileURL.path)
            #expect(directory.lastPathComponent.hasPrefix("fairshare-glpk-"))
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.path)
            #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        }
    }

    @Test("an export leaves nothing behind in the temporary directory")
    func nothingLeft() throws {
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))
        let (model, _) = ExportTests().namedExample()
        _ = try GLPKProblem.withProblem(for: model) { try $0.cplexLPText() + $0.mpsText() }
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))
        #expect(after.subtracting(before).filter { $0.hasPrefix("fairshare-glpk-") }.isEmpty)
    }
}
