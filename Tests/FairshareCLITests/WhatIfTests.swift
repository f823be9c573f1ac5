import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// What-ifs from the command line (issue 15, part 7): `--set`, `--time-limit`, `-` for standard input, the
/// allocation per municipality in a sweep, and shell completion of variant names.
@Suite("What-ifs from the command line")
struct WhatIfTests {
    static let three = "Scenarios/three-towns.json"

    /// A JSON number's value, `nil` for anything else.
    static func number(_ value: JSONValue?) -> Double? {
        if case .number(let number)? = value { return number }
        return nil
    }

    /// The allocation part of a `solve --format json` result: the municipalities' figures.
    static func municipalities(_ json: String) throws -> JSONValue? {
        try JSONParser().parse(json).value(at: "municipalities")
    }

    @Test("solve --set gives the result of the file edited by hand, and the result says what was set")
    func set() throws {
        let directory = try temporaryDirectory("fairshare-whatif")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: Repository.scenario("three-towns.json"), encoding: .utf8)
        let edited = directory.appendingPathComponent("edited.json")
        try text.replacingOccurrences(of: #""minShare": 0.30"#, with: #""minShare": 0.5"#)
            .write(to: edited, atomically: true, encoding: .utf8)
        let byHand = try fairshare(["solve", edited.path, "--format", "json"])
        let set = try fairshare(
            ["solve", Self.three, "--set", "region.targets.social-30.minShare=0.5", "--format", "json"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try Self.municipalities(set.stdout) == (try Self.municipalities(byHand.stdout)))
        #expect(
            try JSONParser().parse(set.stdout).value(at: "variant")
                == .string("region.targets.social-30.minShare=0.5"))
        // A word is text: fairness.norm=max; several --set apply in order, after --variant.
        let both = try fairshare([
            "solve", Self.three, "--variant", "no-history", "--set", "fairness.norm=max", "--time-limit", "5",
            "--format", "json",
        ])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(
            try JSONParser().parse(both.stdout).value(at: "variant")
                == .string("no-history, fairness.norm=max, --time-limit 5"))
    }

    @Test("a --set that makes the scenario invalid exits 2 with the problem; a malformed one, or --time-limit 0, 1")
    func setErrors() throws {
        let invalid = try fairshare(["solve", Self.three, "--set", "region.targets.social-30.minShare=4"])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("with region.targets.social-30.minShare=4"))
        #expect(invalid.stderr.contains("region.targets.social-30.minShare: is 4; a share must be between 0 and 1"))
        let typo = try fairshare(["solve", Self.three, "--set", "region.target.social-30.minShare=0.4"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("region.target: unknown field"), "\(typo.stderr)")
        #expect(try fairshare(["solve", Self.three, "--set", "no equals sign"]).status == 1)
        #expect(try fairshare(["solve", Self.three, "--time-limit", "0"]).status == 1)
    }

    @Test("- reads the scenario from standard input: the same result as the file")
    func standardInput() throws {
        let executable = try builtFairshare()
        let piped = try run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "'\(executable.path)' solve - --format json < \(Self.three)"])
        let file = try fairshare(["solve", Self.three, "--format", "json"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == file.stdout)
        let garbage = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo '{' | '\(executable.path)' validate -"])
        #expect(garbage.status == 2)
        #expect(garbage.stderr.hasPrefix("standard input: "), "\(garbage.stderr)")
    }

    /// Scenarios/README.md works the three towns out by hand at the file's minShare 0.30: A builds 320 social and
    /// 80 market homes, B 0 and 300, C 90 and 210; statushouders 31.5, 19.5 and 9.
    @Test("sweep writes each municipality's allocation at every value, in JSON and CSV")
    func sweepAllocation() throws {
        let arguments = ["sweep", Self.three, "--set", "region.targets.social-30.minShare=0.3:0.4:2"]
        let json = try fairshare(arguments + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try JSONParser().parse(json.stdout)
        let first = JSONPath(members: ["points"]) + .index(0) + "municipalities"
        for (id, social, market, placed) in [("A", 320.0, 80.0, 31.5), ("B", 0, 300, 19.5), ("C", 90, 210, 9)] {
            let here = first + id
            #expect(
                isClose(Self.number(document.value(at: here + "newHomes" + "social-rent")), social, tolerance: 1e-3))
            #expect(isClose(Self.number(document.value(at: here + "newHomes" + "market")), market, tolerance: 1e-3))
            #expect(isClose(Self.number(document.value(at: here + "total")), social + market, tolerance: 1e-3))
            #expect(
                isClose(Self.number(document.value(at: here + "placements" + "statushouders")), placed, tolerance: 1e-3)
            )
        }
        let csv = try fairshare(arguments + ["--format", "csv"])
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 3)
        #expect(
            lines[0].hasSuffix(
                "A social-rent,A market,A total,A statushouders,B social-rent,B market,B total,"
                    + "B statushouders,C social-rent,C market,C total,C statushouders"))
        #expect(lines[1].hasSuffix(",320,80,400,31.5,0,300,300,19.5,90,210,300,9"), "\(lines[1])")
    }

    @Test("shell completion: scenario files by extension, and the variants of the file on the command line")
    func completion() throws {
        let script = try fairshare(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        #expect(script.stdout.contains("yaml"))
        let variants = try fairshare([
            "---completion", "solve", "--", "--variant", "4", "0", "fairshare", "solve", Self.three, "--variant", "",
        ])
        #expect(variants.stdout.split(separator: "\n") == ["no-history"])
        let none = try fairshare([
            "---completion", "solve", "--", "--variant", "3", "0", "fairshare", "solve", "--variant", "",
        ])
        #expect(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(none.stdout)")
    }
}
