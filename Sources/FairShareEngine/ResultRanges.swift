import FairShareScenario

extension FairShare {
    /// Puts each figure's range into the result (per municipality and for the region) and warns about every
    /// regional total that no requirement decides.
    static func attach(
        _ ranges: [FigureRange], _ figures: [Figure], to result: inout FairShareResult, scenario: Scenario
    ) {
        let empty = AllocationRanges(newHomes: [:], placements: [:], care: [:], total: FigureRange(min: 0, max: 0))
        var local = Array(repeating: empty, count: scenario.municipalities.count)
        var region = empty
        var periodLocal = result.periods.map { _ in local }
        var periodRegion: [AllocationRanges?] = result.periods.map { _ in nil }
        for (figure, solved) in zip(figures, ranges) {
            let range = FigureRange(min: clean(solved.min), max: solved.max.isFinite ? clean(solved.max) : .infinity)
            func put(_ ranges: inout AllocationRanges) {
                switch figure.kind {
                case .newHomes(let s): ranges.newHomes[scenario.segments[s].id] = range
                case .placements(let g): ranges.placements[scenario.priorityGroups[g].id] = range
                case .care(let c): ranges.care[scenario.careQualities[c].id] = range
                case .total: ranges.total = range
                }
            }
            if let t = figure.period, t < periodLocal.count {
                if let i = figure.municipality {
                    put(&periodLocal[t][i])
                } else {
                    var ranges = periodRegion[t] ?? empty
                    put(&ranges)
                    periodRegion[t] = ranges
                }
            } else if let i = figure.municipality {
                put(&local[i])
            } else {
                put(&region)
            }
            if figure.isAllocated, !range.max.isFinite, let i = figure.municipality {
                result.warnings.append(
                    unboundedWarning(
                        figure, municipality: scenario.municipalities[i],
                        scenario: scenario, period: figure.period.map { scenario.periods[$0] }))
            }
        }
        for i in result.municipalities.indices { result.municipalities[i].ranges = local[i] }
        for t in result.periods.indices where periodRegion[t] != nil {
            for i in result.periods[t].municipalities.indices {
                result.periods[t].municipalities[i].ranges = periodLocal[t][i]
            }
            result.periods[t].region.ranges = periodRegion[t]
        }
        result.region.ranges = region
        result.warnings += freeTotalWarnings(region, scenario: scenario)
    }

    /// Nothing bounds an allocated figure from above at the same optima: it has no middle, so the central
    /// allocation leaves it where its last stage put it. Names the figure and what would bound it.
    static func unboundedWarning(
        _ figure: Figure, municipality: Municipality, scenario: Scenario, period: Period? = nil
    ) -> ResultWarning {
        // A period's figure is named by the municipality's entry for that period (docs/model.md §9).
        let here =
            JSONPath(members: ["municipalities", municipality.id]) + (period.map { ["periods", .member($0.id)] } ?? [])
        let (path, what, fix): (JSONPath, String, String)
        switch figure.kind {
        case .newHomes(let s):
            let segment = scenario.segments[s]
            (path, what, fix) = (
                here + "newHomes", "\(segment.label) homes in \(municipality.name)",
                "a newHomes.max for the municipality or a limits.\(segment.id).max"
            )
        case .placements(let g):
            let group = scenario.priorityGroups[g]
            (path, what, fix) =
                period.map { period in
                    (
                        JSONPath(members: ["periods", period.id, "priorityGroups", group.id, "demand"]),
                        "\(group.label) in \(municipality.name)", "a demand.max for the group in this period"
                    )
                } ?? (
                    here + "placements" + group.id, "\(group.label) in \(municipality.name)",
                    "a demand.max for the group or a placements.\(group.id).max"
                )
        case .care(let c):
            let quality = scenario.careQualities[c]
            (path, what, fix) =
                period.map { period in
                    (
                        JSONPath(members: ["periods", period.id, "care", quality.id, "demand"]),
                        "\(quality.label) homes in \(municipality.name)",
                        "a demand.max for the care quality in this period"
                    )
                } ?? (
                    here + "care" + quality.id, "\(quality.label) homes in \(municipality.name)",
                    "a demand.max for the care quality or a care.\(quality.id).max"
                )
        case .total:
            (path, what, fix) = (here + "newHomes", "new homes in \(municipality.name)", "a newHomes.max")
        }
        return ResultWarning(
            .unboundedFigure, path: path,
            "nothing limits the \(what)\(period.map { " in \($0.label)" } ?? "") from above at the same optima, so the figure has no middle and is shown where "
                + "the solver left it; \(fix) would bound it")
    }

    /// One warning per regional total that can move by more than half a home at the same optima, naming what
    /// would decide it.
    static func freeTotalWarnings(_ region: AllocationRanges, scenario: Scenario) -> [ResultWarning] {
        var warnings: [ResultWarning] = []
        func span(_ range: FigureRange, _ unit: String) -> String {
            let high = range.max.isFinite ? JSONWriter.number(range.max.rounded()) : "no limit"
            return "anything from \(JSONWriter.number(range.min.rounded())) to \(high) \(unit)"
        }
        if !region.total.isFirm {
            warnings.append(
                ResultWarning(
                    .freeTotal, path: "region.newHomes",
                    "no requirement decides the region's total of new homes: it can be \(span(region.total, "homes")) "
                        + "at the same optima; set region.newHomes to one number, or give it a min and max, to decide it"
                ))
        }
        for segment in scenario.segments {
            guard let range = region.newHomes[segment.id], !range.isFirm else { continue }
            warnings.append(
                ResultWarning(
                    .freeTotal, path: JSONPath(members: ["region", "newHomes", segment.id]),
                    "no requirement decides how many \(segment.label) homes the region builds: it can be "
                        + "\(span(range, "homes")) at the same optima; a regional target on \(segment.id) with minShare "
                        + "and maxShare, a regional programme per segment, or a fair rule for \(segment.id) would decide it"
                ))
        }
        for group in scenario.priorityGroups {
            guard let range = region.placements[group.id], !range.isFirm else { continue }
            warnings.append(
                ResultWarning(
                    .freeTotal, path: JSONPath(members: ["priorityGroups", group.id, "demand"]),
                    "no requirement decides how many \(group.label) the region places: it can be "
                        + "\(span(range, "placements")) at the same optima; a demand of one number would decide it"))
        }
        for quality in scenario.careQualities {
            guard let range = region.care[quality.id], !range.isFirm else { continue }
            warnings.append(
                ResultWarning(
                    .freeTotal, path: JSONPath(members: ["care", quality.id, "demand"]),
                    "no requirement decides how many \(quality.label) homes the region gets: it can be "
                        + "\(span(range, "homes")) at the same optima; a demand of one number would decide it"))
        }
        return warnings
    }
}

/// The value each level of docs/model.md §5 takes at a given allocation (for whole-number runs, whose allocation is
/// not the levels' optimum): computed from the allocation itself, not from the solver's auxiliary variables.
enum AchievedLevels {
    static func values(of result: FairShareResult, scenario: Scenario, formulation: Formulation) -> [LevelOptimum] {
        formulation.levels.map { level, _ in
            LevelOptimum(level: level, value: FairShare.clean(value(of: level, result, scenario, formulation)))
        }
    }

    private static func value(
        of level: Level, _ result: FairShareResult, _ scenario: Scenario, _ formulation: Formulation
    ) -> Double {
        switch level {
        case .shortfall:
            var total = 0.0
            for target in scenario.region.targets where target.mode == .soft {
                let inTarget = target.segments.reduce(0) { $0 + (result.region.newHomes[$1] ?? 0) }
                let homes = result.region.total
                total += target.weight * max(0, target.minShare * homes - inTarget, inTarget - target.maxShare * homes)
            }
            for (g, group) in scenario.priorityGroups.enumerated() where group.mode == .soft {
                total += group.weight * max(0, group.demand.min - result.region.priorityGroups[g].placed)
            }
            for (c, quality) in scenario.careQualities.enumerated() where quality.mode == .soft {
                total += quality.weight * max(0, quality.demand.min - result.region.care[c].placed)
            }
            // Per planned period (docs/model.md §9): soft demands corrected by the arrears, soft targets per period.
            for t in formulation.realisedPeriods..<result.periods.count {
                let region = result.periods[t].region
                for item in formulation.ledger.items where item.hasDemand(t) {
                    let soft: Double?
                    let placed: Double
                    if item.kind == .priorityGroup {
                        let group = scenario.priorityGroups[item.index]
                        soft = group.mode == .soft ? group.weight : nil
                        placed = region.placements[item.id] ?? 0
                    } else {
                        let quality = scenario.careQualities[item.index]
                        soft = quality.mode == .soft ? quality.weight : nil
                        placed = region.care[item.id] ?? 0
                    }
                    if let weight = soft {
                        total +=
                            weight * max(0, item.correctedDemand(t, wholeNumbers: scenario.solver.integer).min - placed)
                    }
                }
                for ledger in formulation.ledger.targets {
                    let target = scenario.region.targets[ledger.index]
                    guard target.mode == .soft else { continue }
                    let inTarget = target.segments.reduce(0) { $0 + (region.newHomes[$1] ?? 0) }
                    let homes = region.total
                    total +=
                        target.weight
                        * max(
                            0, target.minShare * homes + ledger.entries[t].arrears - inTarget,
                            inTarget - target.maxShare * homes)
                }
            }
            return total
        case .fairness, .tiebreak:
            // With periods judged one by one (docs/model.md §9), the deviations of the planned periods.
            let phased = formulation.isPhased && scenario.fairness.over == .periods
            let deviations: [[String: Double]] =
                phased
                ? result.periods.dropFirst(formulation.realisedPeriods).flatMap { $0.municipalities.map(\.deviation) }
                : result.municipalities.map(\.deviation)
            let stride = result.municipalities.count
            let relative = formulation.items.map { item in
                deviations.indices.map { k -> Double in
                    let deviation = deviations[k][item.id] ?? 0
                    let size = item.sizes[k % max(1, stride)]
                    return size > 0 ? item.weight * deviation / size : (deviation > 1e-9 ? .infinity : 0)
                }
            }
            let sum = formulation.items.reduce(0.0) { total, item in
                total + item.weight * deviations.reduce(0) { $0 + ($1[item.id] ?? 0) }
            }
            if level == .tiebreak { return sum }
            switch scenario.fairness.norm {
            case .sum: return sum
            case .max: return relative.reduce(0) { $0 + ($1.max() ?? 0) }
            case .leximin: return relative.joined().max() ?? 0
            }
        }
    }
}
