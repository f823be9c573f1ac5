import FairShareTestSupport
import Foundation
import Testing

/// One command line and what it must end with (docs/model.md §6).
struct ExitCase: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var status: Int32
    /// Whether standard output must stay empty (errors print only messages, on stderr).
    var quietStdout: Bool

    init(_ arguments: [String], _ status: Int32, quietStdout: Bool? = nil) {
        self.arguments = arguments
        self.status = status
        self.quietStdout = quietStdout ?? (status == 1 || status == 2)
    }

    var testDescription: String { "fairshare \(arguments.joined(separator: " ")) → \(status)" }
}

private let three = "Scenarios/three-towns.json"
private let drechtsteden = "Scenarios/drechtsteden.json"
private let infeasible = CLITestSupport.infeasible
private let bad = "Tests/FairshareCLITests/BadScenarios/unknown-field.json"

@Suite("Exit status and streams")
struct ExitStatusTests {
    static let cases: [ExitCase] = [
        // 0: optimal, or nothing to solve.
        ExitCase(["solve", three], 0),
        ExitCase(["solve", drechtsteden, "--variant", "max-norm", "--format", "json"], 0),
        ExitCase(["solve", drechtsteden, "--format", "csv", "--delimiter", ";", "--decimal-comma"], 0),
        ExitCase(["solve", drechtsteden, "--variant", "whole-homes", "--format", "markdown"], 0),
        ExitCase(["validate", drechtsteden], 0),
        ExitCase(["compare", three], 0),
        ExitCase(["compare", three, drechtsteden, "--format", "csv"], 0),
        ExitCase(["export", three, "--lp", "-"], 0),
        ExitCase(["schema"], 0),
        ExitCase(["--version"], 0),
        ExitCase(["--help"], 0),
        ExitCase([], 0),  // no subcommand: the help
        ExitCase(["help", "compare"], 0),
        // 1: usage errors.
        ExitCase(["solve"], 1),
        ExitCase(["frobnicate", three], 1),
        ExitCase(["solve", three, "--format", "pdf"], 1),
        ExitCase(["solve", three, "--colour"], 1),
        ExitCase(["solve", "Scenarios/no-such-file.json"], 1),
        ExitCase(["validate", "Scenarios/no-such-file.json"], 1),
        ExitCase(["solve", three, "--variant", "no-such-variant"], 1),
        ExitCase(["solve", three, "--delimiter", ";"], 1),  // CSV settings without --format csv
        ExitCase(["solve", three, "--format", "csv", "--delimiter", "ab"], 1),
        ExitCase(["solve", three, "--format", "csv", "--delimiter", "\""], 1),
        ExitCase(["solve", three, "--format", "csv", "--delimiter", ",", "--decimal-comma"], 1),
        ExitCase(["solve", three, "--output", "/no-such-directory/allocation.txt"], 1),
        ExitCase(["compare"], 1),
        ExitCase(["compare", three, drechtsteden, "--variants", "max-norm"], 1),
        ExitCase(["compare", three, "--variants", "no-such-variant"], 1),
        ExitCase(["compare", three, "--variants", ","], 1),
        ExitCase(["compare", CLITestSupport.awkwardNames], 1),  // a file without variants
        ExitCase(["export", three], 1),  // neither --lp nor --mps
        ExitCase(["export", three, "--lp", "-", "--mps", "-"], 1),
        ExitCase(["schema", "extra-argument"], 1),
        // 2: invalid scenarios.
        ExitCase(["solve", bad], 2),
        ExitCase(["solve", bad, "--format", "json"], 2),
        ExitCase(["validate", bad], 2),
        ExitCase(["compare", bad], 2),
        ExitCase(["compare", three, bad], 2),
        ExitCase(["export", bad, "--lp", "-"], 2),
        ExitCase(["validate", "Tests/FairshareCLITests/BadScenarios/bad-variant.json"], 2),
        ExitCase(["solve", "Tests/FairshareCLITests/BadScenarios/bad-variant.json", "--variant", "typo"], 2),
        // 3: no optimal solution; the result is still printed.
        ExitCase(["solve", infeasible], 3),
        ExitCase(["solve", infeasible, "--format", "json"], 3),
        ExitCase(["solve", infeasible, "--format", "csv"], 3),
        ExitCase(["solve", infeasible, "--format", "markdown"], 3),
        ExitCase(["compare", infeasible], 3),
        ExitCase(["compare", three, infeasible, "--format", "json"], 3),
        // The infeasible file's variant asks for what fits.
        ExitCase(["solve", infeasible, "--variant", "what-fits"], 0),
    ]

    @Test("every command ends with the exit status of docs/model.md §6, results on stdout only", arguments: cases)
    func exitStatus(_ example: ExitCase) throws {
        let output = try fairshare(example.arguments)
        #expect(output.status == example.status, "\(output)")
        #expect(output.isClean, "\(output)")
        if example.quietStdout {
            #expect(output.stdout.isEmpty, "\(output)")
            #expect(!output.stderr.isEmpty, "an error needs a message: \(output)")
        }
        if example.status == 0 && example.arguments.first == "solve" {
            // Nothing but the result's warnings (a regional total no requirement decides, …).
            let lines = output.stderr.split(separator: "\n")
            #expect(lines.allSatisfy { $0.hasPrefix("fairshare: warning: ") }, "\(output)")
        }
    }

    @Test("usage errors name the problem on stderr, with the usage line")
    func usageMessages() throws {
        let missing = try fairshare(["solve", "Scenarios/no-such-file.json"])
        #expect(missing.stderr == "fairshare: no such file: Scenarios/no-such-file.json\n")
        let variant = try fairshare(["solve", three, "--variant", "no-such-variant"])
        #expect(variant.stderr == "fairshare: \(three) has no variant \"no-such-variant\"; its variants: no-history\n")
        let format = try fairshare(["solve", three, "--format", "pdf"])
        #expect(format.stderr.contains("'pdf'"))
        #expect(format.stderr.contains("Usage: fairshare solve"))
        let delimiter = try fairshare(["solve", three, "--delimiter", ";"])
        #expect(delimiter.stderr.contains("--delimiter, --decimal-comma and --bom apply to --format csv only"))
    }

    @Test("no optimal solution: the status and the diagnosis on stderr, the result on stdout")
    func infeasibleScenario() throws {
        let table = try fairshare(["solve", infeasible])
        #expect(table.stdout.hasPrefix("Three towns, asked too much (base scenario): infeasible\n"))
        #expect(table.stderr.hasPrefix("fairshare: no optimal solution: infeasible\n"))
        #expect(table.stderr.contains("region.newHomes.min: 1200 → 1000 (-200)"))
        let json = try fairshare(["solve", infeasible, "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["status"] as? String == "infeasible")
        let csv = try fairshare(["solve", infeasible, "--format", "csv"])
        #expect(
            csv.stdout == "municipality,name,kind,item,label,value,fairShare,deviation,stockShareBefore,"
                + "stockShareAfter,min,max\r\n")
    }

    @Test("--output writes the file and leaves stdout empty")
    func outputFile() throws {
        let directory = try temporaryDirectory("fairshare-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("result.json").path
        let output = try fairshare(["solve", three, "--format", "json", "--output", path])
        #expect(output.status == 0)
        #expect(output.stdout.isEmpty && output.stderr.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == (try CLITestSupport.libraryResult(three)).jsonText)
    }
}
