import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// One hostile file of `Corpus/` and what the error must name: its place (a JSON path, or line and column for
/// syntax errors) and, where it matters, the kind of problem.
struct HostileCase: Sendable, CustomTestStringConvertible {
    let file: String
    /// The variant to solve (`solve --variant`), for files whose base scenario is valid.
    let variant: String?
    /// Texts the message must contain.
    let places: [String]

    init(_ file: String, variant: String? = nil, _ places: String...) {
        self.file = file
        self.variant = variant
        self.places = places
    }

    var testDescription: String { file + (variant.map { " --variant \($0)" } ?? "") }
    var url: URL { ReliabilityTestSupport.corpus.appendingPathComponent(file) }
}

/// Bounds every refused file must stay within, in the CLI process (debug build, shared CI machine; scaled by
/// `ReliabilityTestSupport.timeScale` and `memoryScale` under the sanitizers).
enum HostileBounds {
    /// Seconds of wall-clock time.
    static let seconds = 20.0 * ReliabilityTestSupport.timeScale
    /// Peak resident set size, in kilobytes.
    static let peakKilobytes = Int(Double(400 * 1024) * ReliabilityTestSupport.memoryScale)
    /// Bytes of error message.
    static let messageBytes = 64 * 1024
}

/// The hostile corpus: every file is refused with exit status 2 and a message naming the place, by the real
/// `fairshare` process (`solve` and `validate`) and by the library, in bounded time and memory.
@Suite("Hostile corpus")
struct HostileCorpusTests {
    static let cases: [HostileCase] = [
        // Not JSON: empty, truncated, encodings, numbers, duplicates, syntax.
        HostileCase("empty.json", "the file is empty"),
        HostileCase("whitespace-only.json", "the file is empty"),
        HostileCase("truncated-half.json", "municipalities.A", "unterminated string"),
        HostileCase("truncated-in-string.json", "municipalities.A.name", "unterminated string"),
        HostileCase("truncated-after-name.json", "line 1, column 10", "end of file"),
        HostileCase("invalid-utf8-in-name.json", "municipalities.A.name", "invalid UTF-8"),
        HostileCase("invalid-utf8-in-key.json", "municipalities", "line 47, column 6", "invalid UTF-8"),
        HostileCase("overlong-utf8.json", "municipalities.B.name", "invalid UTF-8"),
        HostileCase("utf16-with-bom.json", "line 1, column 1", "the file is UTF-16", "save it as UTF-8"),
        HostileCase("nul-byte.json", "municipalities.C.name", "U+0000"),
        HostileCase("nan.json", "municipalities.B.population", "NaN and Infinity are not JSON numbers"),
        HostileCase("infinity.json", "municipalities.B.population", "NaN and Infinity are not JSON numbers"),
        HostileCase("minus-infinity.json", "municipalities.B.population", "line 49, column 22"),
        HostileCase("number-1e999.json", "municipalities.B.population", "1e999 is too large"),
        HostileCase("duplicate-key-top.json", "line 4, column 3", "duplicate key \"name\""),
        HostileCase("duplicate-key-municipality.json", "municipalities: ", "duplicate key \"A\""),
        HostileCase("duplicate-key-field.json", "municipalities.C: ", "duplicate key \"population\""),
        HostileCase("trailing-comma.json", "municipalities.C", "trailing comma"),
        HostileCase("comment.json", "line 3, column 27", "found '/'"),
        HostileCase("single-quotes.json", "line 3, column 3", "double quotes"),
        HostileCase("leading-zero.json", "municipalities.B.population", "leading zeros"),
        HostileCase("decimal-comma.json", "municipalities.C", "line 67"),
        HostileCase("raw-control-char-in-string.json", "municipalities.C.name", "U+0009"),
        HostileCase("lone-surrogate.json", "municipalities.C.name", "unpaired surrogate"),
        HostileCase("invalid-escape.json", "municipalities.C.name", "invalid escape"),
        HostileCase("trailing-garbage.json", "line 71, column 1", "after the end of the JSON document"),
        HostileCase("two-documents.json", "line 71, column 1", "after the end of the JSON document"),
        HostileCase("top-level-array.json", "expected an object, found an array"),
        HostileCase("top-level-string.json", "expected an object, found a string"),
        HostileCase("nesting-65.json", "x[0][0][0]", "nesting deeper than 64 levels"),
        // Valid JSON, invalid scenario: every validation class.
        HostileCase("wrong-format.json", "format: must be \"fairshare-scenario/1\""),
        HostileCase(
            "missing-required-fields.json", "name: required field is missing",
            "segments: required field is missing", "municipalities: required field is missing"),
        HostileCase("unknown-top-field.json", "municipalites: unknown field"),
        HostileCase("unknown-municipality-field.json", "municipalities.B.stok: unknown field"),
        HostileCase("wrong-type-population.json", "municipalities.C.population: expected a number"),
        HostileCase("wrong-type-segments.json", "segments: expected an object keyed by id"),
        HostileCase("negative-stock.json", "municipalities.A.stock.market: is -900"),
        HostileCase("share-percent.json", "municipalities.B.maxPriorityShare: is 35", "0.35"),
        HostileCase("min-above-max.json", "municipalities.C.newHomes: min 500 is above max 300"),
        HostileCase("limits-min-above-max.json", "municipalities.A.limits.market: minNewShare 0.8"),
        HostileCase("unknown-segment-in-stock.json", "municipalities.B.stock.social: unknown segment"),
        HostileCase("unknown-segment-in-target.json", "region.targets.social-30.segments[0]: unknown segment"),
        HostileCase("unknown-group-in-placements.json", "municipalities.A.placements.refugees: unknown priority"),
        HostileCase("invalid-id-space.json", #"municipalities["GM 0505"]: invalid id"#),
        HostileCase("invalid-id-control-chars.json", #"municipalities["GM\u001b[31mRED\u0007"]: invalid id"#),
        HostileCase("invalid-id-10000-chars.json", "municipalities.GGGG", "…", "invalid id"),
        HostileCase("invalid-id-empty.json", #"segments[""]: invalid id """#),
        HostileCase("name-control-char.json", "municipalities.A.name: contains a control character"),
        HostileCase("name-c1-control.json", "municipalities.C.name: contains a control character"),
        HostileCase("name-bidi-override.json", "segments.market.label: contains a bidirectional override"),
        HostileCase("name-10000-chars.json", "municipalities.B.name: is 10000 characters long"),
        HostileCase("key-missing-attribute.json", "priorityGroups.statushouders.key: attribute \"elderly75\""),
        HostileCase("key-zero-total.json", "priorityGroups.statushouders.key: attribute \"households\" sums to 0"),
        HostileCase("key-negative-weight.json", "priorityGroups.statushouders.key.population: weight is -1"),
        HostileCase("key-capacity-without-max.json", "priorityGroups.statushouders.key", "municipalities.C.newHomes"),
        HostileCase("invalid-enum-norm.json", "fairness.norm: \"median\" is not one of"),
        HostileCase("solver-time-limit-zero.json", "solver.timeLimit: is 0 seconds"),
        HostileCase("solver-interior-integer.json", "solver.method: \"interior\""),
        HostileCase("no-municipalities.json", "municipalities: declare at least one municipality"),
        HostileCase("no-segments.json", "segments: declare at least one segment"),
        HostileCase("item-id-clash.json", "priorityGroups.market: \"market\" is also a segment id"),
        HostileCase("converge-without-stock.json", "segments.social-rent.fair: the \"converge\" rule needs"),
        HostileCase("target-without-shares.json", "region.targets.social-30: a target needs minShare"),
        HostileCase("horizon-reversed.json", "horizon: start 2030 is after end 2025"),
        HostileCase(
            "many-problems.json", "(150 problems)", "municipalities.M000.population: is -1",
            "… and 50 more problems"),
        // Variants whose patch makes the scenario invalid.
        HostileCase(
            "variant-negative.json", variant: "bad", "municipalities.B.population: is -1",
            "after applying variant \"bad\""),
        HostileCase(
            "variant-removes-name.json", variant: "bad", "name: required field is missing",
            "after applying variant \"bad\""),
        HostileCase(
            "variant-unknown-field.json", variant: "bad", "segments.market.colour: unknown field",
            "after applying variant \"bad\""),
        HostileCase(
            "variant-unknown-segment.json", variant: "bad", "region.targets.social-30.segments[0]",
            "after applying variant \"bad\""),
        HostileCase(
            "variant-breaks-key.json", variant: "bad", "priorityGroups.statushouders.key",
            "after applying variant \"bad\""),
        HostileCase("variant-patch-not-object.json", "variants.bad.patch: expected an object"),
    ]

    @Test("the corpus has at least 40 files, each with a case")
    func corpusIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ReliabilityTestSupport.corpus.path)
            .filter { $0.hasSuffix(".json") }
        #expect(files.count >= 40)
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    @Test("fairshare solve: exit 2, the place named, bounded", arguments: cases)
    func solveRefuses(_ hostile: HostileCase) throws {
        let run = try ProcessRun.run(
            builtFairshare(),
            ["solve", hostile.url.path] + (hostile.variant.map { ["--variant", $0] } ?? []))
        try expectRefused(run, hostile)
        #expect(run.stdout.isEmpty, "solve wrote a result for an invalid scenario")
    }

    @Test("fairshare validate: exit 2, the place named, bounded", arguments: cases)
    func validateRefuses(_ hostile: HostileCase) throws {
        try expectRefused(try ProcessRun.run(builtFairshare(), ["validate", hostile.url.path]), hostile)
    }

    @Test("ScenarioLoader: a ScenarioError naming the place", arguments: cases)
    func libraryRefuses(_ hostile: HostileCase) throws {
        let loader = ScenarioLoader()
        let error = #expect(throws: ScenarioError.self) {
            let scenario = try loader.load(contentsOf: hostile.url)
            if let variant = hostile.variant { _ = try loader.applying(variant: variant, to: scenario) }
        }
        let message = try #require(error).description
        for place in hostile.places { #expect(message.contains(place), "\(message.prefix(800))") }
        // The same through bytes already in memory.
        let bytes = ProcessRun.read(hostile.url.path)
        #expect(throws: ScenarioError.self) {
            let scenario = try loader.load(data: bytes)
            if let variant = hostile.variant { _ = try loader.applying(variant: variant, to: scenario) }
        }
    }

    func expectRefused(_ run: ProcessRun, _ hostile: HostileCase) throws {
        #expect(run.status == 2, "\(run)")
        let message = run.stderrText
        for place in hostile.places { #expect(message.contains(place), "\(run)") }
        #expect(message.hasPrefix(hostile.url.path + ": the scenario is invalid"), "\(run)")
        #expect(!message.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "raw control characters")
        #expect(run.stderr.count <= HostileBounds.messageBytes, "\(run)")
        #expect(run.seconds < HostileBounds.seconds, "\(run)")
        #expect(run.peakKilobytes < HostileBounds.peakKilobytes, "\(run)")
    }
}
