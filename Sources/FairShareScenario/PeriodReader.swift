/// Reading the parts of docs/model.md §9: `periods`, `monitoring`, `carryOver` / `perPeriod` and each
/// municipality's `periods`.
extension ScenarioReader {
    static let periodFields = ["label", "start", "end", "newHomes", "priorityGroups", "care"]

    /// `periods`: id → `{"start": "2025-01", "end": "2025-12", …}`, in time order without overlap, inside the
    /// horizon when one is given.
    mutating func readPeriods(
        _ value: JSONValue?, horizon: Horizon?, groups: DeclaredIDs, care: DeclaredIDs
    ) -> [Period] {
        let path: JSONPath = ["periods"]
        let entries = fields.idMap(value, path)
        if entries.count > limits.maximumPeriods {
            fields.report(
                .tooLarge, path,
                "\(entries.count) periods; at most \(limits.maximumPeriods) are allowed (ScenarioLimits.maximumPeriods)"
            )
            return []
        }
        var periods: [Period] = []
        for (id, value) in entries {
            let here = path + id
            guard let object = fields.object(value, here, allowed: Self.periodFields, required: ["start", "end"]),
                let start = month(object["start"], here + "start"), let end = month(object["end"], here + "end")
            else { continue }
            if start > end {
                fields.report(
                    .minAboveMax, here, "start \(start) is after end \(end); a period ends in or after its start")
                continue
            }
            if let previous = periods.last, start <= previous.end {
                fields.report(
                    .invalidValue, here + "start",
                    "is \(start), but the period before it (\(previous.id)) ends in \(previous.end); list periods in "
                        + "time order, each starting after the one before ends")
            }
            if let horizon, start.year < horizon.start || end.year > horizon.end {
                fields.report(
                    .invalidValue, here,
                    "runs from \(start) to \(end), outside the horizon \(horizon.start)–\(horizon.end)")
            }
            var groupDemands: [String: CountRange] = [:]
            for (group, member) in fields.idMap(object["priorityGroups"], here + "priorityGroups")
            where known(group, groups, here + "priorityGroups" + group, kind: "priority group") {
                if let demand = self.demand(member, here + "priorityGroups" + group) { groupDemands[group] = demand }
            }
            var careDemands: [String: CountRange] = [:]
            for (quality, member) in fields.idMap(object["care"], here + "care")
            where known(quality, care, here + "care" + quality, kind: "care quality") {
                if let demand = self.demand(member, here + "care" + quality) { careDemands[quality] = demand }
            }
            periods.append(
                Period(
                    id: id, label: fields.text(object["label"], here + "label") ?? id, start: start, end: end,
                    newHomes: fields.range(object["newHomes"], here + "newHomes") ?? .any,
                    priorityGroups: groupDemands, care: careDemands))
        }
        return periods
    }

    /// `{"demand": Range}` of a group or care quality in one period.
    private mutating func demand(_ value: JSONValue?, _ path: JSONPath) -> CountRange? {
        guard let object = fields.object(value, path, allowed: ["demand"], required: ["demand"]) else { return nil }
        return fields.range(object["demand"], path + "demand")
    }

    /// A month `"YYYY-MM"`.
    private mutating func month(_ value: JSONValue?, _ path: JSONPath) -> YearMonth? {
        guard let text = fields.string(value, path) else { return nil }
        guard let month = YearMonth(parsing: text) else {
            fields.report(
                .invalidValue, path,
                "\(text.debugDescription) is not a month; write the year and month as \"2025-01\"")
            return nil
        }
        return month
    }

    /// `carryOver` / `perPeriod`: `{"arrears": "next" | "spread" | "none", "surplus": "none" | "credit"}`; `true`
    /// for both defaults.
    mutating func readCarryOver(_ value: JSONValue?, _ path: JSONPath) -> CarryOver? {
        if case .bool(true)? = value { return CarryOver() }
        guard let object = fields.object(value, path, allowed: ["arrears", "surplus"]) else {
            return nil
        }
        return CarryOver(
            arrears: fields.word(object["arrears"], path + "arrears", as: CarryOver.Arrears.self) ?? .next,
            surplus: fields.word(object["surplus"], path + "surplus", as: CarryOver.Surplus.self) ?? .none)
    }

    /// A municipality's `periods`: period id → `{"newHomes": Range, "realised": {ITEM: count}}`.
    mutating func readMunicipalityPeriods(
        _ value: JSONValue?, _ path: JSONPath, periods: DeclaredIDs, items: DeclaredIDs
    ) -> [String: MunicipalityPeriod] {
        var out: [String: MunicipalityPeriod] = [:]
        for (id, value) in fields.idMap(value, path) where known(id, periods, path + id, kind: "period") {
            let here = path + id
            guard let object = fields.object(value, here, allowed: ["newHomes", "realised"]) else { continue }
            out[id] = MunicipalityPeriod(
                newHomes: fields.range(object["newHomes"], here + "newHomes") ?? .any,
                realised: counts(
                    object["realised"], here + "realised", ids: items, kind: "segment, priority group or care quality"))
        }
        return out
    }

    /// `monitoring`: `{"asOf": PERIOD, "categories": {"onTrack": 0.95, "behind": 0.85, "wellBehind": 0.75}}`.
    mutating func readMonitoring(_ value: JSONValue?, periods: DeclaredIDs) -> Monitoring {
        let path: JSONPath = ["monitoring"]
        guard let object = fields.object(value, path, allowed: ["asOf", "categories"]) else { return Monitoring() }
        var asOf = fields.string(object["asOf"], path + "asOf")
        if let id = asOf, !known(id, periods, path + "asOf", kind: "period") { asOf = nil }
        var categories = DeliveryCategories()
        let at = path + "categories"
        if let given = fields.object(object["categories"], at, allowed: ["onTrack", "behind", "wellBehind"]) {
            categories.onTrack = fields.share(given["onTrack"], at + "onTrack") ?? categories.onTrack
            categories.behind = fields.share(given["behind"], at + "behind") ?? categories.behind
            categories.wellBehind = fields.share(given["wellBehind"], at + "wellBehind") ?? categories.wellBehind
            if !(categories.wellBehind < categories.behind && categories.behind < categories.onTrack) {
                fields.report(
                    .invalidValue, at,
                    "the thresholds must fall from onTrack to behind to wellBehind; they are "
                        + "\(fields.format(categories.onTrack)), \(fields.format(categories.behind)) and "
                        + "\(fields.format(categories.wellBehind))")
            }
        }
        return Monitoring(asOf: asOf, categories: categories)
    }
}
