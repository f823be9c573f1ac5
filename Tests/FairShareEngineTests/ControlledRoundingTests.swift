import FairShareSynthetic
import FairShareTestSupport
import PropertyBased
import Testing

@testable import FairShareEngine

/// Controlled rounding of two-way tables ("tables that add up"): hand-worked cases, properties over random
/// tables, optimality against brute force on small tables, and bad input.
@Suite("Controlled rounding")
struct ControlledRoundingTests {
    // MARK: - Hand-worked cases

    /// Naive rounding gives [[1, 1], [1, 1]]: rows add to 2, not 1. Every cell costs the same (|v − 0.5| = 0.5),
    /// each row and column total is exactly 1 and G = 2, so each row and each column gets exactly one 1: the
    /// diagonal or the anti-diagonal.
    @Test("2×2 of halves: one 1 per row and column")
    func halves() throws {
        let rounded = try ControlledRounding.round([[0.5, 0.5], [0.5, 0.5]])
        #expect([[[1, 0], [0, 1]], [[0, 1], [1, 0]]].contains(rounded.entries))
        #expect(rounded.rowTotals == [1, 1])
        #expect(rounded.columnTotals == [1, 1])
        #expect(rounded.grandTotal == 2)
        #expect(try ControlledRounding.round([[0.5, 0.5], [0.5, 0.5]]) == rounded, "deterministic")
    }

    /// Row 0 is 1398.4 + 1399.3 + 1399.3 = 4197, but naive rounding gives 1398 + 1399 + 1399 = 4196 (and row 2,
    /// 19.3, becomes 5 + 7 + 8 = 20). By hand, in fractional parts f and up-costs 1 − 2f:
    ///
    ///     f:  .4 .3 .3 | 1.0        cost:  .2  .4  .4
    ///         .5 .2 .3 | 1.0                0  .6  .4
    ///         .1 .5 .7 | 1.3               .8   0 −.4
    ///        1.0 1.0 1.3 | 3.3
    ///
    /// G = 4277.3 rounds to 4277: 3 entries round up. Rows 0, 1 and columns 0, 1 have whole totals, so one up
    /// each; with 3 ups in all, row 2 and column 2 get one each too: the ups form a permutation. Of the six,
    /// (0→1, 1→0, 2→2) costs .4 + 0 − .4 = 0, every other at least .4 (0→0, the cheapest cell of row 0, forces
    /// 1→1 or 1→2 and costs ≥ .4). So Σ|v − a| = 3.3 + 0, and the table below is the unique optimum.
    @Test("3×3 where naive rounding makes a row add to 4196 instead of 4197")
    func row4197() throws {
        let rounded = try ControlledRounding.round([
            [1398.4, 1399.3, 1399.3],
            [10.5, 20.2, 30.3],
            [5.1, 6.5, 7.7],
        ])
        #expect(rounded.entries == [[1398, 1400, 1399], [11, 20, 30], [5, 6, 8]])
        #expect(rounded.rowTotals == [4197, 61, 19])
        #expect(rounded.columnTotals == [1414, 1426, 1437])
        #expect(rounded.grandTotal == 4277)
    }

    /// Totals decide when entries tie. G = 0.75 rounds to 1: one of the three 0.25 entries rounds up, each
    /// choice costing 0.75 + 0.25 + 0.25 = 1.25 over the entries. Exact totals: rows 0.25, 0.5; columns 0.25, 0.5.
    /// Up at (1,1): rows |0 − .25| + |1 − .5|, columns the same: 1.5. Up at (1,0): .25 + .5 + .75 + .5 = 2.
    /// Up at (0,1): .75 + .5 + .25 + .5 = 2. So (1,1).
    @Test("equal entry costs: the totals break the tie")
    func totalsBreakTies() throws {
        let rounded = try ControlledRounding.round([[0, 0.25], [0.25, 0.25]])
        #expect(rounded.entries == [[0, 0], [0, 1]])
        #expect(rounded.grandTotal == 1)
    }

    /// Noise within 1e-6 of a whole number is that number; whole entries stay; a whole total stays exact
    /// although ten 0.1s add to 0.9999999999999999 in floating point.
    @Test("noise, whole entries and exactly whole totals")
    func snapping() throws {
        let noisy = try ControlledRounding.round([[4196.9999999, 2.0000001], [3, 0.5]])
        // Rows 4199 and 3.5, columns 4200 and 2.5, G = 4202.5 rounds (half up) to 4203: the 0.5 must go up.
        #expect(noisy.entries == [[4197, 2], [3, 1]])
        #expect(noisy.rowTotals == [4199, 4])
        #expect(noisy.columnTotals == [4200, 3])
        #expect(noisy.grandTotal == 4203)

        let tenths = try ControlledRounding.round([Array(repeating: 0.1, count: 10)])
        #expect(tenths.rowTotals == [1])
        #expect(tenths.grandTotal == 1)
        #expect(tenths.entries[0].filter { $0 == 1 }.count == 1)
        #expect(tenths.entries[0].allSatisfy { $0 == 0 || $0 == 1 })
    }

    /// G exactly a half rounds up; so does a G within 1e-6 of a half.
    @Test("halves of the grand total round up")
    func halfUp() throws {
        #expect(try ControlledRounding.round([[0.5]]).entries == [[1]])
        #expect(try ControlledRounding.round([[2.5]]).entries == [[3]])
        #expect(try ControlledRounding.round([[0.15, 0.35]]).grandTotal == 1)
        #expect(try ControlledRounding.round([[0.2, 0.2999995]]).grandTotal == 1)
        #expect(try ControlledRounding.round([[0.2, 0.299998]]).grandTotal == 0)
    }

    @Test("empty tables and rows without columns")
    func empty() throws {
        #expect(try ControlledRounding.round([]) == RoundedTable(entries: []))
        let noColumns = try ControlledRounding.round([[], []])
        #expect(noColumns.entries == [[], []])
        #expect(noColumns.rowTotals == [0, 0])
        #expect(noColumns.columnTotals == [])
        #expect(noColumns.grandTotal == 0)
    }

    // MARK: - Bad input

    @Test("bad input: a typed error naming the row and column")
    func badInput() {
        #expect(throws: ControlledRoundingError.notFinite(row: 1, column: 2)) {
            try ControlledRounding.round([[1, 2, 3], [4, 5, .nan]])
        }
        #expect(throws: ControlledRoundingError.notFinite(row: 0, column: 0)) {
            try ControlledRounding.round([[.infinity]])
        }
        #expect(throws: ControlledRoundingError.negative(row: 0, column: 1)) {
            try ControlledRounding.round([[1, -0.5], [.nan, 1]])
        }
        #expect(throws: ControlledRoundingError.raggedRow(row: 2, columns: 1, expected: 2)) {
            try ControlledRounding.round([[1, 2], [3, 4], [5]])
        }
        #expect(throws: ControlledRoundingError.tooLarge(grandTotal: 2e9)) {
            try ControlledRounding.round([[1e9, 1e9]])
        }
        #expect(throws: ControlledRoundingError.tooLarge(grandTotal: .infinity)) {
            try ControlledRounding.round([[.greatestFiniteMagnitude, .greatestFiniteMagnitude]])
        }
        #expect(ControlledRoundingError.notFinite(row: 1, column: 2).description.hasPrefix("row 1, column 2:"))
    }

    // MARK: - Properties

    /// A random table from `seed`: zeros, whole numbers, eighths (ties and whole totals), arbitrary fractions and
    /// whole numbers with noise of ±1e-8, at a scale of 1, 100 or 10⁶.
    static func table(rows: Int, columns: Int, seed: UInt64) -> [[Double]] {
        var random = SplitMix64(seed: seed)
        let scale = [1, 100, 1_000_000][random.index(3)]
        return (0..<rows).map { _ in
            (0..<columns).map { _ in
                let whole = Double(random.index(scale + 1))
                switch random.index(5) {
                case 0: return 0
                case 1: return whole
                case 2: return whole + Double(random.index(8)) / 8
                case 3: return whole + random.unit()
                default: return whole == 0 ? 1e-8 : whole + (random.chance(0.5) ? 1e-8 : -1e-8)
                }
            }
        }
    }

    /// The test's own reading of the rules: a value within 1e-6 of a whole number is that number.
    static func snapped(_ value: Double) -> Double { abs(value - value.rounded()) <= 1e-6 ? value.rounded() : value }

    /// Whether `rounded` is ⌊exact⌋ or ⌈exact⌉ (exactly `exact` when that is whole, up to 1e-6).
    static func isRounding(_ rounded: Int, of exact: Double) -> Bool {
        let value = snapped(exact)
        return Double(rounded) == value.rounded(.down) || Double(rounded) == value.rounded(.up)
    }

    /// Every entry and total is a rounding of its exact value, the totals are the sums of the rounded table, and
    /// the grand total is G rounded half up.
    static func violations(of rounded: RoundedTable, for table: [[Double]]) -> [String] {
        var problems: [String] = []
        let columns = table.first?.count ?? 0
        let exactRows = table.map { $0.reduce(0, +) }
        let exactColumns = (0..<columns).map { j in table.reduce(0) { $0 + $1[j] } }
        let exactGrand = snapped(exactRows.reduce(0, +))
        let expectedGrand = exactGrand == exactGrand.rounded() ? exactGrand : (exactGrand + 0.5 + 1e-6).rounded(.down)
        guard rounded.entries.count == table.count, rounded.entries.allSatisfy({ $0.count == columns }) else {
            return ["shape \(rounded.entries.map(\.count)) for \(table.map(\.count))"]
        }
        for (i, row) in table.enumerated() {
            for (j, value) in row.enumerated() where !isRounding(rounded.entries[i][j], of: value) {
                problems.append("entry (\(i),\(j)) \(rounded.entries[i][j]) for \(value)")
            }
            if rounded.rowTotals[i] != rounded.entries[i].reduce(0, +) { problems.append("row \(i) does not add up") }
            if !isRounding(rounded.rowTotals[i], of: exactRows[i]) {
                problems.append("row total \(i): \(rounded.rowTotals[i]) for \(exactRows[i])")
            }
        }
        for j in 0..<columns {
            let sum = rounded.entries.reduce(0) { $0 + $1[j] }
            if rounded.columnTotals[j] != sum { problems.append("column \(j) does not add up") }
            if !isRounding(rounded.columnTotals[j], of: exactColumns[j]) {
                problems.append("column total \(j): \(rounded.columnTotals[j]) for \(exactColumns[j])")
            }
        }
        if rounded.columnTotals.count != columns { problems.append("\(rounded.columnTotals.count) column totals") }
        if rounded.grandTotal != rounded.rowTotals.reduce(0, +) { problems.append("grand total does not add up") }
        if Double(rounded.grandTotal) != expectedGrand {
            problems.append("grand total \(rounded.grandTotal) for G = \(exactGrand)")
        }
        return problems
    }

    @Test("random tables: every entry and total rounds its exact value, and the table adds up")
    func randomTables() async {
        let cases = PropertyCases()
        await propertyCheck(
            count: 200, input: Gen.int(in: 1...10), Gen.int(in: 1...10), Gen.uint64(in: 0...UInt64.max)
        ) { rows, columns, seed in
            cases.checked()
            let table = Self.table(rows: rows, columns: columns, seed: seed)
            do {
                let rounded = try ControlledRounding.round(table)
                let problems = Self.violations(of: rounded, for: table)
                #expect(problems.isEmpty, "\(rows)×\(columns), seed \(seed): \(problems.prefix(5))")
                #expect(try ControlledRounding.round(table) == rounded, "\(rows)×\(columns), seed \(seed): twice")
            } catch {
                Issue.record("\(rows)×\(columns), seed \(seed): \(error)")
            }
        }
        cases.expectChecked(atLeast: 200, "tables")
    }

    /// Σ |v − a| over the entries and Σ |t − r| over the row and column totals of `rounded`.
    static func costs(of rounded: RoundedTable, for table: [[Double]]) -> (entries: Double, totals: Double) {
        let columns = table[0].count
        let exactRows = table.map { $0.reduce(0, +) }
        let exactColumns = (0..<columns).map { j in table.reduce(0) { $0 + $1[j] } }
        func distance(_ pairs: Zip2Sequence<[Int], [Double]>) -> Double {
            pairs.reduce(0) { $0 + abs(Double($1.0) - $1.1) }
        }
        let entries = zip(rounded.entries, table).reduce(0) { $0 + distance(zip($1.0, $1.1)) }
        let totals = distance(zip(rounded.rowTotals, exactRows)) + distance(zip(rounded.columnTotals, exactColumns))
        return (entries, totals)
    }

    /// Over every rounding of the fractional entries that satisfies the rules, the smallest Σ |v − a| over the
    /// entries, then the smallest Σ |t − r| over row and column totals (2^k candidates for k fractional entries).
    static func bruteForceOptimum(_ table: [[Double]]) -> (entries: Double, totals: Double)? {
        let cells = table.indices.flatMap { i in table[i].indices.map { (i, $0) } }
        let fractional = cells.filter { table[$0.0][$0.1] != table[$0.0][$0.1].rounded(.down) }
        var best: (entries: Double, totals: Double)?
        for mask in 0..<(1 << fractional.count) {
            var entries = table.map { $0.map { Int($0.rounded(.down)) } }
            for (bit, (i, j)) in fractional.enumerated() where mask & (1 << bit) != 0 { entries[i][j] += 1 }
            let candidate = RoundedTable(entries: entries)
            guard violations(of: candidate, for: table).isEmpty else { continue }
            let cost = costs(of: candidate, for: table)
            guard let current = best else {
                best = cost
                continue
            }
            let better = cost.entries < current.entries - 1e-9
            let tiedButBetter = abs(cost.entries - current.entries) <= 1e-9 && cost.totals < current.totals - 1e-9
            if better || tiedButBetter { best = cost }
        }
        return best
    }

    @Test("small random tables: the rounding is optimal, checked against every candidate")
    func optimality() async {
        let cases = PropertyCases()
        await propertyCheck(
            count: 150, input: Gen.int(in: 1...3), Gen.int(in: 1...3), Gen.uint64(in: 0...UInt64.max)
        ) { rows, columns, seed in
            cases.checked()
            var random = SplitMix64(seed: seed)
            // Tenths and quarters with small whole parts: many ties, whole totals and halves.
            let table = (0..<rows).map { _ in
                (0..<columns).map { _ in Double(random.index(3)) + [0, 0.1, 0.25, 0.5, 0.7, 0.75][random.index(6)] }
            }
            let label = "\(table)"
            guard let optimum = Self.bruteForceOptimum(table) else {
                Issue.record("\(label): no candidate satisfies the rules")
                return
            }
            do {
                let rounded = try ControlledRounding.round(table)
                let cost = Self.costs(of: rounded, for: table)
                #expect(Self.violations(of: rounded, for: table).isEmpty, "\(label)")
                #expect(abs(cost.entries - optimum.entries) <= 1e-9, "\(label): Σ|v − a| \(cost) vs \(optimum)")
                #expect(abs(cost.totals - optimum.totals) <= 1e-9, "\(label): Σ|t − r| \(cost) vs \(optimum)")
            } catch {
                Issue.record("\(label): \(error)")
            }
        }
        cases.expectChecked(atLeast: 150, "tables")
    }

    /// Weights: 0.4 and 0.4 in a row add up to 0.8, so one must become 1. Rounding up costs w · (1 − 2 · 0.4):
    /// 2 for the entry of weight 10, 0.2 for the one of weight 1, which therefore goes up.
    @Test("weights: the heavier entry keeps its nearest value")
    func weights() throws {
        #expect(try ControlledRounding.round([[0.4, 0.4]], weights: [[10, 1]]).entries == [[0, 1]])
        #expect(try ControlledRounding.round([[0.4, 0.4]], weights: [[1, 10]]).entries == [[1, 0]])
        #expect(throws: ControlledRoundingError.badWeight(row: 0, column: 1)) {
            try ControlledRounding.round([[0.4, 0.4]], weights: [[1, 0]])
        }
        #expect(throws: ControlledRoundingError.badWeight(row: 0, column: 1)) {
            try ControlledRounding.round([[0.4, 0.4]], weights: [[1]])
        }
    }

    /// Nearest totals. One row, 2368.39 + 529.5976 + 529.5976 + 1532.41 = 4959.9952: the row's nearest whole
    /// number is 4960 and each column's is its entry's (2368, 530, 530, 1532), which add up to 4960, so that is
    /// the table. Four rows of 0.3 in one column: each row's nearest total is 0, the column's (1.2) is 1 — no
    /// table has both.
    @Test("nearest totals: every total its nearest whole number, or an error when none fits")
    func nearestTotals() throws {
        let row = [[2368.39, 529.5976, 529.5976, 1532.41]]
        let rounded = try ControlledRounding.round(row, weights: nil, nearestTotals: true)
        #expect(rounded.entries == [[2368, 530, 530, 1532]])
        #expect(rounded.rowTotals == [4960])
        #expect(throws: ControlledRoundingError.noTableWithNearestTotals) {
            try ControlledRounding.round([[0.3], [0.3], [0.3], [0.3]], weights: nil, nearestTotals: true)
        }
    }
}
