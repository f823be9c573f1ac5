import FairShareEngine
import FairShareScenario

extension Comparison {
    /// The comparison as a JSON document (`fairshare compare --format json`), members in a fixed order:
    ///
    /// ```jsonc
    /// {"format": "fairshare-comparison/1", "title": "…", "base": "base",
    ///  "runs": [{"name": "max-norm", "description": "…", "source": "Scenarios/drechtsteden.json",
    ///            "summary": {"status": "optimal", "norm": "max", "newHomes": 10000, "targetsMet": 2, "targets": 2,
    ///                        "shortfall": 0, "fairness": 6353.61, "tiebreak": 2775.97},
    ///            "result": {…fairshare-result/1…},
    ///            "change": {"municipalities": {"GM0505": {"newHomes": {"social-rent": -640}, "total": -127,
    ///                                                     "placements": {…}, "care": {…}}},
    ///                       "region": {…}}}]}
    /// ```
    /// `change` is each figure minus the base's (homes or placements), `null` for the base and for a run without
    /// an allocation; a figure either run lacks is left out.
    public var json: JSONValue {
        .object(JSONObject([
            ("format", .string("fairshare-comparison/1")),
            ("title", .string(title)),
            ("base", base.map { .string($0.name) } ?? .null),
            ("runs", .array(runs.enumerated().map { index, run in runJSON(run, isBase: index == 0) })),
        ]))
    }

    /// The comparison as JSON text.
    public var jsonText: String { JSONWriter.text(json) }

    private func runJSON(_ run: ComparisonRun, isBase: Bool) -> JSONValue {
        let summary = summary(of: run)
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        let summaryJSON = JSONValue.object(JSONObject([
            ("status", .string(summary.status.rawValue)), ("norm", .string(summary.norm.rawValue)),
            ("newHomes", number(summary.newHomes)), ("targetsMet", .number(Double(summary.targetsMet))),
            ("targets", .number(Double(summary.targets))), ("shortfall", number(summary.shortfall)),
            ("fairness", number(summary.fairness)), ("tiebreak", number(summary.tiebreak)),
        ]))
        let change: JSONValue
        if isBase || !run.result.hasAllocation || base?.result.hasAllocation != true {
            change = .null
        } else {
            change = .object(JSONObject([
                ("municipalities", .object(JSONObject(municipalities.map { ($0.id, changes(in: $0.id, of: run)) }))),
                ("region", changes(in: nil, of: run)),
            ]))
        }
        return .object(JSONObject([
            ("name", .string(run.name)),
            ("description", run.description.map(JSONValue.string) ?? .null),
            ("source", run.source.map(JSONValue.string) ?? .null),
            ("summary", summaryJSON),
            ("result", run.result.json),
            ("change", change),
        ]))
    }

    /// `{"newHomes": {…}, "total": …, "placements": {…}, "care": {…}}` of one municipality (`nil`: the region).
    private func changes(in municipality: String?, of run: ComparisonRun) -> JSONValue {
        func figures(_ kind: ComparedItem.Kind) -> [(String, JSONValue)] {
            items.filter { $0.kind == kind }.compactMap { item in
                change(of: item, in: municipality, of: run).map { (item.id, .number($0)) }
            }
        }
        var members: [(String, JSONValue)] = [("newHomes", .object(JSONObject(figures(.newHomes))))]
        if let total = figures(.total).first { members.append(("total", total.1)) }
        members.append(("placements", .object(JSONObject(figures(.placements)))))
        members.append(("care", .object(JSONObject(figures(.care)))))
        return .object(JSONObject(members))
    }
}
