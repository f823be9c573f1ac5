import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `explain`, `sweep`, `--plot` and the diagnosis of an infeasible scenario, through the built executable.
@Suite("explain, sweep, plots, diagnosis")
struct ExplainSweepPlotTests {
    @Test("explain lists Cewijk's binding priority cap at 1.8 per share point and every regional target")
    func explainThreeTowns() throws {
        let run = try fairshare(["explain", "Scenarios/three-towns.json"])
        #expect(run.status == 0, "\(run)")
        #expect(run.isClean)
        // Worked out in Scenarios/README.md: one more placement of room in Cewijk saves 2 of deviation; a share
        // point of its 90 lettable homes is 0.9 placements.
        #expect(run.stdout.contains("municipalities.C.maxPriorityShare"))
        #expect(run.stdout.contains("1.8 per share point"))
        #expect(run.stdout.contains("Raising social-30 from 30.0% to 31.0% costs nothing"))
        let json = try fairshare(["explain", "Scenarios/three-towns.json", "--format", "json"])
        let parsed = try JSONParser().parse(json.stdout)
        #expect(parsed.value(at: ["optimum"]) == .number(16))
    }

    @Test("explain of an infeasible scenario exits 3 with the diagnosis")
    func explainInfeasible() throws {
        let run = try fairshare(["explain", CLITestSupport.infeasible])
        #expect(run.status == 3, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("→"))
    }

    @Test("solve of an infeasible scenario names the requirement to relax, in JSON too")
    func diagnosis() throws {
        let run = try fairshare(["solve", CLITestSupport.infeasible, "--format", "json"])
        #expect(run.status == 3, "\(run)")
        let parsed = try JSONParser().parse(run.stdout)
        #expect(parsed.value(at: ["status"]) == .string("infeasible"))
        #expect(parsed.value(at: ["diagnosis", "verified"]) == .bool(true))
        guard case .string(let path)? = parsed.value(at: JSONPath("diagnosis.changes[0].path")) else {
            Issue.record("no change in \(run.stdout)")
            return
        }
        #expect(run.stderr.contains(path))
    }

    /// The sweep of Cewijk's priority share: fairness = 10 + 2 · max(0, 12 − 90 s) (Scenarios/README.md).
    @Test("sweep prints the optimum at each value; csv and json agree")
    func sweep() throws {
        let arguments = [
            "sweep", "Scenarios/three-towns.json", "--set", "municipalities.C.maxPriorityShare=0.1:0.14:5",
        ]
        let table = try fairshare(arguments)
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.contains("4 re-solved warm"))
        let csv = try fairshare(arguments + ["--format", "csv"])
        let rows = csv.stdout.split(separator: "\r\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first?.prefix(3) == ["municipalities.C.maxPriorityShare", "status", "fairness optimum"])
        let optima = rows.dropFirst().compactMap { Double($0[2]) }
        let expected = [16, 14.2, 12.4, 10.6, 10]
        #expect(optima.count == 5)
        for (got, want) in zip(optima, expected) { #expect(abs(got - want) < 1e-6) }
    }

    @Test("a bad --set is a usage error; a value that breaks the scenario is an invalid scenario")
    func sweepErrors() throws {
        #expect(try fairshare(["sweep", "Scenarios/three-towns.json", "--set", "nonsense"]).status == 1)
        #expect(try fairshare(["sweep", "Scenarios/three-towns.json", "--set", "region.newHomes=1:2:1"]).status == 1)
        let broken = try fairshare([
            "sweep", "Scenarios/three-towns.json", "--set",
            "region.targets.social-30.minShare=0.5:1.5:3",
        ])
        #expect(broken.status == 2, "\(broken)")
        #expect(broken.stderr.contains("region.targets.social-30.minShare = 1.5"))
    }

    @Test(
        "--plot writes well-formed SVG charts",
        arguments: [
            ["solve", "Scenarios/drechtsteden.json"],
            ["compare", "Scenarios/drechtsteden.json", "--variants", "max-norm,leximin"],
            ["sweep", "Scenarios/drechtsteden.json", "--set", "region.targets.social-30.minShare=0.3:0.5:5"],
        ])
    func plots(arguments: [String]) throws {
        let directory = try temporaryDirectory("fairshare-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("chart.svg")
        let run = try fairshare(arguments + ["--plot", file.path])
        #expect(run.status == 0, "\(run)")
        let data = try Data(contentsOf: file)
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "not well-formed XML")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<svg"))
        if arguments[0] == "solve" { #expect(text.contains("Hendrik-Ido-") && text.contains("fair share")) }
        if arguments[0] == "compare" { #expect(text.contains("Fairness profiles") && text.contains("leximin")) }
        // Free figures carry their range as a whisker (Hendrik-Ido-Ambacht's social rent: 875–1183).
        if arguments[0] != "sweep" {
            #expect(text.contains("<g class=\"ranges\">") && text.contains("range of the equally good allocations"))
        }
        if arguments[0] == "solve" { #expect(text.contains("Hendrik-Ido-Ambacht — allocated: 1067.48 (range 875.")) }
        // The swept number in words, not as a JSON path.
        if arguments[0] == "sweep" {
            #expect(text.contains("Regional targets as the minimum share of target social-30"))
        }
    }
}
