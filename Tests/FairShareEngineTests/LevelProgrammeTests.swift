import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import GLPKSolver
import Testing

/// `FairShare.levelProgramme(of:level:after:)`: the programme of a later level, as the solve meets it, for another
/// solver to check (the differential fuzz mode `exact` uses it; Fuzz/README.md).
@Suite("Level programmes for another solver")
struct LevelProgrammeTests {
    static let glpsol: URL? = installedProgram("glpsol")

    static func drechtsteden(_ variant: String?) throws -> Scenario {
        let loader = ScenarioLoader()
        let scenario = try loader.load(contentsOf: Repository.scenario("drechtsteden.json"))
        return try variant.map { try loader.applying(variant: $0, to: scenario) } ?? scenario
    }

    @Test(
        "norm max: glpsol --exact finds the tiebreak optimum of the programme after the fairness optimum",
        .enabled(if: glpsol != nil))
    func tiebreakThroughGlpsol() throws {
        let scenario = try Self.drechtsteden("max-norm")
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal)
        #expect(result.objective.map(\.level) == [.fairness, .tiebreak])
        let programme = try #require(
            FairShare.levelProgramme(of: scenario, level: 1, after: [result.objective[0].value]))
        #expect(programme.level == .tiebreak)
        let text = try GLPKProblem.withProblem(for: programme.model) { try $0.cplexLPText() }
        let directory = try temporaryDirectory("fairshare-level")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("tiebreak.lp")
        let report = directory.appendingPathComponent("tiebreak.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let output = try run(try #require(Self.glpsol), ["--exact", "--lp", file.path, "-o", report.path])
        #expect(output.status == 0, "\(output)")
        let (status, value) = glpsolReport(try String(contentsOf: report, encoding: .utf8))
        #expect(status == "OPTIMAL")
        let found = try #require(value)
        // glpsol's report rounds to about 10 significant digits.
        let expected = result.objective[1].value
        #expect(abs(found - expected) <= 1e-6 * max(1, abs(expected)), "glpsol \(found), solve \(expected)")
    }

    @Test("the first level needs no optima; the wrong number of optima, or leximin's fairness level, has none")
    func availability() throws {
        let scenario = try Self.drechtsteden(nil)
        let first = try #require(FairShare.levelProgramme(of: scenario, level: 0, after: []))
        #expect(first.level == FairShare.firstLevel(of: scenario).level)
        #expect(first.model.constraints.count == FairShare.firstLevel(of: scenario).model.constraints.count)
        #expect(FairShare.levelProgramme(of: scenario, level: 0, after: [1]) == nil)
        #expect(FairShare.levelProgramme(of: scenario, level: 1, after: []) == nil)
        #expect(FairShare.levelProgramme(of: scenario, level: 9, after: Array(repeating: 0, count: 9)) == nil)
        #expect(FairShare.levelProgramme(of: scenario, level: 1, after: [.nan]) == nil)
        let leximin = try scenario.edited { $0.fairness.norm = .leximin }
        #expect(FairShare.levelProgramme(of: leximin, level: 0, after: []) == nil)
    }
}
