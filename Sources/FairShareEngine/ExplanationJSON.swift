import FairShareScenario

extension Explanation {
    /// The explanation as JSON (`fairshare explain --format json`): the level, its optimum and each requirement.
    public var json: JSONValue {
        func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        return .object(
            JSONObject([
                ("format", .string("fairshare-explanation/1")),
                ("scenario", .string(result.scenario)),
                ("variant", result.variant.map(JSONValue.string) ?? .null),
                ("level", .string(level.rawValue)),
                ("optimum", .number(FairShare.clean(optimum))),
                (
                    "requirements",
                    .array(
                        items.map { item in
                            .object(
                                JSONObject([
                                    ("path", .string(item.requirement.path.description)),
                                    ("requirement", .string(item.requirement.family)),
                                    ("unit", .string(item.requirement.unit.rawValue)),
                                    ("side", .string(item.requirement.side.rawValue)),
                                    ("value", .number(item.requirement.value)),
                                    ("binding", .bool(item.binding)),
                                    ("improvementPerUnit", .number(item.improvementPerUnit)),
                                    ("validFrom", optional(item.validFrom)),
                                    ("validTo", optional(item.validTo)),
                                    ("reached", optional(item.reached)),
                                ]))
                        })
                ),
            ]))
    }

    /// The explanation as JSON text.
    public var jsonText: String { JSONWriter.text(json) }
}
