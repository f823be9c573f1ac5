/// Writes a ``ScenarioDefinition`` as the scenario document a file would hold, so that a definition built in
/// code is validated by the same reader, with the same paths, as a file.
///
/// Everything in the definition is written, including what the reader will reject (a negative count, an unknown
/// segment in a municipality's `stock`, a non-finite number): validation decides, not the writer. Maps keyed by
/// segment, group or care-quality id list the declared ids first, in declaration order, then any others by id.
enum ScenarioWriter {
    static func document(of definition: ScenarioDefinition) -> JSONValue {
        var top: [(String, JSONValue)] = [("format", .string(Scenario.format)), ("name", .string(definition.name))]
        if let description = definition.description { top.append(("description", .string(description))) }
        if !definition.sources.isEmpty { top.append(("sources", .array(definition.sources.map(JSONValue.string)))) }
        if let language = definition.language { top.append(("language", .string(language.rawValue))) }
        if let horizon = definition.horizon {
            top.append(
                (
                    "horizon",
                    object([
                        ("start", .number(Double(horizon.start))),
                        ("end", .number(Double(horizon.end))),
                    ])
                ))
        }
        top.append(("segments", object(definition.segments.map { ($0.id, segment($0)) })))
        top.append(
            (
                "region",
                object([
                    ("newHomes", range(definition.region.newHomes)),
                    ("targets", object(definition.region.targets.map { ($0.id, target($0)) })),
                ])
            ))
        if !definition.priorityGroups.isEmpty {
            top.append(
                (
                    "priorityGroups",
                    object(
                        definition.priorityGroups.map { group in
                            (
                                group.id,
                                object(
                                    [
                                        ("label", .string(group.label)), ("demand", range(group.demand)),
                                        ("key", key(group.key)), ("mode", .string(group.mode.rawValue)),
                                        ("weight", .number(group.weight)),
                                        ("carryOver", carryOver(group.carryOver)),
                                    ] + (group.statutory.map { [("statutory", statutory($0))] } ?? []))
                            )
                        })
                ))
        }
        if !definition.careQualities.isEmpty {
            top.append(
                (
                    "care",
                    object(
                        definition.careQualities.map { quality in
                            (
                                quality.id,
                                object([
                                    ("label", .string(quality.label)), ("demand", range(quality.demand)),
                                    ("key", key(quality.key)),
                                    ("maxShareOfNewHomes", .number(quality.maxShareOfNewHomes)),
                                    ("mode", .string(quality.mode.rawValue)), ("weight", .number(quality.weight)),
                                    ("carryOver", carryOver(quality.carryOver)),
                                ])
                            )
                        })
                ))
        }
        let segmentIDs = definition.segments.map(\.id)
        let groupIDs = definition.priorityGroups.map(\.id)
        let careIDs = definition.careQualities.map(\.id)
        top.append(
            (
                "municipalities",
                object(
                    definition.municipalities.map { municipality in
                        (
                            municipality.id,
                            self.municipality(municipality, segments: segmentIDs, groups: groupIDs, care: careIDs)
                        )
                    })
            ))
        if !definition.periods.isEmpty {
            top.append(("periods", object(definition.periods.map { ($0.id, period($0)) })))
        }
        let monitoring = definition.monitoring
        let categories = monitoring.categories
        top.append(
            (
                "monitoring",
                object(
                    (monitoring.asOf.map { [("asOf", JSONValue.string($0))] } ?? []) + [
                        (
                            "categories",
                            object([
                                ("onTrack", .number(categories.onTrack)), ("behind", .number(categories.behind)),
                                ("wellBehind", .number(categories.wellBehind)),
                            ])
                        )
                    ])
            ))
        top.append(
            (
                "fairness",
                object([
                    ("norm", .string(definition.fairness.norm.rawValue)),
                    ("over", .string(definition.fairness.over.rawValue)),
                ])
            ))
        let solver = definition.solver
        top.append(
            (
                "solver",
                object([
                    ("integer", .bool(solver.integer)), ("mipGap", .number(solver.mipGap)),
                    ("timeLimit", .number(solver.timeLimit)), ("method", .string(solver.method.rawValue)),
                    ("allocation", .string(solver.allocation.rawValue)),
                ])
            ))
        if !definition.variants.isEmpty {
            top.append(
                (
                    "variants",
                    object(
                        definition.variants.map { variant in
                            (
                                variant.id,
                                object(
                                    (variant.description.map { [("description", JSONValue.string($0))] } ?? [])
                                        + [("patch", variant.patch)])
                            )
                        })
                ))
        }
        return object(top)
    }

    /// Ids given twice in one collection of a definition (a file cannot hold them: its parser rejects a repeated
    /// member name), one issue per repetition at the id's path.
    static func repeatedIDs(in definition: ScenarioDefinition) -> [ScenarioIssue] {
        var issues: [ScenarioIssue] = []
        func check(_ ids: [String], _ path: JSONPath) {
            var seen: Set<String> = []
            for id in ids where !seen.insert(id).inserted {
                issues.append(
                    ScenarioIssue(
                        .invalidID, at: path + id,
                        "the id \"\(id)\" is given twice here; "
                            + "ids must be unique"))
            }
        }
        check(definition.segments.map(\.id), ["segments"])
        check(definition.region.targets.map(\.id), ["region", "targets"])
        check(definition.priorityGroups.map(\.id), ["priorityGroups"])
        check(definition.careQualities.map(\.id), ["care"])
        check(definition.municipalities.map(\.id), ["municipalities"])
        for municipality in definition.municipalities {
            check(municipality.alternatives.map(\.id), ["municipalities", .member(municipality.id), "alternatives"])
            check(municipality.obligations.map(\.id), ["municipalities", .member(municipality.id), "obligations"])
        }
        check(definition.variants.map(\.id), ["variants"])
        check(definition.periods.map(\.id), ["periods"])
        return issues
    }

    static func statutory(_ task: StatutoryTask) -> JSONValue {
        object(
            [
                ("nationalNumber", .number(task.nationalNumber)),
                ("nationalPopulation", .number(task.nationalPopulation)),
            ]
                + (task.population.map { [("population", JSONValue.string($0))] } ?? [])
                + [("swaps", object(task.swaps.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) }))])
    }

    static func segment(_ segment: Segment) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("label", .string(segment.label)),
            ("affordable", .bool(segment.affordable)), ("lettable", .bool(segment.lettable)),
        ]
        switch segment.fair {
        case nil: break
        case .proportional(let fairKey)?:
            members.append(
                (
                    "fair",
                    object([
                        ("rule", .string("proportional")), ("key", key(fairKey)),
                        ("weight", .number(segment.fairWeight)),
                    ])
                ))
        case .converge(let share)?:
            members.append(
                (
                    "fair",
                    object(
                        [("rule", .string("converge"))]
                            + (share.map { [("targetShare", JSONValue.number($0))] } ?? [])
                            + [("weight", .number(segment.fairWeight))])
                ))
        }
        return object(members)
    }

    static func target(_ target: Target) -> JSONValue {
        object(
            [
                ("segments", .array(target.segments.map(JSONValue.string))), ("minShare", .number(target.minShare)),
                ("maxShare", .number(target.maxShare)), ("mode", .string(target.mode.rawValue)),
                ("weight", .number(target.weight)),
            ] + (target.perPeriod.map { [("perPeriod", carryOver($0))] } ?? []))
    }

    static func carryOver(_ rule: CarryOver) -> JSONValue {
        object([("arrears", .string(rule.arrears.rawValue)), ("surplus", .string(rule.surplus.rawValue))])
    }

    static func period(_ period: Period) -> JSONValue {
        object([
            ("label", .string(period.label)), ("start", .string(period.start.description)),
            ("end", .string(period.end.description)), ("newHomes", range(period.newHomes)),
            (
                "priorityGroups",
                object(
                    period.priorityGroups.sorted { $0.key < $1.key }.map {
                        ($0.key, object([("demand", range($0.value))]))
                    })
            ),
            (
                "care",
                object(period.care.sorted { $0.key < $1.key }.map { ($0.key, object([("demand", range($0.value))])) })
            ),
        ])
    }

    static func municipality(
        _ municipality: Municipality, segments: [String], groups: [String], care: [String]
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(municipality.name))]
        if let population = municipality.population { members.append(("population", .number(population))) }
        if let households = municipality.households { members.append(("households", .number(households))) }
        members.append(("stock", keyed(municipality.stock, first: segments, JSONValue.number)))
        members.append(("newHomes", range(municipality.newHomes)))
        members.append(("realised", keyed(municipality.realised, first: segments, JSONValue.number)))
        members.append(("limits", keyed(municipality.limits, first: segments, limits)))
        members.append(("lettings", .number(municipality.lettings)))
        members.append(("maxPriorityShare", .number(municipality.maxPriorityShare)))
        members.append(("placements", keyed(municipality.placements, first: groups, range)))
        members.append(("care", keyed(municipality.care, first: care, range)))
        members.append(("attributes", keyed(municipality.attributes, first: [], JSONValue.number)))
        if !municipality.alternatives.isEmpty {
            members.append(
                (
                    "alternatives",
                    object(
                        municipality.alternatives.map { rule in
                            (
                                rule.id,
                                .array(
                                    rule.options.map { option in
                                        object([
                                            ("segments", .array(option.segments.map(JSONValue.string))),
                                            ("minNewShare", .number(option.minNewShare)),
                                        ])
                                    })
                            )
                        })
                ))
        }
        if !municipality.housed.isEmpty {
            members.append(("housed", keyed(municipality.housed, first: groups, JSONValue.number)))
        }
        if !municipality.stockChanges.isEmpty {
            let changes = municipality.stockChanges
            members.append(
                (
                    "stockChanges",
                    object([
                        ("demolition", keyed(changes.demolition, first: segments, JSONValue.number)),
                        (
                            "transfers",
                            .array(
                                changes.transfers.map { transfer in
                                    object([
                                        ("from", .string(transfer.from)), ("to", .string(transfer.to)),
                                        ("homes", .number(transfer.homes)), ("kind", .string(transfer.kind.rawValue)),
                                    ])
                                })
                        ),
                    ])
                ))
        }
        if !municipality.obligations.isEmpty {
            members.append(("obligations", object(municipality.obligations.map { ($0.id, obligation($0)) })))
        }
        if !municipality.periods.isEmpty {
            members.append(
                (
                    "periods",
                    object(
                        municipality.periods.sorted { $0.key < $1.key }.map { id, period in
                            (
                                id,
                                object([
                                    ("newHomes", range(period.newHomes)),
                                    (
                                        "realised",
                                        keyed(period.realised, first: segments + groups + care, JSONValue.number)
                                    ),
                                ])
                            )
                        })
                ))
        }
        return object(members)
    }

    static func obligation(_ rule: Obligation) -> JSONValue {
        let measure: JSONValue
        switch rule.measure {
        case .stockShare(let segments): measure = object([("segments", .array(segments.map(JSONValue.string)))])
        case .attribute(let name): measure = object([("attribute", .string(name))])
        }
        let threshold: JSONValue
        switch rule.threshold {
        case .share(let share): threshold = .number(share)
        case .regionalAverage: threshold = .string("regional")
        case .nationalAverage(let share): threshold = object([("national", .number(share))])
        }
        func option(_ option: AlternativeOption) -> JSONValue {
            object([
                ("segments", .array(option.segments.map(JSONValue.string))),
                ("minNewShare", .number(option.minNewShare)),
            ])
        }
        return object([
            ("measure", measure), ("threshold", threshold), ("below", option(rule.below)),
            ("atOrAbove", option(rule.atOrAbove)),
        ])
    }

    static func limits(_ limits: SegmentLimits) -> JSONValue {
        let sides: [(String, Double?)] = [
            ("min", limits.min), ("max", limits.max),
            ("minNewShare", limits.minNewShare), ("maxNewShare", limits.maxNewShare),
            ("minStockShare", limits.minStockShare), ("maxStockShare", limits.maxStockShare),
        ]
        return object(sides.compactMap { name, value in value.map { (name, JSONValue.number($0)) } })
    }

    /// A `Range`: `{"min": a}` or `{"min": a, "max": b}`; an infinite max is left out (none).
    static func range(_ range: CountRange) -> JSONValue {
        object([("min", .number(range.min))] + (range.max == .infinity ? [] : [("max", .number(range.max))]))
    }

    /// A key: the attribute's name when it is one attribute of weight 1, otherwise an object of weights.
    static func key(_ key: Key) -> JSONValue {
        if key.weights.count == 1 && key.weights[0].weight == 1 { return .string(key.weights[0].attribute) }
        return object(key.weights.map { ($0.attribute, .number($0.weight)) })
    }

    static func keyed<Value>(
        _ values: [String: Value], first order: [String], _ write: (Value) -> JSONValue
    ) -> JSONValue {
        let declared = order.filter { values[$0] != nil }
        let others = values.keys.filter { !order.contains($0) }.sorted()
        return object((declared + others).map { ($0, write(values[$0]!)) })
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }
}
