import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import Foundation
import Testing

/// Input limits: defaults, raising and lowering them, the nesting ceiling, and bounded error messages.
@Suite("Input limits and bounded messages")
struct LimitsTests {
    @Test("the defaults: 16 MiB, 10,000 municipalities, 64 levels; ids 64 and names 200 characters")
    func defaults() {
        let limits = ScenarioLimits()
        #expect(limits.maximumFileSize == 16 * 1024 * 1024)
        #expect(limits.maximumMunicipalities == 10_000)
        #expect(limits.maximumDepth == 64)
        #expect(ScenarioLimits.maximumIDLength == 64)
        #expect(ScenarioLimits.maximumNameLength == 200)
        #expect(JSONParser.depthCeiling == 128)
    }

    @Test("every limit can be lowered, and the error names it")
    func lowered() throws {
        let document = SyntheticRegion.document(municipalities: 12)
        let text = try #require(String(data: try JSONEncoder().encode(document), encoding: .utf8))
        #expect(throws: Never.self) { _ = try ScenarioLoader().load(json: text) }
        let cases: [(ScenarioLimits, String)] = [
            (ScenarioLimits(maximumFileSize: 1000), "ScenarioLimits.maximumFileSize"),
            (ScenarioLimits(maximumMunicipalities: 11), "ScenarioLimits.maximumMunicipalities"),
            (ScenarioLimits(maximumDepth: 3), "ScenarioLimits.maximumDepth"),
        ]
        for (limits, named) in cases {
            let error = #expect(throws: ScenarioError.self) { _ = try ScenarioLoader(limits: limits).load(json: text) }
            #expect(error?.description.contains(named) == true, "\(error?.description ?? "")")
            #expect(error?.issues.first?.code == .tooLarge || named.hasSuffix("Depth"))
        }
    }

    @Test("raised limits accept 100,000 municipalities and a 20 MB file")
    func raised() throws {
        let count = ReliabilityTestSupport.heavy ? 100_000 : 20_000
        var text = #"{"format": "fairshare-scenario/1", "name": "big", "segments": {"a": {}}, "municipalities": {"#
        for index in 0..<count { text += (index > 0 ? ", " : "") + "\"GM\(index)\": {\"name\": \"M\(index)\"}" }
        text += "}, \"description\": \"" + String(repeating: "x", count: 20_000_000 - text.utf8.count) + "\"}"
        #expect(throws: ScenarioError.self) { _ = try ScenarioLoader().load(json: text) }
        let limits = ScenarioLimits(maximumFileSize: 32 << 20, maximumMunicipalities: count)
        let scenario = try ScenarioLoader(limits: limits).load(json: text)
        #expect(scenario.municipalities.count == count)
    }

    @Test("a raised nesting limit stops at the ceiling of 128 levels instead of overflowing the stack")
    func depthCeiling() async throws {
        let limits = ScenarioLimits(maximumDepth: .max)
        let deep = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        // On a task of the cooperative pool, and on a thread with a small (512 KB) stack.
        let fromTask = await Task.detached { () -> String? in
            do {
                _ = try ScenarioLoader(limits: limits).parse(deep)
                return nil
            } catch {
                return "\(error)"
            }
        }.value
        #expect(fromTask?.contains("nesting deeper than 128 levels") == true)

        let ceiling = JSONParser.depthCeiling
        let atCeiling = Array(
            (String(repeating: #"{"a": ["#, count: ceiling / 2) + "1"
                + String(repeating: "]}", count: ceiling / 2)).utf8)
        let parsed = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let thread = Thread {
                // Parse, compare, hash, patch, encode and free a document at the ceiling: every recursion on it.
                let document = try? ScenarioLoader(limits: limits).parse(atCeiling)
                let copy = document?.mergePatched(with: .object(JSONObject([("b", .number(1))])))
                var hasher = Hasher()
                hasher.combine(document)
                let encoded = document.flatMap { try? JSONEncoder().encode($0) }
                continuation.resume(returning: document != nil && copy != document && encoded != nil)
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        #expect(parsed)
    }

    @Test("an error lists at most 100 problems and keeps 1,000, then counts the rest")
    func cappedList() {
        let issues = (0..<100_000).map {
            ScenarioIssue(
                .negative, at: JSONPath(members: ["municipalities", "M\($0)", "population"]),
                "is -1; a count must be 0 or more")
        }
        let text = ScenarioError(issues).description
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 + ScenarioError.maximumIssuesShown + 1)
        #expect(lines.first == "the scenario is invalid (100000 problems):")
        #expect(lines[1] == "  municipalities.M0.population: is -1; a count must be 0 or more")
        #expect(lines.last == "  … and 99900 more problems")
        #expect(ScenarioError(Array(issues.prefix(101))).description.hasSuffix("… and 1 more problem"))
        #expect(!ScenarioError(Array(issues.prefix(100))).description.contains("more problem"))
        let error = ScenarioError(issues)
        #expect(error.issues.count == ScenarioError.maximumIssuesKept && error.issueCount == 100_000)
    }

    @Test("long paths and messages are shortened in the middle; control characters are escaped")
    func shortenedAndEscaped() {
        let long = String(repeating: "x", count: 1_000_000)
        let text = ScenarioError([
            ScenarioIssue(.invalidID, at: JSONPath(members: ["municipalities", long, "name"]), "bad \(long) end")
        ])
        .description
        #expect(text.utf8.count < 2 * ScenarioError.maximumTextShown + 100)
        #expect(text.contains("municipalities.xxx"))
        #expect(text.contains("x.name: bad xxx"))
        #expect(text.hasSuffix("x end"))
        let hostile = ScenarioError([
            ScenarioIssue(.invalidID, at: JSONPath(members: ["m", "GM\u{1B}[2J\u{202E}"]), "x\u{7}y\u{0}")
        ])
        .description
        #expect(hostile.contains(#"m["GM\u001b[2J\u{202E}"]: x\u{7}y\u{0}"#))
        #expect(!hostile.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        // Escapes count too: a path of a million control characters is still shown in 240 characters.
        let controls = String(repeating: "\u{1B}", count: 1_000_000)
        let escaped = ScenarioError([ScenarioIssue(.invalidID, at: JSONPath(members: [controls]), controls)])
            .description
        #expect(escaped.unicodeScalars.count < 2 * ScenarioError.maximumTextShown + 100)
        #expect(escaped.contains(#"\u{1B}\u{1B}…\u{1B}"#))
        // The issues themselves keep every character.
        #expect(ScenarioIssue(.invalidID, at: JSONPath(members: ["a\u{1B}"]), "m").path.memberNames == ["a\u{1B}"])
    }
}
