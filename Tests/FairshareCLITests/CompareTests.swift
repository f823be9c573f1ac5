import FairShareEngine
import FairShareReport
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

@Suite("compare: base and variants, or several files, side by side")
struct CompareTests {
    @Test("--format json holds each run's result, as the library gives it, and its change against the base")
    func json() throws {
        let path = "Scenarios/drechtsteden.json"
        let output = try fairshare(["compare", path, "--format", "json"])
        #expect(output.status == 0, "\(output)")
        #expect(output.stderr.isEmpty)  // no progress: stderr is not a terminal here
        let document = try JSONParser().parse(output.stdout)
        let top = try #require(document.object)
        #expect(top["format"] == .string("fairshare-comparison/1"))
        #expect(top["base"] == .string("base"))
        guard case .array(let runs)? = top["runs"] else {
            Issue.record("runs is not an array")
            return
        }
        let scenario = try ScenarioLoader().load(contentsOf: Repository.root.appendingPathComponent(path))
        #expect(runs.compactMap { $0.object?["name"] } == [.string("base")] + scenario.variants.map { .string($0.id) })
        let base = try CLITestSupport.libraryResult(path)
        for run in runs {
            let object = try #require(run.object)
            guard case .string(let name)? = object["name"] else { continue }
            let variant = name == "base" ? nil : name
            let library = try CLITestSupport.libraryResult(path, variant: variant)
            #expect(JSONWriter.text(try #require(object["result"])) == library.jsonText, "\(name)")
            if variant == nil {
                #expect(object["change"] == .null)
                continue
            }
            // Dordrecht's social rent: the change is the variant's figure minus the base's.
            let change = object["change"]?.object?["municipalities"]?.object?["GM0505"]?.object?["newHomes"]?
                .object?["social-rent"]
            let expected =
                (library.municipalities.first { $0.id == "GM0505" }?.newHomes["social-rent"] ?? 0)
                - (base.municipalities.first { $0.id == "GM0505" }?.newHomes["social-rent"] ?? 0)
            guard case .number(let value)? = change else {
                Issue.record("no change for GM0505 social-rent in \(name)")
                continue
            }
            #expect(abs(value - expected) <= 1e-6, "\(name)")
        }
    }

    /// `jsonText` writes the document one run at a time; the whole tree written by `JSONWriter` is the reference.
    @Test("the comparison's JSON text, made run by run, is its JSON tree written whole")
    func jsonTextRunByRun() throws {
        let loader = ScenarioLoader()
        let drechtsteden = try loader.load(contentsOf: Repository.scenario("drechtsteden.json"))
        var runs = [ComparisonRun(name: "base", scenario: drechtsteden, result: FairShare.solve(drechtsteden))]
        for variant in drechtsteden.variants.prefix(3) {
            let scenario = try loader.applying(variant: variant.id, to: drechtsteden)
            runs.append(
                ComparisonRun(
                    name: variant.id, description: variant.description, scenario: scenario,
                    result: FairShare.solve(scenario)))
        }
        // A run without an allocation, from another region: other municipalities and items.
        let infeasible = try loader.load(
            contentsOf: Repository.root.appendingPathComponent("Tests/FairshareCLITests/Scenarios/infeasible.json"))
        runs.append(ComparisonRun(name: "infeasible", scenario: infeasible, result: FairShare.solve(infeasible)))
        #expect(runs.last?.result.hasAllocation == false)
        for comparison in [
            Comparison(title: "Drechtsteden \"and\" more", runs: runs), Comparison(title: "one", runs: [runs[0]]),
            Comparison(title: "none", runs: []),
        ] {
            let text = comparison.jsonText
            #expect(text == JSONWriter.text(comparison.json), "\(comparison.title)")
            #expect(try JSONParser().parse(text) == comparison.json, "\(comparison.title)")
        }
    }

    @Test("--variants picks variants, in the order given")
    func someVariants() throws {
        let output = try fairshare([
            "compare", "Scenarios/drechtsteden.json", "--variants", "whole-homes, max-norm",
            "--format", "json",
        ])
        #expect(output.status == 0, "\(output)")
        let runs = try JSONParser().parse(output.stdout).object?["runs"]
        guard case .array(let list)? = runs else {
            Issue.record("no runs")
            return
        }
        #expect(
            list.compactMap { $0.object?["name"] } == [
                .string("base"), .string("whole-homes"),
                .string("max-norm"),
            ])
    }

    @Test("several files: each file's base, named by file; a run without a solution is shown, exit 3")
    func files() throws {
        let output = try fairshare(["compare", "Scenarios/three-towns.json", CLITestSupport.infeasible])
        #expect(output.status == 3)
        #expect(output.stdout.hasPrefix("2 scenario files compared\n"))
        #expect(output.stdout.contains("three-towns  Scenarios/three-towns.json as written"))
        #expect(output.stdout.contains("infeasible   infeasible  sum           —"))
        #expect(output.stderr.hasPrefix("fairshare: no optimal solution (infeasible): infeasible\n"))
    }

    @Test("runs from files with the same name are named by their path")
    func sameNames() throws {
        let directory = try temporaryDirectory("fairshare-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("three-towns.json")
        try FileManager.default.copyItem(
            at: Repository.root.appendingPathComponent(
                "Scenarios/three-towns.json"), to: copy)
        let output = try fairshare(["compare", "Scenarios/three-towns.json", copy.path, "--format", "csv"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("\r\nScenarios/three-towns.json,optimal,A,Aldorp,newHomes,social-rent,"))
        #expect(output.stdout.contains("\r\n\(copy.path),optimal,A,Aldorp,newHomes,social-rent,Social rent,320,320,0"))
    }

    @Test("progress appears on stderr when it is a terminal, and only there", .enabled(if: scriptProgram != nil))
    func progressOnTerminal() throws {
        let executable = try #require(fairshareExecutable)
        let directory = try temporaryDirectory("fairshare-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        // script(1) runs the command with a pseudo-terminal for its streams; stdout goes to a file.
        let result = directory.appendingPathComponent("comparison.txt").path
        let command = "'\(executable.path)' compare Scenarios/drechtsteden.json > '\(result)'"
        let typescript = directory.appendingPathComponent("typescript").path
        let output = try run(try #require(scriptProgram), ["-q", "-e", "-c", command, typescript])
        #expect(output.status == 0, "\(output)")
        let scenario = try ScenarioLoader().load(
            contentsOf: Repository.root.appendingPathComponent(
                "Scenarios/drechtsteden.json"))
        let runs = scenario.variants.count + 1
        #expect(output.stdout.contains("fairshare: solving 1 of \(runs): base"))
        #expect(output.stdout.contains("fairshare: solving \(runs) of \(runs): \(scenario.variants.last?.id ?? "")"))
        #expect(output.stdout.hasSuffix("\r\u{1B}[K"))  // the display is cleared at the end
        #expect(try String(contentsOfFile: result, encoding: .utf8).hasPrefix("Drechtsteden 2025-2030: the base"))
    }
}

/// util-linux `script`, which can run a command on a pseudo-terminal.
let scriptProgram: URL? = installedProgram("script")
