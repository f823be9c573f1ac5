import FairShareScenario
import FairShareTestSupport
import Foundation
import Testing

/// Scenario files in YAML: the same scenario as the JSON format, with comments; every problem keeps its path.
@Suite("Scenarios in YAML")
struct YAMLTests {

    /// The problems of a YAML document.
    func issues(_ yaml: String) -> [ScenarioIssue] {
        do {
            _ = try ScenarioLoader().load(yaml: yaml)
            return []
        } catch {
            return error.issues
        }
    }

    @Test("Scenarios/three-towns.yaml, with comments, is the same scenario as three-towns.json, variants included")
    func twin() throws {
        let loader = ScenarioLoader()
        let yaml = try loader.load(contentsOf: Repository.scenario("three-towns.yaml"))
        let json = try loader.load(contentsOf: Repository.scenario("three-towns.json"))
        #expect(yaml.definition == json.definition)
        #expect(yaml.municipalities.map(\.population) == [5000, 3000, 2000])
        #expect(yaml.segments.first?.label == "Social rent")
        let variant = try loader.applying(variant: "no-history", to: yaml)
        #expect(variant.definition == (try loader.applying(variant: "no-history", to: json)).definition)
    }

    @Test("YAML scalars: numbers, booleans, null, and text; keys are always text")
    func scalars() throws {
        let value = try ScenarioLoader().parse(
            yaml: Array(
                """
                a: 12
                b: 0.6667
                c: 1e3
                d: true
                e: ~
                f: "12"
                2025: x
                g: [1, two]
                """.utf8))
        let expected = try JSONParser().parse(
            #"{"a": 12, "b": 0.6667, "c": 1000, "d": true, "e": null, "f": "12", "2025": "x", "g": [1, "two"]}"#)
        #expect(value == expected)
    }

    @Test("a validation problem names the same path as in JSON: 0,3 is text, not a share")
    func paths() {
        let found = issues(
            """
            format: fairshare-scenario/1
            name: x
            segments: {social-rent: {}}
            region:
              targets:
                social:
                  segments: [social-rent]
                  minShare: 0,3
            municipalities: {A: {name: A}}
            """)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.path.description == "region.targets.social.minShare", "\(found)")
        #expect(found.first?.message.contains("a decimal comma? write 0.3, not 0,3") == true, "\(found)")
    }

    @Test(
        "syntax errors name line and column",
        arguments: [
            ("a: 1\na: 2\n", "line 1, column 1: duplicate key \"a\""),
            ("a: [1, 2\nb: 3\n", "line"),
            ("a:\n  - 1\n b: 2\n", "line 3"),
        ])
    func syntax(_ text: String, _ fragment: String) {
        let found = issues(text)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("not valid YAML") == true, "\(found)")
        #expect(found.first?.message.contains(fragment) == true, "\(found)")
    }

    @Test("a few lines of aliases cannot expand into gigabytes")
    func aliasBomb() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        // 10^9 values from about 450 bytes.
        let found = issues(text)
        #expect(found.first?.message.contains("expands to more values") == true, "\(found)")
    }

    @Test("nesting deeper than the limit, and infinite numbers, are refused")
    func limits() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(issues(deep).first?.message.contains("nesting deeper than") == true)
        #expect(issues("a: .inf").first?.message.contains("not a finite number") == true)
    }

    @Test("UTF-16 and an empty file get the JSON format's messages")
    func encodings() {
        let text = "a: 1"
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect {
            try ScenarioLoader().parse(yaml: utf16)
        } throws: { error in
            "\(error)".contains("save it as UTF-8")
        }
        #expect {
            try ScenarioLoader().parse(yaml: Array("# only a comment\n".utf8))
        } throws: { error in
            "\(error)".contains("holds no YAML document")
        }
    }
}
