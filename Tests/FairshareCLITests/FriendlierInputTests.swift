import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// Issue 15's silent mistakes, as the analyst meets them (the CLI as a process): a Dutch thousands separator, a
/// missing stock entry, a decimal comma, a comment, a file saved as UTF-16; and scenarios in YAML.
@Suite("Friendlier input: plausibility warnings, parse hints, YAML")
struct FriendlierInputTests {
    static let towns = "Tests/FairshareCLITests/Scenarios/plausible-towns.json"

    /// plausible-towns.json with `change` applied to its text, written to a temporary file.
    static func variantFile(_ name: String, _ change: (String) -> String) throws -> (URL, URL) {
        let directory = try temporaryDirectory("fairshare-input")
        let text = try String(contentsOf: Repository.root.appendingPathComponent(towns), encoding: .utf8)
        let file = directory.appendingPathComponent(name)
        try change(text).write(to: file, atomically: true, encoding: .utf8)
        return (directory, file)
    }

    /// Aldorp's `"population": 60000` written `60.000`: JSON reads 60, below its 27,000 households.
    @Test("127.000: validate warns and still says valid; --strict exits 2; solve's JSON carries the warning")
    func dutchThousands() throws {
        let (directory, file) = try Self.variantFile("thousands.json") {
            $0.replacingOccurrences(of: #""population": 60000"#, with: #""population": 60.000"#)
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let warning =
            "fairshare: warning: municipalities.A.population: is 60, below its 27,000 households; a Dutch "
            + "thousands separator? 60.000 means 60,000 in Dutch, but JSON reads it as 60: write 60000\n"
        let validate = try fairshare(["validate", file.path])
        #expect(validate.status == 0, "\(validate)")
        #expect(validate.stdout.hasPrefix("valid: Plausible towns"))
        #expect(validate.stderr == warning)
        let strict = try fairshare(["validate", file.path, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.contains("1 implausible figure (--strict)"), "\(strict.stderr)")
        #expect(strict.stderr.contains("municipalities.A.population: is 60, below its 27,000 households"))
        let solveStrict = try fairshare(["solve", file.path, "--strict"])
        #expect(solveStrict.status == 2)
        #expect(solveStrict.stdout.isEmpty)
        let solve = try fairshare(["solve", file.path, "--format", "json"])
        #expect(solve.status == 0, "\(solve.stderr)")
        #expect(solve.stderr.hasPrefix(warning), "\(solve.stderr)")
        let result = try JSONParser().parse(solve.stdout)
        #expect(result.value(at: "warnings[0].kind") == .string("population-below-households"))
        #expect(result.value(at: "warnings[0].path") == .string("municipalities.A.population"))
    }

    @Test("a missing stock entry: validate warns that absent counts as 0")
    func missingStock() throws {
        let (directory, file) = try Self.variantFile("missing.json") {
            $0.replacingOccurrences(
                of: #""stock": {"social-rent": 2000, "market": 9000}"#, with: #""stock": {"market": 9000}"#)
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let validate = try fairshare(["validate", file.path])
        #expect(validate.status == 0)
        #expect(
            validate.stderr
                == "fairshare: warning: municipalities.B.stock: gives no social-rent homes, which 2 of the 3 "
                + "municipalities give; absent counts as 0 homes: write \"social-rent\": 0 if it has none\n")
    }

    @Test(
        "a decimal comma, a comment and UTF-16 each get their hint, with line and column",
        arguments: [
            ("decimal.json", "0.3}}", "0,3}}", "line 7, column 109: a decimal comma in 0,3? JSON writes decimals"),
            ("comment.json", #""sources""#, "// where from\n  \"sources\"", "line 5, column 3: expected a member name"),
        ])
    func hints(_ name: String, _ original: String, _ replacement: String, _ expected: String) throws {
        let (directory, file) = try Self.variantFile(name) { $0.replacingOccurrences(of: original, with: replacement) }
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try fairshare(["validate", file.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains(expected), "\(output.stderr)")
        if name == "comment.json" {
            #expect(output.stderr.contains("JSON has no comments: write the scenario in YAML"))
        }
    }

    @Test("a file saved as UTF-16: save it as UTF-8")
    func utf16() throws {
        let directory = try temporaryDirectory("fairshare-input")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: Repository.root.appendingPathComponent(Self.towns), encoding: .utf8)
        let file = directory.appendingPathComponent("utf16.json")
        try #require(text.data(using: .utf16)).write(to: file)  // with a byte order mark
        let output = try fairshare(["validate", file.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("line 1, column 1: the file is UTF-16"), "\(output.stderr)")
        #expect(output.stderr.contains("save it as UTF-8"))
    }

    @Test("solve on Scenarios/three-towns.yaml gives the same result, byte for byte, as on its JSON twin")
    func yaml() throws {
        let json = try fairshare(["solve", "Scenarios/three-towns.json", "--format", "json"])
        let yaml = try fairshare(["solve", "Scenarios/three-towns.yaml", "--format", "json"])
        #expect(json.status == 0)
        #expect(yaml.status == 0, "\(yaml.stderr)")
        #expect(!json.stdout.isEmpty)
        #expect(yaml.stdout == json.stdout)
    }
}
