import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// Issue 16, "What to build" 1: the memory of validation and of collecting problems grows at most linearly in the
/// file, and a scenario holds at most `ScenarioLimits.maximumVariants` variants.
@Suite("Bounded problems and variants")
struct ResourceBoundTests {
    /// A scenario declaring `declared` segments and one municipality whose stock names `unknown` segments that
    /// are not declared: exactly `unknown` problems (one per reference), each of which used to list every
    /// declared segment in its message (650 KB of message per reference at 2,000 references).
    static func badReferences(declared: Int, unknown: Int) -> [UInt8] {
        var text = #"{"format": "fairshare-scenario/1", "name": "refs", "segments": {"#
        text += (0..<declared).map { "\"s\($0)\": {}" }.joined(separator: ", ")
        text += #"}, "municipalities": {"A": {"name": "A", "stock": {"#
        text += (0..<unknown).map { "\"x\($0)\": 1" }.joined(separator: ", ")
        return Array((text + "}}}}").utf8)
    }

    /// A valid scenario of one municipality with `count` variants, each `patch`.
    static func variants(_ count: Int, patch: String = "{}") -> [UInt8] {
        var text = #"{"format": "fairshare-scenario/1", "name": "many", "segments": {"a": {}}, "#
        text += #""municipalities": {"A": {"name": "A", "population": 1}}, "variants": {"#
        text += (0..<count).map { "\"v\($0)\": {\"patch\": \(patch)}" }.joined(separator: ", ")
        return Array((text + "}}").utf8)
    }

    @Test("the defaults: at most 1,000 problems kept, 1,000 variants")
    func defaults() {
        #expect(ScenarioError.maximumIssuesKept == 1_000)
        #expect(ScenarioLimits().maximumVariants == 1_000)
    }

    @Test("a 1 MB file of 30,000 bad references: the first 1,000 problems kept, every one counted")
    func badReferencesLibrary() throws {
        let bytes = Self.badReferences(declared: 30_000, unknown: 30_000)
        #expect(bytes.count < 1_000_000)
        let error = try #require(#expect(throws: ScenarioError.self) { try ScenarioLoader().load(data: bytes) })
        #expect(error.issues.count == ScenarioError.maximumIssuesKept)
        #expect(error.moreIssues == 30_000 - ScenarioError.maximumIssuesKept)
        #expect(error.issueCount == 30_000)
        #expect(error.issues.first?.path == "municipalities.A.stock.x0")
        #expect(error.issues.last?.path == "municipalities.A.stock.x999")
        // Each message names the first declared segments and how many there are, not all 30,000.
        let message = try #require(error.issues.first?.message)
        #expect(message.hasPrefix("unknown segment \"x0\"; declared: s0, s1, s2"), "\(message)")
        #expect(message.hasSuffix(", … (30000 in all)"), "\(message)")
        #expect(error.issues.allSatisfy { $0.message.utf8.count < 200 })
        let lines = error.description.split(separator: "\n")
        #expect(lines.first == "the scenario is invalid (30000 problems):")
        #expect(lines.last == "  … and 29900 more problems")
        #expect(lines.count == 1 + ScenarioError.maximumIssuesShown + 1)
    }

    @Test("fairshare validate and solve on 30,000 bad references: exit 2, the count, bounded memory and time")
    func badReferencesCLI() throws {
        let directory = try temporaryDirectory("fairshare-reliability")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("references.json")
        try Data(Self.badReferences(declared: 30_000, unknown: 30_000)).write(to: file)
        for command in ["validate", "solve"] {
            let run = try ProcessRun.run(builtFairshare(), [command, file.path])
            #expect(run.status == 2, "\(command): \(run)")
            #expect(run.stderrText.contains("(30000 problems)"), "\(command): \(run)")
            #expect(run.stderrText.contains("… and 29900 more problems"), "\(command): \(run)")
            #expect(run.stderr.count <= HostileBounds.messageBytes, "\(command): \(run)")
            // The file is 0.5 MB; the process itself takes about 40 MB. It used to be killed at 4 GB.
            #expect(
                run.peakKilobytes < Int(Double(200 * 1024) * ReliabilityTestSupport.memoryScale), "\(command): \(run)")
            #expect(run.seconds < HostileBounds.seconds, "\(command): \(run)")
        }
    }

    @Test("problems in many variants: the first 1,000 kept over all variants, every one counted")
    func variantProblems() throws {
        // Three variants, each naming 600 undeclared segments in the municipality's stock: 1,800 problems.
        let stock = (0..<600).map { "\"x\($0)\": 1" }.joined(separator: ", ")
        let bytes = Self.variants(3, patch: #"{"municipalities": {"A": {"stock": {\#(stock)}}}}"#)
        let loader = ScenarioLoader()
        let scenario = try loader.load(data: bytes)
        let error = try #require(loader.variantError(of: scenario))
        #expect(error.issues.count == ScenarioError.maximumIssuesKept)
        #expect(error.issueCount == 3 * 600)
        #expect(error.issues[600].message.hasSuffix("(after applying variant \"v1\")"))
        #expect(loader.variantIssues(of: scenario).count == ScenarioError.maximumIssuesKept)
    }

    @Test("more variants than the limit: too-large at variants, naming the limit and the flag; raised, valid")
    func variantLimitLibrary() throws {
        let bytes = Self.variants(1_001)
        let error = try #require(#expect(throws: ScenarioError.self) { try ScenarioLoader().load(data: bytes) })
        #expect(error.issues.count == 1)
        #expect(error.issues.first?.code == .tooLarge)
        #expect(error.issues.first?.path == ["variants"])
        let message = try #require(error.issues.first?.message)
        #expect(message.contains("1001 variants; at most 1000"), "\(message)")
        #expect(message.contains("ScenarioLimits.maximumVariants") && message.contains("--max-variants"))
        let raised = try ScenarioLoader(limits: ScenarioLimits(maximumVariants: 1_001)).load(data: bytes)
        #expect(raised.variants.count == 1_001)
        #expect(throws: Never.self) { try ScenarioLoader().load(data: Self.variants(1_000)) }
        let lowered = #expect(throws: ScenarioError.self) {
            try ScenarioLoader(limits: ScenarioLimits(maximumVariants: 2)).load(data: Self.variants(3))
        }
        #expect(lowered?.issues.first?.code == .tooLarge)
    }

    @Test("fairshare validate: --max-variants raises the limit; the issue's 625,279 empty variants end at once")
    func variantLimitCLI() throws {
        let directory = try temporaryDirectory("fairshare-reliability")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("variants.json")
        try Data(Self.variants(1_001)).write(to: file)
        let refused = try ProcessRun.run(builtFairshare(), ["validate", file.path])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderrText.contains("variants: 1001 variants; at most 1000"), "\(refused)")
        #expect(refused.stderrText.contains("--max-variants"), "\(refused)")
        let raised = try ProcessRun.run(builtFairshare(), ["validate", file.path, "--max-variants", "1001"])
        #expect(raised.status == 0, "\(raised)")
        #expect(raised.stdoutText.contains("1001 variants"), "\(raised)")
        let solved = try ProcessRun.run(builtFairshare(), ["solve", file.path, "--max-variants", "1000"])
        #expect(solved.status == 2 && solved.stderrText.contains("at most 1000"), "\(solved)")

        // The issue's file: 16 MiB of empty variants kept validate busy for an estimated 19 hours.
        let huge = directory.appendingPathComponent("empty-variants.json")
        try Data(Self.variants(625_279)).write(to: huge)
        let hugeRun = try ProcessRun.run(builtFairshare(), ["validate", huge.path])
        #expect(hugeRun.status == 2 && hugeRun.stderrText.contains("625279 variants"), "\(hugeRun)")
        #expect(hugeRun.seconds < HostileBounds.seconds, "\(hugeRun)")
        #expect(hugeRun.peakKilobytes < HostileBounds.peakKilobytes, "\(hugeRun)")
    }

    @Test("a key of 100,000 attributes that 2,000 municipalities lack: every one counted, within seconds")
    func wideKey() throws {
        var text = #"{"format": "fairshare-scenario/1", "name": "key", "segments": {"a": {"fair": "#
        text += #"{"rule": "proportional", "key": {"#
        text += (0..<100_000).map { "\"k\($0)\": 1" }.joined(separator: ", ") + #"}}}}, "municipalities": {"#
        text += (0..<2_000).map { "\"GM\($0)\": {\"name\": \"M\", \"population\": 1}" }.joined(separator: ", ")
        let bytes = Array((text + "}}").utf8)
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(#expect(throws: ScenarioError.self) { try ScenarioLoader().load(data: bytes) })
        // In the order of the file. Looked up in every municipality for every attribute, this took minutes (2·10^8 lookups).
        #expect(clock.now - start < .seconds(HostileBounds.seconds))
        #expect(error.issueCount == 100_000)
        #expect(error.issues.first?.path == "segments.a.fair.key.k0")
        #expect(
            error.issues.first?.message.hasPrefix(
                "attribute \"k0\" is missing in 2000 municipalities (GM0, GM1, GM2, GM3, GM4, …)") == true,
            "\(error.issues.first?.message ?? "")")
    }

    @Test("499 variants, each changing one of 500 municipalities: validated without reading the region 500 times")
    func variantsOverARegion() throws {
        var text = #"{"format": "fairshare-scenario/1", "name": "region", "segments": {"a": {}}, "#
        let attributes = (0..<100).map { "\"x\($0)\": \($0)" }.joined(separator: ", ")
        text += #""municipalities": {"#
        text += (0..<500).map { "\"GM\($0)\": {\"name\": \"M\", \"attributes\": {\(attributes)}}" }
            .joined(separator: ", ")
        text += #"}, "variants": {"#
        text += (0..<499).map { "\"v\($0)\": {\"patch\": {\"municipalities\": {\"GM\($0)\": {\"population\": 5}}}}" }
            .joined(separator: ", ")
        let loader = ScenarioLoader()
        let scenario = try loader.load(data: Array((text + "}}").utf8))
        let clock = ContinuousClock()
        let start = clock.now
        #expect(loader.variantError(of: scenario) == nil)
        #expect(clock.now - start < .seconds(HostileBounds.seconds))
        // The variant's own municipality is read again; the others are the base's.
        let variant = try loader.applying(variant: "v7", to: scenario)
        #expect(variant.municipalities.first { $0.id == "GM7" }?.population == 5)
        #expect(variant.municipalities.first { $0.id == "GM8" }?.population == nil)
        #expect(variant.municipalities.count == 500)
        // A 500th variant that makes another municipality invalid is still refused.
        let broken = try loader.load(
            data: Array(
                (text + #", "bad": {"patch": {"municipalities": {"GM9": {"stock": {"b": 1}}}}}}}"#).utf8))
        let error = try #require(loader.variantError(of: broken))
        #expect(error.issues.map(\.path) == ["municipalities.GM9.stock.b"])
    }
}
