import Foundation
import Testing

/// A bad scenario file in `BadScenarios/` and the problems `fairshare validate` must report, each as
/// `path: message` (the path empty for the whole file).
struct BadFile: CustomTestStringConvertible, Sendable {
    var file: String
    var problems: [String]

    init(_ file: String, _ problems: String...) {
        self.file = file
        self.problems = problems
    }

    var testDescription: String { file }
}

private let municipalityFields =
    "name, population, households, stock, newHomes, realised, limits, lettings, "
    + "maxPriorityShare, placements, care, attributes, alternatives, obligations, stockChanges, housed, periods"

@Suite("validate: every class of problem, with its message and JSON path")
struct ValidationMessageTests {
    static let files: [BadFile] = [
        BadFile(
            "unknown-field.json",
            "municipalities.GM2.stok: unknown field; valid fields here: \(municipalityFields)"),
        BadFile(
            "unknown-id.json",
            "municipalities.GM1.stock.middle-rent: unknown segment \"middle-rent\"; declared: social-rent, market"),
        BadFile(
            "wrong-type.json",
            #"municipalities.GM2.population: expected a number, found a string "2000"; write the number without quotes"#
        ),
        BadFile(
            "non-finite.json",
            "municipalities.GM2.population: not valid JSON: line 61, column 21: the number "
                + "1e999 is too large; every number must be finite"),
        BadFile("negative.json", "municipalities.GM2.lettings: is -40; a count must be 0 or more"),
        BadFile(
            "share-out-of-range.json",
            "municipalities.GM2.maxPriorityShare: is 35; a share must be between 0 and 1 (write 35% as 0.35)"),
        BadFile(
            "min-above-max.json",
            "municipalities.GM2.newHomes: min 300 is above max 200; min must be at most max"),
        BadFile(
            "bad-key.json",
            "care.zero-step.key: attribute \"elderly75\" is missing in 1 municipality (GM2); "
                + "give it in their \"attributes\" or use one of: population, households, stock, lettings, capacity, "
                + "stock.social-rent, stock.market"),
        BadFile("not-json.json", "municipalities: not valid JSON: line 74, column 3: trailing comma before '}'"),
        BadFile(
            "empty-file.json",
            "the file is empty; a scenario is a JSON object with at least \"format\", "
                + "\"name\", \"segments\" and \"municipalities\""),
        BadFile("missing-field.json", "municipalities.GM1.name: required field is missing"),
        BadFile(
            "invalid-id.json",
            "municipalities[\"GM 3\"]: invalid id \"GM 3\"; ids are 1 to 64 letters (a-z, A-Z), "
                + "digits, '-', '_' or '.'"),
        BadFile("wrong-format.json", "format: must be \"fairshare-scenario/1\""),
        BadFile(
            "bad-variant.json",
            "fairness.norm: \"maximum\" is not one of \"sum\", \"max\", \"leximin\" (after applying variant \"typo\")"),
        BadFile(
            "several-problems.json",
            "region.targets.social-30.segments[0]: unknown segment \"social\"; declared segments: social-rent, market",
            "municipalities.GM1.maxPriorityShare: is 35; a share must be between 0 and 1 (write 35% as 0.35)",
            "municipalities.GM2.stok: unknown field; valid fields here: \(municipalityFields)"),
    ]

    @Test("validate lists exactly the expected problems on stderr and exits 2", arguments: files)
    func validate(_ bad: BadFile) throws {
        let output = try fairshare(["validate", bad.file], in: CLITestSupport.badScenarios)
        #expect(output.status == 2, "\(output)")
        #expect(output.stdout.isEmpty)
        #expect(output.isClean)
        let count = bad.problems.count == 1 ? "1 problem" : "\(bad.problems.count) problems"
        let expected =
            "\(bad.file): the scenario is invalid (\(count)):\n"
            + bad.problems.map { "  \($0)\n" }.joined()
        #expect(output.stderr == expected)
    }

    @Test("solve, compare and export report the same problems with the same exit status", arguments: files)
    func otherCommands(_ bad: BadFile) throws {
        let validate = try fairshare(["validate", bad.file], in: CLITestSupport.badScenarios)
        // A bad variant only shows when it is used.
        let variant = bad.file == "bad-variant.json" ? ["--variant", "typo"] : []
        for arguments in [["solve", bad.file] + variant, ["export", bad.file, "--lp", "-"] + variant] {
            let output = try fairshare(arguments, in: CLITestSupport.badScenarios)
            #expect(output.status == 2, "\(arguments): \(output)")
            #expect(output.stdout.isEmpty)
            #expect(output.stderr == validate.stderr, "\(arguments)")
        }
    }

    @Test("every file in BadScenarios has its expected problems here")
    func everyFileCovered() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CLITestSupport.badScenarios.path)
            .filter { $0.hasSuffix(".json") }
        #expect(Set(names) == Set(Self.files.map(\.file)))
    }

    @Test("a valid file: \"valid\" and a one-line summary on stdout")
    func validFile() throws {
        let output = try fairshare(["validate", "Scenarios/three-towns.json"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        #expect(
            output.stdout == "valid: Three towns (didactic): 3 municipalities, 2 segments, 1 priority group, "
                + "0 care qualities, 1 variant\n")
    }
}
