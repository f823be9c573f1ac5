import FairShareScenario

extension FairShareResult {
    /// The result as the `fairshare-result/1` document of docs/model.md §6, members in a fixed order.
    public var json: JSONValue {
        func figures(_ values: [String: Double], _ order: [String]) -> JSONValue {
            .object(JSONObject(order.compactMap { id in values[id].map { (id, JSONValue.number($0)) } }))
        }
        var top: [(String, JSONValue)] = [
            ("format", .string("fairshare-result/1")),
            ("scenario", .string(scenario)),
            ("variant", variant.map(JSONValue.string) ?? .null),
            ("status", .string(status.rawValue)),
        ]
        if let failure { top.append(("failure", .string(failure.description))) }
        top.append(("objective", .object(JSONObject(objective.map { ($0.level.rawValue, .number($0.value)) }))))
        if let mipGap { top.append(("mipGap", .number(mipGap))) }
        if let fairnessProfile { top.append(("fairnessProfile", .array(fairnessProfile.map(JSONValue.number)))) }
        if hasAllocation { top.append(("allocation", .string(allocation.rawValue))) }
        if let wholeNumbers {
            top.append(
                (
                    "wholeNumbers",
                    .object(
                        JSONObject([
                            ("distance", .number(wholeNumbers.distance)),
                            (
                                "achieved",
                                .object(
                                    JSONObject(wholeNumbers.achieved.map { ($0.level.rawValue, .number($0.value)) }))
                            ),
                        ]))
                ))
        }
        // The scenario's ids in its order: the order of every table, and what a reader of a failed result (which
        // has no figures) still needs.
        top.append(
            (
                "ids",
                .object(
                    JSONObject(
                        [
                            ("segments", .array(segmentIDs.map(JSONValue.string))),
                            ("priorityGroups", .array(groupIDs.map(JSONValue.string))),
                            ("care", .array(careIDs.map(JSONValue.string))),
                            ("fairItems", .array(fairItemIDs.map(JSONValue.string))),
                            ("targets", .array(region.targets.map { JSONValue.string($0.id) })),
                        ] + (periods.isEmpty ? [] : [("periods", .array(periods.map { JSONValue.string($0.id) }))])))
            ))
        top.append(
            (
                "municipalities",
                .object(
                    JSONObject(
                        municipalities.map { municipality in
                            (
                                municipality.id,
                                .object(
                                    JSONObject(
                                        [
                                            ("name", .string(municipality.name)),
                                            ("newHomes", figures(municipality.newHomes, segmentIDs)),
                                            ("total", .number(municipality.total)),
                                            ("stockShareBefore", figures(municipality.stockShareBefore, segmentIDs)),
                                            ("stockShareAfter", figures(municipality.stockShareAfter, segmentIDs)),
                                            ("placements", figures(municipality.placements, groupIDs)),
                                            ("care", figures(municipality.care, careIDs)),
                                            ("fairShare", figures(municipality.fairShare, fairItemIDs)),
                                            ("deviation", figures(municipality.deviation, fairItemIDs)),
                                        ] + (municipality.ranges.map { [("ranges", rangesJSON($0))] } ?? [])
                                            + (municipality.obligations.isEmpty
                                                ? [] : [("obligations", obligationsJSON(municipality.obligations))])
                                            + (municipality.alternatives.isEmpty
                                                ? []
                                                : [
                                                    (
                                                        "alternatives",
                                                        .object(
                                                            JSONObject(
                                                                municipality.alternatives.map { chosen in
                                                                    (
                                                                        chosen.rule,
                                                                        .object(
                                                                            JSONObject([
                                                                                (
                                                                                    "option",
                                                                                    .number(Double(chosen.option))
                                                                                ),
                                                                                (
                                                                                    "segments",
                                                                                    .array(
                                                                                        chosen.segments.map(
                                                                                            JSONValue.string))
                                                                                ),
                                                                                (
                                                                                    "minNewShare",
                                                                                    .number(chosen.minNewShare)
                                                                                ),
                                                                                ("share", .number(chosen.share)),
                                                                            ]))
                                                                    )
                                                                }))
                                                    )
                                                ])))
                            )
                        }))
            ))
        top.append(
            (
                "region",
                .object(
                    JSONObject(
                        [
                            ("newHomes", figures(region.newHomes, segmentIDs)),
                            ("total", .number(region.total)),
                            (
                                "targets",
                                .object(
                                    JSONObject(
                                        region.targets.map { target in
                                            (
                                                target.id,
                                                .object(
                                                    JSONObject([
                                                        ("share", .number(target.share)),
                                                        ("minShare", .number(target.minShare)),
                                                        ("maxShare", .number(target.maxShare)),
                                                        ("met", .bool(target.met)),
                                                        ("shortfall", .number(target.shortfall)),
                                                    ]))
                                            )
                                        }))
                            ),
                            ("priorityGroups", demands(region.priorityGroups)),
                            ("care", demands(region.care)),
                        ] + (region.ranges.map { [("ranges", rangesJSON($0))] } ?? [])))
            ))
        if !periods.isEmpty { top.append(("periods", periodsJSON(ranges: rangesJSON))) }
        if !warnings.isEmpty {
            top.append(
                (
                    "warnings",
                    .array(
                        warnings.map { warning in
                            .object(
                                JSONObject([
                                    ("kind", .string(warning.kind.rawValue)),
                                    ("path", .string(warning.path.description)),
                                    ("message", .string(warning.message)),
                                ]))
                        })
                ))
        }
        if let diagnosis { top.append(("diagnosis", diagnosis.json)) }
        return .object(JSONObject(top))
    }

    /// The result as JSON text (what `fairshare solve --format json` prints).
    public var jsonText: String { JSONWriter.text(json) }

    /// `ranges`: shaped like the figures they bound; `"max": null` when nothing bounds a figure from above.
    private func rangesJSON(_ ranges: AllocationRanges) -> JSONValue {
        func range(_ range: FigureRange) -> JSONValue {
            .object(
                JSONObject([("min", .number(range.min)), ("max", range.max.isFinite ? .number(range.max) : .null)]))
        }
        func ranged(_ values: [String: FigureRange], _ order: [String]) -> JSONValue {
            .object(JSONObject(order.compactMap { id in values[id].map { (id, range($0)) } }))
        }
        return .object(
            JSONObject([
                ("newHomes", ranged(ranges.newHomes, segmentIDs)),
                ("placements", ranged(ranges.placements, groupIDs)),
                ("care", ranged(ranges.care, careIDs)),
                ("total", range(ranges.total)),
            ]))
    }

    /// `obligations`: per rule, the decision (`measured`, `threshold` and its `thresholdKind`, `side`), the
    /// requirement that applies (`segments`, `minNewShare`) and the `share` reached.
    private func obligationsJSON(_ outcomes: [ObligationOutcome]) -> JSONValue {
        .object(
            JSONObject(
                outcomes.map { outcome in
                    let decided = outcome.decided
                    return (
                        decided.rule,
                        .object(
                            JSONObject([
                                ("measured", .number(decided.measured)),
                                ("threshold", .number(decided.threshold)),
                                ("thresholdKind", .string(decided.thresholdKind.rawValue)),
                                ("side", .string(decided.side.rawValue)),
                                ("segments", .array(decided.applies.segments.map(JSONValue.string))),
                                ("minNewShare", .number(decided.applies.minNewShare)),
                                ("share", .number(outcome.share)),
                                ("reason", .string(decided.reason)),
                            ]))
                    )
                }))
    }

    private func demands(_ outcomes: [DemandOutcome]) -> JSONValue {
        .object(
            JSONObject(
                outcomes.map { outcome in
                    (
                        outcome.id,
                        .object(
                            JSONObject([
                                ("placed", .number(outcome.placed)),
                                ("shortfall", .number(outcome.shortfall)),
                            ]))
                    )
                }))
    }
}

extension Diagnosis {
    /// The `diagnosis` section of a result: each change with its path, current and suggested value.
    public var json: JSONValue {
        .object(
            JSONObject(
                [
                    ("verified", .bool(verified)),
                    (
                        "changes",
                        .array(
                            changes.map { change in
                                .object(
                                    JSONObject([
                                        ("path", .string(change.requirement.path.description)),
                                        ("requirement", .string(change.requirement.family)),
                                        ("unit", .string(change.requirement.unit.rawValue)),
                                        ("side", .string(change.requirement.side.rawValue)),
                                        (
                                            "municipality",
                                            change.requirement.municipality.map(JSONValue.string) ?? .null
                                        ),
                                        ("current", .number(change.requirement.value)),
                                        ("suggested", .number(change.suggested)),
                                        ("difference", .number(FairShare.clean(change.difference, digits: 9))),
                                    ]))
                            })
                    ),
                    ("patch", patch),
                ] + (unavailable.map { [("unavailable", JSONValue.string($0.rawValue))] } ?? [])))
    }
}
