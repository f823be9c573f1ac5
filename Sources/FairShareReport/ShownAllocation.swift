import FairShareEngine

/// The whole numbers a report shows for a result's allocation: tables that add up.
///
/// The new homes per municipality and segment are one table, rounded by controlled rounding
/// (FairShareEngine's `ControlledRounding.round(_:)`): every figure becomes its exact value rounded down or up,
/// each municipality's total is the sum of its rounded segments, each segment's regional total the sum of its
/// rounded municipalities, and the region's total the exact total rounded to the nearest whole home. Every total
/// is its exact value rounded to the nearest whole number where a table with those totals keeps every entry
/// within one of its exact value, as it nearly always does. Each priority group and each care quality is a column
/// of its own, rounded the same way, so that the municipalities add up to the regional figure. Values are in
/// homes or placements, whole numbers held as `Double`.
///
/// When controlled rounding cannot take the table (a negative figure beyond rounding noise, or a total above
/// `ControlledRounding.maximumTotal`), each figure is rounded on its own and ``addsUp`` is `false`.
public struct ShownAllocation: Sendable, Hashable {
    /// The whole numbers of one municipality or of the region.
    public struct Figures: Sendable, Hashable {
        /// New homes per segment id, their total, placements per priority-group id, care homes per care-quality id.
        public var newHomes: [String: Double] = [:]
        public var total: Double = 0
        public var placements: [String: Double] = [:]
        public var care: [String: Double] = [:]

        /// The figure of one kind and id (`total` ignores the id); `nil` when there is none.
        public func value(_ kind: ComparedItem.Kind, _ id: String) -> Double? {
            switch kind {
            case .newHomes: newHomes[id]
            case .total: total
            case .placements: placements[id]
            case .care: care[id]
            }
        }
    }

    /// Per municipality id.
    public var municipalities: [String: Figures]
    /// The region's row: the sums of the municipalities' whole numbers.
    public var region: Figures
    /// Whether the totals add up (controlled rounding); `false` when every figure was rounded on its own.
    public var addsUp: Bool

    /// The whole numbers of `result`'s allocation; empty when it has none.
    public init(_ result: FairShareResult) {
        municipalities = [:]
        region = Figures()
        addsUp = true
        guard result.hasAllocation else { return }
        let allocations = result.municipalities
        for allocation in allocations { municipalities[allocation.id] = Figures() }
        do {
            func weight(_ kind: ComparedItem.Kind, _ id: String, _ municipality: String) -> Double {
                result.isFree(kind, id, in: municipality) ? 1 : Self.firmWeight
            }
            let homes = try Self.round(
                allocations.map { a in result.segmentIDs.map { a.newHomes[$0] ?? 0 } },
                weights: allocations.map { a in result.segmentIDs.map { weight(.newHomes, $0, a.id) } })
            for (i, allocation) in allocations.enumerated() {
                for (j, id) in result.segmentIDs.enumerated() {
                    municipalities[allocation.id]?.newHomes[id] = Double(homes.entries[i][j])
                }
                municipalities[allocation.id]?.total = Double(homes.rowTotals[i])
            }
            for (j, id) in result.segmentIDs.enumerated() { region.newHomes[id] = Double(homes.columnTotals[j]) }
            region.total = Double(homes.grandTotal)
            for id in result.groupIDs {
                let column = try Self.round(
                    allocations.map { [$0.placements[id] ?? 0] },
                    weights: allocations.map { [weight(.placements, id, $0.id)] })
                for (i, allocation) in allocations.enumerated() {
                    municipalities[allocation.id]?.placements[id] = Double(column.entries[i][0])
                }
                region.placements[id] = Double(column.grandTotal)
            }
            for id in result.careIDs {
                let column = try Self.round(
                    allocations.map { [$0.care[id] ?? 0] },
                    weights: allocations.map { [weight(.care, id, $0.id)] })
                for (i, allocation) in allocations.enumerated() {
                    municipalities[allocation.id]?.care[id] = Double(column.entries[i][0])
                }
                region.care[id] = Double(column.grandTotal)
            }
        } catch {
            self = Self.roundedAlone(result)
        }
    }

    /// The whole number shown for a figure of a municipality (`nil`: the region).
    public func value(_ kind: ComparedItem.Kind, _ id: String, in municipality: String?) -> Double? {
        guard let municipality else { return region.value(kind, id) }
        return municipalities[municipality]?.value(kind, id)
    }

    /// How much more moving a firm figure costs the rounding than moving a free one: the rounding absorbs the
    /// totals' fractions in the figures the requirements leave free, so a firm 2368.39 is shown as 2368.
    static let firmWeight = 10.0
    /// The exact values are read to this many homes first: the central allocation is defined to 1e-3 of a home,
    /// and two runs that differ below that (solver noise) must show the same whole numbers.
    static let resolution = 1e-3

    /// Controlled rounding of `table` (read to ``resolution``, figures a rounding noise below 0 taken as 0),
    /// minimising Σ weight · |v − a|: with every total its nearest whole number; else with the table first scaled
    /// so that every total is whole, else only the totals that are whole up to the solver's tolerance
    /// (``WholeTotals``), else as it is — the first whose every entry and total stays within one of its exact value.
    private static func round(_ table: [[Double]], weights: [[Double]]) throws -> RoundedTable {
        let noise = ControlledRounding.snapTolerance
        let exact = table.map { $0.map { $0 < 0 && $0 >= -noise ? 0 : ($0 / resolution).rounded() * resolution } }
        if let rounded = try? ControlledRounding.round(exact, weights: weights, nearestTotals: true) {
            return rounded
        }
        for targets in [WholeTotals.Targets.nearest, .nearlyWhole] {
            guard let adjusted = WholeTotals.adjusted(exact, targets),
                let rounded = try? ControlledRounding.round(adjusted, weights: weights), isNear(rounded, exact)
            else { continue }
            return rounded
        }
        return try ControlledRounding.round(exact, weights: weights)
    }

    /// Whether every entry and every row and column total of `rounded` is within one of `exact`'s.
    private static func isNear(_ rounded: RoundedTable, _ exact: [[Double]]) -> Bool {
        func near(_ whole: Int, _ value: Double) -> Bool { abs(Double(whole) - value) < 1 }
        let columns = exact.first?.count ?? 0
        return zip(rounded.entries.joined(), exact.joined()).allSatisfy(near)
            && zip(rounded.rowTotals, exact.map { $0.reduce(0, +) }).allSatisfy(near)
            && zip(rounded.columnTotals, (0..<columns).map { j in exact.reduce(0) { $0 + $1[j] } }).allSatisfy(near)
    }

    /// Every figure rounded on its own, the regional figures from the result's exact totals.
    private static func roundedAlone(_ result: FairShareResult) -> ShownAllocation {
        func whole(_ values: [String: Double]) -> [String: Double] { values.mapValues { $0.rounded() } }
        var shown = ShownAllocation(municipalities: [:], region: Figures(), addsUp: false)
        for allocation in result.municipalities {
            shown.municipalities[allocation.id] = Figures(
                newHomes: whole(allocation.newHomes),
                total: allocation.total.rounded(), placements: whole(allocation.placements),
                care: whole(allocation.care))
        }
        shown.region = Figures(
            newHomes: whole(result.region.newHomes), total: result.region.total.rounded(),
            placements: Dictionary(result.region.priorityGroups.map { ($0.id, $0.placed.rounded()) }) { a, _ in a },
            care: Dictionary(result.region.care.map { ($0.id, $0.placed.rounded()) }) { a, _ in a })
        return shown
    }

    private init(municipalities: [String: Figures], region: Figures, addsUp: Bool) {
        self.municipalities = municipalities
        self.region = region
        self.addsUp = addsUp
    }
}

extension AllocationRanges {
    /// The range of one figure: a segment's new homes, all new homes, a group's placements or a care quality's
    /// homes; `nil` when there is no such figure.
    func figure(_ kind: ComparedItem.Kind, _ id: String) -> FigureRange? {
        switch kind {
        case .newHomes: newHomes[id]
        case .total: total
        case .placements: placements[id]
        case .care: care[id]
        }
    }
}

extension FairShareResult {
    /// The range of a figure of a municipality (`nil`: the region) over every equally good allocation; `nil`
    /// without ranges (`allocation: "any"`) or when the result has no such figure.
    public func range(_ kind: ComparedItem.Kind, _ id: String, in municipality: String?) -> FigureRange? {
        let ranges: AllocationRanges?
        if let municipality {
            ranges = municipalities.first { $0.id == municipality }?.ranges
        } else {
            ranges = region.ranges
        }
        return ranges?.figure(kind, id)
    }

    /// Whether a figure is *free* (docs/model.md §8): it has a range wider than half a home or placement.
    public func isFree(_ kind: ComparedItem.Kind, _ id: String, in municipality: String?) -> Bool {
        range(kind, id, in: municipality).map { !$0.isFirm } ?? false
    }
}
