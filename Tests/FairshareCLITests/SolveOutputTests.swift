import FairShareEngine
import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// A scenario file and, optionally, one of its variants.
struct ScenarioRun: CustomTestStringConvertible, Sendable {
    var path: String
    var variant: String?

    var arguments: [String] { [path] + (variant.map { ["--variant", $0] } ?? []) }
    var testDescription: String { path + (variant.map { " --variant \($0)" } ?? "") }

    /// Every scenario file in `Scenarios/` with each of its variants.
    static let all: [ScenarioRun] = CLITestSupport.scenarioFiles.flatMap { path -> [ScenarioRun] in
        let url = Repository.root.appendingPathComponent(path)
        let variants = (try? ScenarioLoader().load(contentsOf: url))?.variants.map(\.id) ?? []
        return [ScenarioRun(path: path)] + variants.map { ScenarioRun(path: path, variant: $0) }
    }
}

/// The variants the comparison golden files show (named, so that a new variant in the file does not change them).
private let variants = "population-and-social-stock,affordable-soft,max-norm,converge-to-30,whole-homes"

@Suite("solve: json matches the library, table and markdown match the golden files")
struct SolveOutputTests {
    @Test("the scenario files are there")
    func scenariosFound() {
        #expect(CLITestSupport.scenarioFiles.contains("Scenarios/drechtsteden.json"))
        #expect(CLITestSupport.scenarioFiles.contains("Scenarios/three-towns.json"))
        #expect(ScenarioRun.all.count >= 9)
    }

    @Test("--format json prints exactly the library's fairshare-result/1 document", arguments: ScenarioRun.all)
    func jsonMatchesLibrary(_ run: ScenarioRun) throws {
        let output = try fairshare(["solve"] + run.arguments + ["--format", "json"])
        let library = try CLITestSupport.libraryResult(run.path, variant: run.variant)
        #expect(output.status == 0, "\(output)")
        // Standard error holds the result's warnings and nothing else.
        #expect(output.stderr == CLITestSupport.warningLines(library))
        // It parses as JSON (with Foundation's parser, independent of fairshare's) …
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "fairshare-result/1")
        #expect(document["status"] as? String == "optimal")
        #expect((document["variant"] as? String) == run.variant)
        // … and is, byte for byte, what the library gives for the same file.
        #expect(output.stdout == library.jsonText)
    }

    @Test(
        "table and markdown output is stable",
        arguments: [
            ("solve-three-towns.table.txt", ["solve", "Scenarios/three-towns.json"]),
            ("solve-drechtsteden.table.txt", ["solve", "Scenarios/drechtsteden.json"]),
            ("solve-drechtsteden.markdown.txt", ["solve", "Scenarios/drechtsteden.json", "--format", "markdown"]),
            (
                "solve-drechtsteden-max-norm.table.txt",
                [
                    "solve", "Scenarios/drechtsteden.json", "--variant",
                    "max-norm",
                ]
            ),
            ("compare-drechtsteden.table.txt", ["compare", "Scenarios/drechtsteden.json", "--variants", variants]),
            (
                "compare-drechtsteden.markdown.txt",
                [
                    "compare", "Scenarios/drechtsteden.json", "--variants", variants,
                    "--format", "markdown",
                ]
            ),
            (
                "compare-three-towns-files.table.txt",
                [
                    "compare", "Scenarios/three-towns.json",
                    CLITestSupport.infeasible,
                ]
            ),
        ])
    func golden(_ name: String, _ arguments: [String]) throws {
        let output = try fairshare(arguments)
        #expect(output.isClean, "\(output)")
        try Golden.check(output.stdout, against: name)
    }
}

/// Golden files: expected output kept in `Golden/`. Run the tests with `FAIRSHARE_UPDATE_GOLDEN=1` to write them
/// anew, then read every changed file before committing it.
enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["FAIRSHARE_UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let url = CLITestSupport.golden.appendingPathComponent(name)
        if updating {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file \(name); run the tests with FAIRSHARE_UPDATE_GOLDEN=1 to write it",
                sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let shown = { (lines: [Substring]) in line < lines.count ? String(lines[line]) : "(end of output)" }
        Issue.record(
            """
            output differs from Golden/\(name) at line \(line + 1):
              expected: \(shown(expectedLines))
              actual:   \(shown(actualLines))
            Run the tests with FAIRSHARE_UPDATE_GOLDEN=1 to accept the new output (then read the diff).
            """, sourceLocation: sourceLocation)
    }
}

/// The table is determined by the question, not by the solver's path (docs/model.md §8).
@Suite("The same table whatever the solver")
struct SolverIndependenceTests {
    /// A copy of the Drechtsteden scenario that asks for GLPK's interior-point method prints the same table.
    @Test("interior-point method: the same Drechtsteden table")
    func interiorMethod() throws {
        let directory = try temporaryDirectory("fairshare-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = Repository.root.appendingPathComponent("Scenarios/drechtsteden.json")
        // A text edit keeps the file's order of segments and municipalities (the order of the table's columns).
        let text = try String(contentsOf: original, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"method\": \"simplex\"", with: "\"method\": \"interior\"")
        try #require(edited != text, "the scenario no longer says \"method\": \"simplex\"")
        let copy = directory.appendingPathComponent("drechtsteden-interior.json")
        try Data(edited.utf8).write(to: copy)
        let simplex = try fairshare(["solve", "Scenarios/drechtsteden.json"])
        let interior = try fairshare(["solve", copy.path])
        #expect(simplex.status == 0 && interior.status == 0)
        #expect(!simplex.stdout.isEmpty)
        #expect(simplex.stdout == interior.stdout)
    }
}
