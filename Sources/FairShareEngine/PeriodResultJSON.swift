import FairShareScenario

/// `periods` of a `fairshare-result/1` document (docs/model.md §9): written by ``FairShareResult/json`` and read
/// back by ``FairShareResult/init(json:)``.
extension FairShareResult {
    func periodsJSON(ranges: (AllocationRanges) -> JSONValue) -> JSONValue {
        func figures(_ values: [String: Double], _ order: [String]) -> JSONValue {
            .object(JSONObject(order.compactMap { id in values[id].map { (id, JSONValue.number($0)) } }))
        }
        func tasks(_ tasks: [String: PeriodTask]) -> JSONValue {
            .object(
                JSONObject(
                    (groupIDs + careIDs).compactMap { id in
                        tasks[id].map { task in
                            (
                                id,
                                .object(
                                    JSONObject([
                                        ("task", .number(task.task)), ("arrears", .number(task.arrears)),
                                        ("corrected", .number(task.corrected)), ("delivered", .number(task.delivered)),
                                        ("remaining", .number(task.remaining)),
                                        ("pacePerMonth", .number(task.pacePerMonth)),
                                    ]))
                            )
                        }
                    }))
        }
        return .object(
            JSONObject(
                periods.map { period in
                    let municipalities = period.municipalities.map { allocation in
                        (
                            allocation.id,
                            JSONValue.object(
                                JSONObject(
                                    [
                                        ("newHomes", figures(allocation.newHomes, segmentIDs)),
                                        ("total", .number(allocation.total)),
                                        ("placements", figures(allocation.placements, groupIDs)),
                                        ("care", figures(allocation.care, careIDs)),
                                        ("fairShare", figures(allocation.fairShare, fairItemIDs)),
                                        ("deviation", figures(allocation.deviation, fairItemIDs)),
                                        ("tasks", tasks(allocation.tasks)),
                                    ] + (allocation.ranges.map { [("ranges", ranges($0))] } ?? [])))
                        )
                    }
                    let region = period.region
                    let targets = region.targets.map { target in
                        (
                            target.id,
                            JSONValue.object(
                                JSONObject([
                                    ("share", .number(target.share)), ("minShare", .number(target.minShare)),
                                    ("arrears", .number(target.arrears)), ("met", .bool(target.met)),
                                ]))
                        )
                    }
                    return (
                        period.id,
                        .object(
                            JSONObject([
                                ("label", .string(period.label)), ("start", .string(period.start.description)),
                                ("end", .string(period.end.description)), ("months", .number(Double(period.months))),
                                ("realised", .bool(period.isRealised)),
                                ("municipalities", .object(JSONObject(municipalities))),
                                (
                                    "region",
                                    .object(
                                        JSONObject(
                                            [
                                                ("newHomes", figures(region.newHomes, segmentIDs)),
                                                ("total", .number(region.total)),
                                                ("placements", figures(region.placements, groupIDs)),
                                                ("care", figures(region.care, careIDs)),
                                                ("tasks", tasks(region.tasks)),
                                                ("targets", .object(JSONObject(targets))),
                                            ] + (region.ranges.map { [("ranges", ranges($0))] } ?? [])))
                                ),
                            ]))
                    )
                }))
    }
}

extension ResultReader {
    static func periods(_ value: JSONValue) throws(ResultDecodingError) -> [PeriodOutcome] {
        var out: [PeriodOutcome] = []
        for (id, member) in try object(value, ["periods"]).members {
            let here = JSONPath(members: ["periods", id])
            let period = try object(member, here)
            func month(_ name: String) throws(ResultDecodingError) -> YearMonth {
                let text = try string(period[name], here + name)
                guard let month = YearMonth(parsing: text) else {
                    throw ResultDecodingError(path: here + name, message: "\"\(text)\" is not a month (\"2025-01\")")
                }
                return month
            }
            var municipalities: [PeriodAllocation] = []
            for (municipality, value) in try object(period["municipalities"], here + "municipalities").members {
                let at = here + "municipalities" + municipality
                let allocation = try object(value, at)
                municipalities.append(
                    PeriodAllocation(
                        id: municipality, newHomes: try figures(allocation["newHomes"], at + "newHomes"),
                        total: try number(allocation["total"], at + "total"),
                        placements: try figures(allocation["placements"], at + "placements"),
                        care: try figures(allocation["care"], at + "care"),
                        fairShare: try figures(allocation["fairShare"], at + "fairShare"),
                        deviation: try figures(allocation["deviation"], at + "deviation"),
                        tasks: try tasks(allocation["tasks"], at + "tasks"),
                        ranges: try allocation["ranges"].map { value throws(ResultDecodingError) in
                            try ranges(value, at + "ranges")
                        }))
            }
            let at = here + "region"
            let region = try object(period["region"], at)
            var targets: [PeriodTarget] = []
            for (target, value) in try object(region["targets"], at + "targets").members {
                let there = at + "targets" + target
                let outcome = try object(value, there)
                targets.append(
                    PeriodTarget(
                        id: target, share: try number(outcome["share"], there + "share"),
                        minShare: try number(outcome["minShare"], there + "minShare"),
                        arrears: try number(outcome["arrears"], there + "arrears"),
                        met: try bool(outcome["met"], there + "met")))
            }
            out.append(
                PeriodOutcome(
                    id: id, label: try string(period["label"], here + "label"), start: try month("start"),
                    end: try month("end"), isRealised: try bool(period["realised"], here + "realised"),
                    municipalities: municipalities,
                    region: PeriodRegion(
                        newHomes: try figures(region["newHomes"], at + "newHomes"),
                        total: try number(region["total"], at + "total"),
                        placements: try figures(region["placements"], at + "placements"),
                        care: try figures(region["care"], at + "care"), tasks: try tasks(region["tasks"], at + "tasks"),
                        targets: targets,
                        ranges: try region["ranges"].map { value throws(ResultDecodingError) in
                            try ranges(value, at + "ranges")
                        })))
        }
        return out
    }

    static func tasks(_ value: JSONValue?, _ path: JSONPath) throws(ResultDecodingError) -> [String: PeriodTask] {
        var out: [String: PeriodTask] = [:]
        for (id, member) in try object(value, path).members {
            let at = path + id
            let task = try object(member, at)
            out[id] = PeriodTask(
                task: try number(task["task"], at + "task"), arrears: try number(task["arrears"], at + "arrears"),
                corrected: try number(task["corrected"], at + "corrected"),
                delivered: try number(task["delivered"], at + "delivered"),
                remaining: try number(task["remaining"], at + "remaining"),
                pacePerMonth: try number(task["pacePerMonth"], at + "pacePerMonth"))
        }
        return out
    }
}
