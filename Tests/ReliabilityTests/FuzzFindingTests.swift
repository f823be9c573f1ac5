import FairShareEngine
import FairShareReport
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// Every input the fuzzer (Fuzz/) found crashing or lying, fixed: each file in `FuzzFindings/` goes through the
/// fuzz target's path — load, solve, result JSON read back, table and Markdown reports — in the library and in
/// the real `fairshare` process, without a crash.
@Suite("Fuzz findings")
struct FuzzFindingTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("FuzzFindings")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted()
    }

    @Test("library: load, solve, JSON, reports", arguments: files)
    func library(_ file: String) throws {
        let bytes = ProcessRun.read(Self.directory.appendingPathComponent(file).path)
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader().load(data: bytes)
        } catch {
            #expect(!error.issues.isEmpty)
            return
        }
        let limited = try scenario.edited { $0.solver.timeLimit = min($0.solver.timeLimit, 2) }
        let result = FairShare.solve(limited)
        #expect(
            result.failure?.description.contains("please report this as a bug") != true,
            "\(result.failure?.description ?? "")")
        #expect(throws: Never.self) { _ = try JSONParser().parse(result.jsonText) }
        let report = AllocationReport(result: result, scenario: limited)
        #expect(!report.text().isEmpty)
        #expect(!report.markdown().isEmpty)
    }

    @Test("fairshare solve: table, json and markdown without a crash", arguments: files)
    func cli(_ file: String) throws {
        let path = Self.directory.appendingPathComponent(file).path
        for format in ["table", "json", "markdown"] {
            let run = try ProcessRun.run(builtFairshare(), ["solve", path, "--format", format])
            #expect([0, 2, 3].contains(run.status), "\(format): \(run)")
        }
    }
}
