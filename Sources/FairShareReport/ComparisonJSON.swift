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
    ///                       "region": {…}},
    ///            "forced": {"municipalities": {"GM0505": {"newHomes": {"social-rent": true}, "total": false,
    ///                                                     "placements": {…}, "care": {…}}},
    ///                       "region": {…}}}]}
    /// ```
    /// `change` is each figure minus the base's (homes or placements, exact), `null` for the base and for a run
    /// without an allocation; a figure either run lacks is left out. `forced`, shaped like `change`, says per
    /// figure whether the what-if forced its change (``Comparison/isForced(_:in:of:)``: the two runs' ranges do
    /// not overlap) — `true`, `false`, or `null` when a run has no ranges (`solver.allocation: "any"`). A change
    /// too small to show in whole numbers can be forced too.
    public var json: JSONValue {
        let shape = Shape(self)
        return .object(
            JSONObject(
                head + [
                    ("runs", .array(runs.enumerated().map { index, run in runJSON(run, isBase: index == 0, shape) }))
                ]))
    }

    /// The comparison as JSON text: the same text as `JSONWriter.text(json)`, made one run at a time, so that only
    /// one run's JSON values are held at once beside the text.
    public var jsonText: String {
        let shape = Shape(self)
        var out = "{\n"
        for (name, value) in head {
            out += "  \(JSONWriter.quoted(name)): \(JSONWriter.text(value, indent: 2)),\n"
        }
        out += "  \"runs\": "
        guard !runs.isEmpty else { return out + "[]\n}\n" }
        out += "[\n"
        for (index, run) in runs.enumerated() {
            out += "    " + JSONWriter.text(runJSON(run, isBase: index == 0, shape), indent: 4)
            out += index + 1 < runs.count ? ",\n" : "\n"
        }
        return out + "  ]\n}\n"
    }

    /// The document's members before `runs`, in order.
    private var head: [(String, JSONValue)] {
        [
            ("format", .string("fairshare-comparison/1")),
            ("title", .string(title)),
            ("base", base.map { .string($0.name) } ?? .null),
        ]
    }

    /// The items and municipalities of every run, worked out once per document (each goes over all runs).
    private struct Shape {
        let items: [ComparedItem]
        let municipalities: [(id: String, name: String)]

        init(_ comparison: Comparison) {
            items = comparison.items
            municipalities = comparison.municipalities
        }
    }

    private func runJSON(_ run: ComparisonRun, isBase: Bool, _ shape: Shape) -> JSONValue {
        let summary = summary(of: run)
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        let summaryJSON = JSONValue.object(
            JSONObject([
                ("status", .string(summary.status.rawValue)), ("norm", .string(summary.norm.rawValue)),
                ("newHomes", number(summary.newHomes)), ("targetsMet", .number(Double(summary.targetsMet))),
                ("targets", .number(Double(summary.targets))), ("shortfall", number(summary.shortfall)),
                ("fairness", number(summary.fairness)), ("tiebreak", number(summary.tiebreak)),
            ]))
        let change: JSONValue
        let forced: JSONValue
        if isBase || !run.result.hasAllocation || base?.result.hasAllocation != true {
            change = .null
            forced = .null
        } else {
            func figures(_ figure: (ComparedItem, String?) -> JSONValue?) -> JSONValue {
                .object(
                    JSONObject([
                        (
                            "municipalities",
                            .object(
                                JSONObject(
                                    shape.municipalities.map { municipality in
                                        (municipality.id, members(in: municipality.id, shape.items, figure))
                                    }))
                        ),
                        ("region", members(in: nil, shape.items, figure)),
                    ]))
            }
            change = figures { item, municipality in
                self.change(of: item, in: municipality, of: run).map(JSONValue.number)
            }
            forced = figures { item, municipality in
                guard self.change(of: item, in: municipality, of: run) != nil else { return nil }
                return isForced(item, in: municipality, of: run).map(JSONValue.bool) ?? .null
            }
        }
        return .object(
            JSONObject([
                ("name", .string(run.name)),
                ("description", run.description.map(JSONValue.string) ?? .null),
                ("source", run.source.map(JSONValue.string) ?? .null),
                ("summary", summaryJSON),
                ("result", run.result.json),
                ("change", change),
                ("forced", forced),
            ]))
    }

    /// `{"newHomes": {…}, "total": …, "placements": {…}, "care": {…}}` of one municipality (`nil`: the region),
    /// each member `figure`'s value for the item; an item without one is left out.
    private func members(
        in municipality: String?, _ items: [ComparedItem], _ figure: (ComparedItem, String?) -> JSONValue?
    ) -> JSONValue {
        func values(_ kind: ComparedItem.Kind) -> [(String, JSONValue)] {
            items.filter { $0.kind == kind }.compactMap { item in figure(item, municipality).map { (item.id, $0) } }
        }
        var members: [(String, JSONValue)] = [("newHomes", .object(JSONObject(values(.newHomes))))]
        if let total = values(.total).first { members.append(("total", total.1)) }
        members.append(("placements", .object(JSONObject(values(.placements)))))
        members.append(("care", .object(JSONObject(values(.care)))))
        return .object(JSONObject(members))
    }
}
