import FairShareScenario

extension Monitor {
    /// The monitor as a `fairshare-monitor/1` document: the as-of period, the categories' thresholds, then per
    /// municipality (by id) and for the region each item's line; `delivered`, `deliveredOfPace` and `category` are
    /// `null` where nothing was planned; `rest` says whether the periods to come have a fair plan.
    ///
    /// ```jsonc
    /// {"format": "fairshare-monitor/1", "scenario": "…", "asOf": "2025", "remainingPeriods": ["2026", …],
    ///  "categories": {"onTrack": 0.95, "behind": 0.85, "wellBehind": 0.75},
    ///  "municipalities": {"GM0505": {"name": "Dordrecht", "items": {"total": {"kind": "total", "realised": 780,
    ///    "planned": 900, "delivered": 0.8667, "arrears": 120, "byPace": 900, "deliveredOfPace": 0.8667,
    ///    "category": "behind", "remaining": {"2026": 1100, …}}, …}}},
    ///  "region": {"items": {…}}}
    /// ```
    public var json: JSONValue {
        func entry(_ entry: Entry) -> JSONValue {
            let items = entry.lines.map { line in
                (
                    line.item,
                    JSONValue.object(
                        JSONObject([
                            ("kind", .string(line.kind.rawValue)), ("label", .string(line.label)),
                            ("realised", .number(line.realised)), ("planned", .number(line.planned)),
                            ("delivered", line.delivered.map(JSONValue.number) ?? .null),
                            ("arrears", .number(line.arrears)), ("byPace", .number(line.byPace)),
                            ("deliveredOfPace", line.deliveredOfPace.map(JSONValue.number) ?? .null),
                            ("category", line.category.map { .string($0.rawValue) } ?? .null),
                            (
                                "remaining",
                                .object(
                                    JSONObject(
                                        zip(remainingPeriods, line.remaining).map { ($0, JSONValue.number($1)) }))
                            ),
                        ]))
                )
            }
            return .object(
                JSONObject(
                    (entry.id == nil ? [] : [("name", JSONValue.string(entry.name))])
                        + [("items", .object(JSONObject(items)))]))
        }
        return .object(
            JSONObject([
                ("format", .string("fairshare-monitor/1")), ("scenario", .string(plan.scenario)),
                ("variant", plan.variant.map(JSONValue.string) ?? .null), ("asOf", .string(asOf)),
                ("remainingPeriods", .array(remainingPeriods.map(JSONValue.string))),
                ("rest", rest),
                (
                    "categories",
                    .object(
                        JSONObject([
                            ("onTrack", .number(categories.onTrack)), ("behind", .number(categories.behind)),
                            ("wellBehind", .number(categories.wellBehind)),
                        ]))
                ),
                ("municipalities", .object(JSONObject(municipalities.map { ($0.id ?? "", entry($0)) }))),
                ("region", entry(region)),
            ]))
    }

    public var jsonText: String { JSONWriter.text(json) }

    /// `rest`: the status of the fair plan for the periods to come (`null` when every period is realised), and
    /// when it has none, the failure and the diagnosis that say why.
    private var rest: JSONValue {
        guard let remainder else { return .null }
        return .object(
            JSONObject(
                [("status", .string(remainder.status.rawValue))]
                    + (remainder.failure.map { [("failure", JSONValue.string($0.description))] } ?? [])
                    + (remainder.diagnosis.map { [("diagnosis", $0.json)] } ?? [])))
    }
}
