import FairShareScenario
import Foundation
import Testing

/// The likeliest mistakes in a hand-written scenario get a hint that names the cause (issue 15): a decimal comma, a
/// comment, a file saved as UTF-16.
@Suite("Hints for the common causes of invalid JSON")
struct ParseHintTests {
    /// The message and the place of the syntax error in `text`.
    func syntaxError(_ bytes: [UInt8]) -> JSONParser.SyntaxError? {
        do {
            _ = try JSONParser().parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("a decimal comma: write 0.6667, not 0,6667, at the comma")
    func decimalComma() throws {
        let text = "{\n  \"share\": 0,6667\n}"
        let error = try #require(syntaxError(Array(text.utf8)))
        #expect(error.line == 2)
        #expect(error.column == 13)  // the comma: `  "share": 0` is 12 characters
        #expect(error.message.contains("write 0.6667, not 0,6667"), "\(error.message)")
        #expect(error.path == JSONPath(members: ["share"]))
        let negative = try #require(syntaxError(Array(#"{"delta": -12,5}"#.utf8)))
        #expect(negative.message.contains("write -12.5, not -12,5"), "\(negative.message)")
    }

    @Test("a comment: JSON has none, use YAML, description or sources", arguments: ["// note", "/* note */", "# note"])
    func comment(_ comment: String) throws {
        let text = "{\n  \"name\": \"x\",\n  \(comment)\n  \"format\": \"fairshare-scenario/1\"\n}"
        let error = try #require(syntaxError(Array(text.utf8)))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.message.contains("JSON has no comments"), "\(error.message)")
        #expect(error.message.contains("YAML"))
        #expect(error.message.contains("\"description\" or \"sources\""))
    }

    @Test("a file saved as UTF-16, with or without a byte order mark, either byte order: save it as UTF-8")
    func utf16() throws {
        let text = #"{"format": "fairshare-scenario/1"}"#
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (name, bytes) in [
            ("LE with BOM", [0xFF, 0xFE] + little), ("BE with BOM", [0xFE, 0xFF] + big), ("LE", little), ("BE", big),
        ] {
            let error = try #require(syntaxError(bytes), "\(name)")
            #expect(error.message.contains("UTF-16"), "\(name): \(error.message)")
            #expect(error.message.contains("save it as UTF-8"), "\(name)")
        }
    }

    @Test("the loader passes each hint on as the scenario's problem")
    func throughTheLoader() {
        for (text, hint) in [
            (#"{"format": "fairshare-scenario/1", "x": 0,5}"#, "write 0.5, not 0,5"),
            ("{\n# a comment\n}", "JSON has no comments"),
        ] {
            #expect {
                try ScenarioLoader().load(json: text)
            } throws: { error in
                "\(error)".contains(hint)
            }
        }
    }
}
