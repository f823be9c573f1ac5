import LinearModel

/// One number of the allocation whose range over the optimal face is reported: a municipality's new homes of a
/// segment (x_is), placements of a priority group (y_ig) or homes of a care quality (z_ic) — the *allocated*
/// figures — and the derived totals: a municipality's new homes (N_i) and the regional totals (X_s, Y_g, Z_c, N).
/// Every figure is one variable of the ``Formulation``.
struct Figure: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case newHomes(segment: Int)
        case placements(group: Int)
        case care(quality: Int)
        case total
    }

    var kind: Kind
    /// The municipality's position in the scenario, or `nil` for a regional total.
    var municipality: Int?
    var variable: Variable
    /// The period's position (docs/model.md §9), or `nil` for the horizon.
    var period: Int? = nil
    /// Whether the central allocation places this figure (x, y or z; per period when the scenario has two periods
    /// or more); totals, and with periods the horizon's figures, follow from those.
    var isAllocated: Bool

    init(kind: Kind, municipality: Int?, variable: Variable, period: Int? = nil, phased: Bool = false) {
        self.kind = kind
        self.municipality = municipality
        self.variable = variable
        self.period = period
        isAllocated = municipality != nil && kind != .total && (phased == (period != nil))
    }
}

extension Formulation {
    /// Every figure, municipality by municipality (segments, groups, care qualities, total), then the region's;
    /// with two periods or more, then the same for every planned period (a realised period's figures are facts).
    var figures: [Figure] {
        var figures = Self.figures(
            newHomes: newHomes, placements: placements, careHomes: careHomes, totals: totals,
            regional: (regionalNewHomes, regionalPlacements, regionalCare, regionalTotal), period: nil,
            phased: isPhased)
        guard isPhased else { return figures }
        for t in realisedPeriods..<periods.count {
            let p = periods[t]
            figures += Self.figures(
                newHomes: p.newHomes, placements: p.placements, careHomes: p.careHomes, totals: p.totals,
                regional: (p.regionalNewHomes, p.regionalPlacements, p.regionalCare, p.regionalTotal), period: t,
                phased: true)
        }
        return figures
    }

    private static func figures(
        newHomes: [[Variable]], placements: [[Variable]], careHomes: [[Variable]], totals: [Variable],
        regional: (newHomes: [Variable], placements: [Variable], care: [Variable], total: Variable), period: Int?,
        phased: Bool
    ) -> [Figure] {
        var figures: [Figure] = []
        func add(_ kind: Figure.Kind, _ i: Int?, _ v: Variable) {
            figures.append(Figure(kind: kind, municipality: i, variable: v, period: period, phased: phased))
        }
        for i in newHomes.indices {
            for (s, v) in newHomes[i].enumerated() { add(.newHomes(segment: s), i, v) }
            for (g, v) in placements[i].enumerated() { add(.placements(group: g), i, v) }
            for (c, v) in careHomes[i].enumerated() { add(.care(quality: c), i, v) }
            add(.total, i, totals[i])
        }
        for (s, v) in regional.newHomes.enumerated() { add(.newHomes(segment: s), nil, v) }
        for (g, v) in regional.placements.enumerated() { add(.placements(group: g), nil, v) }
        for (c, v) in regional.care.enumerated() { add(.care(quality: c), nil, v) }
        add(.total, nil, regional.total)
        return figures
    }
}
