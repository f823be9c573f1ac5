import FairShareScenario
import Testing

@Suite("JSON paths")
struct JSONPathTests {
    @Test("parsing splits names and positions")
    func parse() {
        #expect(JSONPath.parse("region.targets.social-30.segments[1]") == ["region", "targets", "social-30", "segments", "[1]"])
        #expect(JSONPath.parse("a[0][2].b") == ["a", "[0]", "[2]", "b"])
        #expect(JSONPath.render(JSONPath.parse("a[0].b.c")) == "a[0].b.c")
    }

    @Test("setting a value creates objects and splits a one-number range")
    func setting() throws {
        let document = try JSONParser().parse(#"{"m": {"A": {"newHomes": 400}}, "list": [1, 2]}"#)
        let raised = document.setting(.number(500), at: JSONPath.parse("m.A.newHomes.max"))
        #expect(raised.value(at: ["m", "A", "newHomes"]) == (try JSONParser().parse(#"{"min": 400, "max": 500}"#)))
        let created = document.setting(.number(0.3), at: JSONPath.parse("m.B.limits.s.maxNewShare"))
        #expect(created.value(at: JSONPath.parse("m.B.limits.s.maxNewShare")) == .number(0.3))
        #expect(document.setting(.number(9), at: ["list", "[1]"]).value(at: ["list", "[1]"]) == .number(9))
        #expect(document.value(at: JSONPath.parse("m.A.newHomes.min")) == .number(400))
    }
}
