import FairShareScenario
import Testing

@Suite("Strict JSON parser")
struct JSONParserTests {
    let parser = JSONParser()

    @Test("parses every JSON type and keeps member order")
    func values() throws {
        let value = try parser.parse(#"{"b": [1, -2.5e1, true, false, null], "a": "x\u00e9\n\ud83d\ude00"}"#)
        guard case .object(let object) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .array([.number(1), .number(-25), .bool(true), .bool(false), .null]))
        #expect(object["a"] == .string("xé\n😀"))
    }

    @Test(
        "rejects what a scenario must not contain, naming the place",
        arguments: [
            (#"{"a": 1, "a": 2}"#, "duplicate key \"a\""),
            (#"{"a": NaN}"#, "NaN and Infinity"),
            (#"{"a": 1e999}"#, "too large"),
            (#"{"a": [1, 2,]}"#, "trailing comma"),
            (#"{"a": 01}"#, "leading zeros"),
            (#"{"a": 1,5}"#, "a decimal comma in 1,5? JSON writes decimals with a point: write 1.5"),
            (#"{"a": 1, 5}"#, "expected a member name"),
            ("{\"a\": \"tab\tin string\"}", "control character"),
            ("{\"a\": 1} x", "after the end"),
            (#"{"a": tru}"#, "did you mean true"),
            (#"{"a": "\x"}"#, "invalid escape"),
            (#"{"a": "\ud800"}"#, "unpaired surrogate"),
            (#"{"a": {"b": [1, 2"#, "found end of file"),
            ("", "empty"),
        ])
    func rejects(text: String, fragment: String) {
        #expect {
            try parser.parse(text)
        } throws: { error in
            (error as? JSONParser.SyntaxError)?.message.contains(fragment) == true
        }
    }

    @Test("reports line, column and path of a problem")
    func position() {
        let text = "{\n  \"municipalities\": {\n    \"GM1\": {\"name\": \"A\", \"name\": \"B\"}\n  }\n}"
        #expect {
            try parser.parse(text)
        } throws: { error in
            // Line 3 is `    "GM1": {"name": "A", "name": "B"}`: 4 spaces, `"GM1"` (5-9), `:` (10), space, `{` (12),
            // `"name"` (13-18), `:`, space, `"A"` (21-23), `,` (24), space: the second "name" starts at column 26.
            guard let error = error as? JSONParser.SyntaxError else { return false }
            return error.line == 3 && error.column == 26 && error.path == "municipalities.GM1"
        }
    }

    @Test("rejects invalid UTF-8 inside a string")
    func invalidUTF8() {
        let bytes: [UInt8] = Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONParser.SyntaxError.self) { try parser.parse(bytes) }
    }

    @Test("refuses nesting beyond the limit without exhausting the stack")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect {
            try parser.parse(deep)
        } throws: { error in
            (error as? JSONParser.SyntaxError)?.message.contains("nesting deeper than 64") == true
        }
        let fine = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        #expect(throws: Never.self) { try parser.parse(fine) }
    }
}

@Suite("JSON Merge Patch (RFC 7396)")
struct MergePatchTests {
    let parser = JSONParser()

    /// The test cases of RFC 7396, Appendix A.
    @Test(
        "RFC 7396 appendix A",
        arguments: [
            (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
            (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
            (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
            (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
            (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
            (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
            (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
            (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
            (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
            (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
            (#"{"a":"foo"}"#, #"null"#, #"null"#),
            (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
            (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
            (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
            (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
        ])
    func rfcExamples(original: String, patch: String, expected: String) throws {
        let result = try parser.parse(original).mergePatched(with: try parser.parse(patch))
        #expect(result == (try parser.parse(expected)))
    }
}
