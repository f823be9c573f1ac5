import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// GLPK's stand-alone solver, if installed.
let glpsolProgram: URL? = installedProgram("glpsol")

@Suite("export: the first level's programme, read by glpsol")
struct ExportTests {
    static let runs = [
        ScenarioRun(path: "Scenarios/three-towns.json"),
        ScenarioRun(path: "Scenarios/drechtsteden.json"),
        ScenarioRun(path: "Scenarios/drechtsteden.json", variant: "max-norm"),  // fairness = worst deviation
        ScenarioRun(path: "Scenarios/drechtsteden.json", variant: "affordable-soft"),  // first level: shortfall
        ScenarioRun(path: "Scenarios/drechtsteden.json", variant: "converge-to-30"),
    ]

    @Test(
        "glpsol reads the LP and MPS files and finds the first-level optimum that solve reports",
        .enabled(if: glpsolProgram != nil), arguments: runs, ["lp", "mps"])
    func glpsolAgrees(_ scenario: ScenarioRun, _ format: String) throws {
        let directory = try temporaryDirectory("fairshare-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("first-level.\(format)")
        let export = try fairshare(["export"] + scenario.arguments + ["--\(format)", model.path])
        #expect(export.status == 0, "\(export)")
        #expect(export.stdout.isEmpty)

        // The level `solve` reports first, and its optimum, from the command's own JSON output.
        let solve = try fairshare(["solve"] + scenario.arguments + ["--format", "json"])
        let document = try JSONParser().parse(solve.stdout)
        let objective = try #require(document.object?["objective"]?.object)
        let (level, optimum) = try #require(objective.members.first)
        guard case .number(let expected) = optimum else {
            Issue.record("objective.\(level) is not a number")
            return
        }
        #expect(export.stderr.contains("wrote the \(level) level of"), "\(export)")

        let report = directory.appendingPathComponent("solution.txt")
        let glpsol = try run(
            try #require(glpsolProgram),
            [format == "lp" ? "--lp" : "--freemps", model.path, "-o", report.path])
        #expect(glpsol.status == 0, "\(glpsol)")
        let (status, value) = glpsolReport(try String(contentsOf: report, encoding: .utf8))
        #expect(status == "OPTIMAL")
        let found = try #require(value)
        // docs/model.md §5: implementations agree within 1e-4 relative; glpsol's report rounds to about 7 digits.
        #expect(abs(found - expected) <= 1e-4 * max(1, abs(expected)), "glpsol \(found), solve \(expected)")
    }

    @Test("the files carry readable names and a legend")
    func readableNames() throws {
        let lp = try fairshare(["export", "Scenarios/drechtsteden.json", "--lp", "-"])
        #expect(lp.status == 0)
        #expect(lp.stderr.isEmpty)  // writing to stdout: no message
        #expect(
            lp.stdout.hasPrefix(
                "\\ fairshare: the first lexicographic level (fairness, minimised) of the "
                    + "scenario\n"))
        #expect(lp.stdout.contains("x(GM0505,social~rent)"))
        #expect(lp.stdout.contains("y(GM0505,statushouders)"))
        #expect(lp.stdout.contains("R2.min(social~30)"))
        let mps = try fairshare(["export", "Scenarios/drechtsteden.json", "--mps", "-"])
        #expect(mps.stdout.hasPrefix("* fairshare: the first lexicographic level"))
        #expect(mps.stdout.contains("x[GM0505,social-rent]"))
        #expect(mps.stdout.contains("z[GM0505,zero-step]"))
    }

    @Test("the library's first level is the one solve reports first")
    func firstLevel() throws {
        let url = Repository.root.appendingPathComponent("Scenarios/drechtsteden.json")
        let base = try ScenarioLoader().load(contentsOf: url)
        #expect(FairShare.firstLevel(of: base).level == .fairness)
        let soft = try ScenarioLoader().applying(variant: "affordable-soft", to: base)
        #expect(FairShare.firstLevel(of: soft).level == .shortfall)
        #expect(FairShare.solve(soft).objective.first?.level == .shortfall)
    }
}
