import FairShareScenario
import Testing

@Suite("JSON paths")
struct JSONPathTests {
    @Test("parsing splits names and positions")
    func parse() {
        #expect(
            JSONPath(parsing: "region.targets.social-30.segments[1]")
                == JSONPath([
                    .member("region"), .member("targets"), .member("social-30"), .member("segments"),
                    .index(1),
                ]))
        #expect(JSONPath(parsing: "a[0][2].b") == JSONPath([.member("a"), .index(0), .index(2), .member("b")]))
        #expect(JSONPath(parsing: "a[0].b.c")?.description == "a[0].b.c")
        #expect(JSONPath(parsing: "")?.isEmpty == true)
    }

    @Test("a member name with a dot or a bracket is quoted, and reads back as one component")
    func quoting() throws {
        let path = JSONPath(members: ["municipalities", "gm.0505", "limits", "social-rent", "max"])
        #expect(path.description == #"municipalities["gm.0505"].limits.social-rent.max"#)
        #expect(JSONPath(parsing: path.description) == path)
        let odd = JSONPath(members: ["a b", #"q"uote"#, "[3]", "é", ""]) + .index(2)
        #expect(odd.description == #"["a b"]["q\"uote"]["[3]"]["é"][""][2]"#)
        #expect(JSONPath(parsing: odd.description) == odd)
        let dotFirst = JSONPath(members: ["x.y"])
        #expect(dotFirst.description == #"["x.y"]"#)
        #expect(JSONPath(parsing: dotFirst.description) == dotFirst)
    }

    @Test(
        "text that is not a path is refused", arguments: ["a..b", ".a", "a.", "a[", "a[x]", "a[1", #"a["b"#, "a[1]b"])
    func refused(text: String) {
        #expect(JSONPath(parsing: text) == nil)
    }

    @Test("setting a value creates objects and splits a one-number range")
    func setting() throws {
        let document = try JSONParser().parse(#"{"m": {"A": {"newHomes": 400}}, "list": [1, 2]}"#)
        let raised = document.setting(.number(500), at: "m.A.newHomes.max")
        #expect(raised.value(at: ["m", "A", "newHomes"]) == (try JSONParser().parse(#"{"min": 400, "max": 500}"#)))
        let created = document.setting(.number(0.3), at: "m.B.limits.s.maxNewShare")
        #expect(created.value(at: "m.B.limits.s.maxNewShare") == .number(0.3))
        #expect(document.setting(.number(9), at: ["list", .index(1)]).value(at: ["list", .index(1)]) == .number(9))
        #expect(document.value(at: "m.A.newHomes.min") == .number(400))
        let dotted = document.setting(.number(7), at: JSONPath(members: ["m", "a.b", "lettings"]))
        #expect(dotted.object?["m"]?.object?["a.b"]?.object?["lettings"] == .number(7))
    }
}
