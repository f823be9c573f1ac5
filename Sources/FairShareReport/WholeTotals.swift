/// A table whose row and column totals are made whole numbers before it is rounded, so that the rounded table
/// shows each total as its exact value rounded to the nearest whole number.
///
/// Controlled rounding (``FairShareEngine/ControlledRounding``) rounds every total down or up, whichever lets the
/// entries stay nearest their exact values: Dordrecht's 4,960 new homes, held by the central allocation as
/// 4,959.9977 (the levels are solved to a tolerance), could show as 4959, and the region's 4,196.6 social-rent
/// homes as 4196. Given a table whose totals are already whole, it keeps them. ``adjusted(_:_:)`` scales rows and
/// columns in proportion, in turn, until each total is its target to 5e-7 (at most ``maximumPasses`` passes):
/// iterative proportional fitting. The caller checks that every rounded entry stays within one of its exact value.
enum WholeTotals {
    /// Which totals to make whole.
    enum Targets {
        /// Every row and column total becomes its nearest whole number (halves up), when the rows' and the columns'
        /// rounded totals have the same sum.
        case nearest
        /// Only totals within ``tolerance`` of a whole number (the solver's tolerance) become that number.
        case nearlyWhole
    }

    /// How far from a whole number a total may be to count as that number: a hundredth of a home or placement.
    static let tolerance = 0.01
    static let maximumPasses = 200

    /// `table` (rows × columns, entries ≥ 0) scaled so that its totals are the `targets`; `nil` when no total
    /// changes, or when they cannot all be met.
    static func adjusted(_ table: [[Double]], _ targets: Targets) -> [[Double]]? {
        guard let columns = table.first?.count, columns > 0, table.allSatisfy({ $0.count == columns }),
            table.joined().allSatisfy({ $0.isFinite && $0 >= 0 })
        else { return nil }
        func target(_ total: Double) -> Double? {
            let whole = (total + 0.5).rounded(.down)
            switch targets {
            case .nearest: return whole
            case .nearlyWhole: return abs(whole - total) <= tolerance ? whole : nil
            }
        }
        let rowTargets = table.map { target($0.reduce(0, +)) }
        let columnTargets = (0..<columns).map { j in target(table.reduce(0) { $0 + $1[j] }) }
        if targets == .nearest
            && rowTargets.compactMap({ $0 }).reduce(0, +)
                != columnTargets.compactMap({ $0 }).reduce(0, +)
        {
            return nil
        }
        var result = table
        func met(_ total: Double, _ target: Double?) -> Bool { target.map { abs(total - $0) <= 5e-7 } ?? true }
        func rowTotal(_ i: Int) -> Double { result[i].reduce(0, +) }
        func columnTotal(_ j: Int) -> Double { result.reduce(0) { $0 + $1[j] } }
        if rowTargets.indices.allSatisfy({ met(rowTotal($0), rowTargets[$0]) })
            && columnTargets.indices.allSatisfy({ met(columnTotal($0), columnTargets[$0]) })
        {
            return nil
        }
        for _ in 0..<maximumPasses {
            for (i, wanted) in rowTargets.enumerated() {
                guard let wanted else { continue }
                let total = rowTotal(i)
                if total > 0 { result[i] = result[i].map { $0 * wanted / total } }
            }
            for (j, wanted) in columnTargets.enumerated() {
                guard let wanted else { continue }
                let total = columnTotal(j)
                if total > 0 { for i in result.indices { result[i][j] *= wanted / total } }
            }
            if rowTargets.indices.allSatisfy({ met(rowTotal($0), rowTargets[$0]) })
                && columnTargets.indices.allSatisfy({ met(columnTotal($0), columnTargets[$0]) })
            {
                return result
            }
        }
        return nil
    }
}
