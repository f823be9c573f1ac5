import GLPKSolver
import LinearModel

/// A table of whole numbers whose totals add up: the result of ``ControlledRounding/round(_:)``.
public struct RoundedTable: Sendable, Hashable {
    /// The rounded entries, rows × columns like the input.
    public var entries: [[Int]]
    /// The sum of each row of ``entries``.
    public var rowTotals: [Int]
    /// The sum of each column of ``entries``; empty when the table has no columns.
    public var columnTotals: [Int]
    /// The sum of all entries.
    public var grandTotal: Int

    /// The table of `entries` with its totals.
    public init(entries: [[Int]]) {
        self.entries = entries
        rowTotals = entries.map { $0.reduce(0, +) }
        let columns = entries.first?.count ?? 0
        columnTotals = (0..<columns).map { j in entries.reduce(0) { $0 + $1[j] } }
        grandTotal = rowTotals.reduce(0, +)
    }
}

/// Why ``ControlledRounding/round(_:)`` refused a table: found in Swift before GLPK sees anything. Rows and
/// columns count from 0.
public enum ControlledRoundingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Row `row` has `columns` entries where row 0 has `expected`.
    case raggedRow(row: Int, columns: Int, expected: Int)
    /// The entry is NaN or infinite.
    case notFinite(row: Int, column: Int)
    /// The entry is below 0.
    case negative(row: Int, column: Int)
    /// The entry's weight is missing or not a finite number > 0.
    case badWeight(row: Int, column: Int)
    /// No rounding of the table has every total at its nearest whole number (``ControlledRounding/round(_:weights:nearestTotals:)``).
    case noTableWithNearestTotals
    /// The grand total is above ``ControlledRounding/maximumTotal``.
    case tooLarge(grandTotal: Double)
    /// GLPK did not return an integral optimum, which the formulation rules out: a bug, described in `reason`.
    case solverFailed(reason: String)

    public var description: String {
        switch self {
        case .raggedRow(let row, let columns, let expected):
            "row \(row): \(columns) entries where row 0 has \(expected); every row needs the same number"
        case .notFinite(let row, let column):
            "row \(row), column \(column): the entry is NaN or infinite; entries must be finite numbers ≥ 0"
        case .negative(let row, let column):
            "row \(row), column \(column): the entry is negative; entries must be finite numbers ≥ 0"
        case .badWeight(let row, let column):
            "row \(row), column \(column): the weight is missing or not a finite number > 0; give one per entry"
        case .noTableWithNearestTotals:
            "no rounding of the table keeps every row and column total at its nearest whole number"
        case .tooLarge(let grandTotal):
            "the grand total is \(grandTotal); it must be at most \(ControlledRounding.maximumTotal)"
        case .solverFailed(let reason):
            "controlled rounding failed: \(reason)"
        }
    }
}

/// Controlled rounding of a two-way table (Cox 1987, "A constructive procedure for unbiased controlled rounding"):
/// "tables that add up".
///
/// Every entry a becomes ⌊a⌋ or ⌈a⌉ (whole entries stay), every row and column total becomes ⌊r⌋ or ⌈r⌉ of its
/// exact total and is the sum of its rounded entries, and the grand total is G rounded to the nearest whole
/// number, halves up. Among all such tables the result minimises Σ |v − a| over the entries, then Σ |t − r| over
/// the row and column totals; remaining ties are broken by GLPK's simplex path, so the same table always gives
/// the same result.
///
/// The rounding is a flow from a source through one node per row, one arc per entry and one node per column to
/// a sink, each arc between the floor and the ceiling of its exact value and the flow fixed at the rounded grand
/// total. The exact table is a fractional flow, so a flow of any whole value between ⌊G⌋ and ⌈G⌉ exists.
/// Rounding an entry with fractional part f up costs 1 − 2f more than rounding it down, so the LP minimises
/// Σ |v − a|. Its matrix is a network matrix, totally unimodular, and its bounds are whole: every vertex is
/// integral, so GLPK's dual simplex solves the rounding as an LP, no branch-and-cut. The totals are a second LP
/// on the optimal face (every variable with a nonzero reduced cost, beyond 1e-9, fixed at its bound), again a
/// network. The result is checked to be whole within 1e-9 (relative above 1) and within its bounds.
///
/// Entries and totals within ``snapTolerance`` of a whole number count as whole (4196.9999999 is 4197), so a
/// total that is exactly whole stays exact despite floating-point noise. Totals are summed with compensation.
public enum ControlledRounding {
    /// Entries and totals closer than this to a whole number are that number; a grand total this close to a
    /// half counts as a half (and rounds up).
    public static let snapTolerance = 1e-6
    /// The largest grand total accepted: a billion, so that each total's floating-point error stays far below
    /// ``snapTolerance`` and every result fits in an `Int`.
    public static let maximumTotal = 1e9

    /// Rounds `table` so that its totals add up (see ``ControlledRounding``).
    /// - Parameter table: rows × columns, every row as long as row 0, every entry finite and ≥ 0. An empty table
    ///   or rows without columns are allowed (their totals are 0).
    /// - Throws: ``ControlledRoundingError`` naming the first bad row or entry (row-major order) or the grand
    ///   total; ``ControlledRoundingError/solverFailed(reason:)`` only if GLPK misbehaves.
    public static func round(_ table: [[Double]]) throws(ControlledRoundingError) -> RoundedTable {
        try round(table, weights: nil)
    }

    /// Rounds `table` like ``round(_:)``, minimising Σ w · |v − a| over the entries with a weight w > 0 per entry
    /// (for example, heavier on figures a report must not move: the firm ones).
    /// - Parameters:
    ///   - table: as for ``round(_:)``.
    ///   - weights: shaped like `table`, every weight finite and > 0; `nil`: all 1.
    ///   - nearestTotals: require every row and column total to be its exact total rounded to the nearest whole
    ///     number (halves up), instead of down or up, whichever suits the entries.
    /// - Throws: also ``ControlledRoundingError/noTableWithNearestTotals`` when no rounding has those totals.
    public static func round(
        _ table: [[Double]], weights: [[Double]]?, nearestTotals: Bool = false
    ) throws(ControlledRoundingError) -> RoundedTable {
        try validate(table)
        if let weights {
            for (i, row) in table.enumerated() {
                for j in row.indices {
                    guard i < weights.count, j < weights[i].count, weights[i][j].isFinite, weights[i][j] > 0 else {
                        throw .badWeight(row: i, column: j)
                    }
                }
            }
        }
        let cells = table.map { $0.map(snapped) }
        if cells.allSatisfy({ $0.allSatisfy(isWhole) }) {
            return RoundedTable(entries: cells.map { $0.map { Int($0) } })
        }
        let columns = cells[0].count
        let rowTotals = cells.map { snapped(compensatedSum($0)) }
        let columnTotals = (0..<columns).map { j in snapped(compensatedSum(cells.lazy.map { $0[j] })) }
        let grandTotal = snapped(compensatedSum(cells.joined()))
        func nearest(_ total: Double) -> Double {
            isWhole(total) ? total : (total + 0.5 + snapTolerance).rounded(.down)
        }
        var target = nearest(grandTotal)
        if nearestTotals {
            target = rowTotals.reduce(0) { $0 + nearest($1) }
            guard target == columnTotals.reduce(0, { $0 + nearest($1) }) else { throw .noTableWithNearestTotals }
        }

        // Arcs: x[i][j] row i → column j, rows[i] source → row i, cols[j] column j → sink; the flow is fixed.
        var model = Model(name: "controlled-rounding")
        var entryCost = LinearExpression()
        var totalCost = LinearExpression()
        func arc(_ name: String, _ value: Double, weight: Double = 1, cost: inout LinearExpression) -> Variable {
            let variable = model.addVariable(name, lowerBound: value.rounded(.down), upperBound: value.rounded(.up))
            if !isWhole(value) { cost.add(variable, times: weight * (1 - 2 * (value - value.rounded(.down)))) }
            return variable
        }
        let x = cells.indices.map { i in
            cells[i].indices.map { j in
                arc("x[\(i),\(j)]", cells[i][j], weight: weights?[i][j] ?? 1, cost: &entryCost)
            }
        }
        let rows = rowTotals.indices.map { i in arc("row[\(i)]", rowTotals[i], cost: &totalCost) }
        let cols = columnTotals.indices.map { j in arc("column[\(j)]", columnTotals[j], cost: &totalCost) }
        if nearestTotals {
            for (arcs, totals) in [(rows, rowTotals), (cols, columnTotals)] {
                for (variable, total) in zip(arcs, totals) {
                    model.setBounds(of: variable, lowerBound: nearest(total), upperBound: nearest(total))
                }
            }
        }
        for i in rows.indices { model.add(rows[i] == LinearExpression.sum(x[i]), name: "row \(i)") }
        for j in cols.indices { model.add(cols[j] == LinearExpression.sum(x.map { $0[j] }), name: "column \(j)") }
        model.add(LinearExpression.sum(rows) == target, name: "grand total")

        model.minimize(entryCost)
        let first = try solve(model, infeasible: nearestTotals ? .noTableWithNearestTotals : nil)
        for (index, reducedCost) in (first.reducedCosts ?? []).enumerated() where abs(reducedCost) > 1e-9 {
            let variable = Variable(index: index)
            let bound = reducedCost > 0 ? model[variable].lowerBound : model[variable].upperBound
            model.setBounds(of: variable, lowerBound: bound, upperBound: bound)
        }
        model.minimize(totalCost)
        let second = try solve(model)

        var entries: [[Int]] = []
        for row in x {
            var rounded: [Int] = []
            for variable in row {
                let value = second[variable]
                let whole = value.rounded()
                guard abs(value - whole) <= 1e-9 * max(1, abs(whole)) else {
                    throw .solverFailed(reason: "\(model[variable].name) is \(value), not a whole number")
                }
                rounded.append(Int(whole))
            }
            entries.append(rounded)
        }
        let result = RoundedTable(entries: entries)
        func within(_ total: Int, _ exact: Double) -> Bool { abs(Double(total) - exact) < 1 }
        guard zip(result.entries.joined(), cells.joined()).allSatisfy({ within($0, $1) }),
            zip(result.rowTotals, rowTotals).allSatisfy({ within($0, $1) }),
            zip(result.columnTotals, columnTotals).allSatisfy({ within($0, $1) }), Double(result.grandTotal) == target
        else { throw .solverFailed(reason: "the rounded table breaks its bounds") }
        return result
    }

    /// The first problem of `table` in row-major order, thrown; the grand total's limit last.
    static func validate(_ table: [[Double]]) throws(ControlledRoundingError) {
        let columns = table.first?.count ?? 0
        var total = 0.0
        for (i, row) in table.enumerated() {
            guard row.count == columns else { throw .raggedRow(row: i, columns: row.count, expected: columns) }
            for (j, value) in row.enumerated() {
                guard value.isFinite else { throw .notFinite(row: i, column: j) }
                guard value >= 0 else { throw .negative(row: i, column: j) }
                total += value
            }
        }
        guard total <= maximumTotal else { throw .tooLarge(grandTotal: total) }
    }

    /// Solves `model` with GLPK's dual simplex and requires an optimum. Every variable has both bounds, so the
    /// start with each at the bound its cost prefers is dual feasible: on a 200 × 200 table the dual simplex
    /// needed 2,600 iterations (1 s) where the primal one needed 53,000 (24 s).
    /// - Parameter infeasible: what to throw when the LP has no solution (`nil`: a solver failure, since the
    ///   exact table is a solution of the plain rounding).
    static func solve(
        _ model: Model, infeasible: ControlledRoundingError? = nil
    ) throws(ControlledRoundingError) -> Solution {
        let solution: Solution
        do {
            solution = try Solver.solve(model, options: SolverOptions(method: .dualSimplex))
        } catch {
            throw .solverFailed(reason: "\(error)")
        }
        if solution.status == .infeasible, let infeasible { throw infeasible }
        guard solution.status == .optimal else { throw .solverFailed(reason: "GLPK ended \(solution.status)") }
        return solution
    }

    /// `value`, or the whole number within ``snapTolerance`` of it.
    static func snapped(_ value: Double) -> Double {
        let whole = value.rounded()
        return abs(value - whole) <= snapTolerance ? whole : value
    }

    static func isWhole(_ value: Double) -> Bool { value == value.rounded(.down) }

    /// Σ values with Neumaier's compensation: the error stays near one rounding of the sum, however many terms.
    static func compensatedSum<S: Sequence<Double>>(_ values: S) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let next = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - next) + value : (value - next) + sum
            sum = next
        }
        return sum + compensation
    }
}
