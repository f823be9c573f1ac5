import FairShareScenario
import FairShareSynthetic
import Testing

@testable import FairShareEngine

/// The programme over time stays sparse (issue 14): nonzeros, rows and columns grow linearly in
/// municipalities × periods, because every period has its own regional totals and the horizon is linked to its
/// periods by one short row per municipality and item.
///
/// Counted by hand from docs/model.md §9 and PeriodFormulation.swift for SyntheticRegion (4 segments, 1 priority
/// group, 1 care quality; fair items: social-rent `converge`, mid-rent, statushouders and zero-step
/// `proportional`; norm `sum`, `fairness.over` `periods`), per municipality i and period t:
///
/// | what | rows | columns | nonzeros |
/// | --- | ---: | ---: | ---: |
/// | x_ist (4), y_igt, z_ict, N_it | | 7 | |
/// | total[i@t]: Σ_s x_ist − N_it = 0 | 1 | | 5 |
/// | i's terms in the period's regional rows X_st (4), Y_gt, Z_ct, N_t | | | 7 |
/// | i's term x_ist, y_igt, z_ict in the link x_is = Σ_t x_ist (6 rows per i) | | | 6 |
/// | fair[i,q@t]: v_iqt − w_iq · R_qt − d⁺ + d⁻ (converge: C_ist − σ K_it − d⁺ + d⁻), 4 items | 4 | 8 | 16 |
/// | running sums K_it, C_ist = S_{t−1} + v_t (t ≥ 1 only), 3 nonzeros a row | 2 | 2 | 6 |
/// | **per municipality and period** | **7** | **17** | **40** |
///
/// Per municipality, once: x_is, y_ig, z_ic, N_i (7 columns); total[i] (1 row, 5 nonzeros); its terms in the
/// horizon's regional rows (7); P2 (1 row, y + social rent: 2); C2 (1 row, z − share · N_i: 2); the 6 link rows
/// with their horizon term (6 nonzeros); the running sums are missing at t = 0 (−2 rows, −2 columns, −6
/// nonzeros): **7 rows, 5 columns, 16 nonzeros**. L1 and P1 of a period bound a single variable: no row.
///
/// Per period, for the region: X_st (4), Y_gt, Z_ct, N_t (7 columns, 7 rows, 7 nonzeros for their own terms).
/// Once: the horizon's X_s, Y_g, Z_c, N (7 columns, 7 rows, 7 nonzeros) and the two targets R2 (2 rows,
/// 2 + 4 nonzeros): **9 rows, 7 columns, 13 nonzeros**.
///
/// Norm `max` adds worst[i,q@t]: d⁺ + d⁻ − m_iq · t_q ≤ 0 per item: 4 rows and 12 nonzeros per municipality and
/// period, and the 4 columns t_q once.
///
/// So, for T ≥ 2 periods and n municipalities: nonzeros = n · (40 T + 16) + 7 T + 13, rows = n · (7 T + 7) + 7 T + 9,
/// columns = n · (17 T + 5) + 7 T + 7 (norm `sum`). Without periods (or with one, which is the horizon itself):
/// 32 n + 13 nonzeros. The assertions below hold the programme to these counts as upper bounds.
@Suite("Sparsity of the programme over time")
struct PeriodSparsityTests {
    /// The counts of docs/model.md §9 per municipality and period (a), per municipality (b), per period (c) and
    /// once (d): size ≤ a · n · T + b · n + c · T + d.
    struct Growth: CustomStringConvertible {
        var a: Int
        var b: Int
        var c: Int
        var d: Int

        func bound(_ n: Int, _ periods: Int) -> Int { a * n * periods + b * n + c * periods + d }
        var description: String { "\(a) n T + \(b) n + \(c) T + \(d)" }
    }

    struct Size: Equatable, CustomStringConvertible {
        var rows: Int
        var columns: Int
        var nonzeros: Int
        var description: String { "\(rows) rows, \(columns) columns, \(nonzeros) nonzeros" }
    }

    /// The hand counts above, norm `sum` and norm `max`.
    static func counts(norm: String?) -> (rows: Growth, columns: Growth, nonzeros: Growth) {
        let max = norm == "max"
        return (
            rows: Growth(a: max ? 11 : 7, b: 7, c: 7, d: 9),
            columns: Growth(a: 17, b: 5, c: 7, d: max ? 11 : 7),
            nonzeros: Growth(a: max ? 52 : 40, b: 16, c: 7, d: 13)
        )
    }

    static let municipalities = [20, 40, 80]
    static let periodCounts = [2, 4, 8]

    static func scenario(_ count: Int, periods: Int, norm: String? = nil) throws -> Scenario {
        let scenario = SyntheticRegion.scenario(municipalities: count, seed: 7, periods: periods)
        guard norm == "max" else { return scenario }
        return try scenario.edited { $0.fairness.norm = .max }
    }

    static func size(_ count: Int, periods: Int, norm: String? = nil) throws -> Size {
        let model = FairShareProgram(try scenario(count, periods: periods, norm: norm)).model
        return Size(rows: model.constraints.count, columns: model.variables.count, nonzeros: model.nonzeroCount)
    }

    @Test("rows, columns and nonzeros stay within the hand count", arguments: [nil, "max"])
    func handCount(norm: String?) throws {
        let counts = Self.counts(norm: norm)
        for n in Self.municipalities {
            for periods in Self.periodCounts {
                let size = try Self.size(n, periods: periods, norm: norm)
                let at = "n = \(n), T = \(periods), norm \(norm ?? "sum"): \(size)"
                #expect(size.nonzeros <= counts.nonzeros.bound(n, periods), "\(at); bound \(counts.nonzeros)")
                #expect(size.rows <= counts.rows.bound(n, periods), "\(at); bound \(counts.rows)")
                #expect(size.columns <= counts.columns.bound(n, periods), "\(at); bound \(counts.columns)")
            }
        }
    }

    /// nonzeros / (n · T) = a + b / T + (c T + d) / (n T): between a and a + b / 2 + (2c + d) / 40 for n ≥ 20 and
    /// T ≥ 2 — a constant band, whatever the size. And not suspiciously below a: every period does carry its
    /// municipalities' variables and fair rows.
    @Test("nonzeros per municipality and period stay within a constant band", arguments: [nil, "max"])
    func constantBand(norm: String?) throws {
        let growth = Self.counts(norm: norm).nonzeros
        let lowest = 0.9 * Double(growth.a)
        let highest = Double(growth.a) + Double(growth.b) / 2 + Double(2 * growth.c + growth.d) / 40
        for n in Self.municipalities {
            for periods in Self.periodCounts {
                let perCell = Double(try Self.size(n, periods: periods, norm: norm).nonzeros) / Double(n * periods)
                #expect(
                    perCell >= lowest && perCell <= highest,
                    "n = \(n), T = \(periods): \(perCell) nonzeros per municipality and period, not in [\(lowest), \(highest)]"
                )
            }
        }
    }

    /// From T to 2T periods at a fixed n the period part doubles and the horizon part stays: the growth is
    /// a · n · T + c · T at most (the T added periods), so nonzeros(2T) ≤ 2 · nonzeros(T). From n to 2n at a fixed T
    /// the same: nonzeros(2n) ≤ 2 · nonzeros(n).
    @Test("doubling the periods or the municipalities at most doubles the programme", arguments: [nil, "max"])
    func doubling(norm: String?) throws {
        let counts = Self.counts(norm: norm)
        for n in Self.municipalities {
            for periods in [2, 4] {
                let before = try Self.size(n, periods: periods, norm: norm)
                let after = try Self.size(n, periods: 2 * periods, norm: norm)
                let at = "n = \(n), T = \(periods) → \(2 * periods): \(before) → \(after)"
                let added = counts.nonzeros.a * n * periods + counts.nonzeros.c * periods
                #expect(after.nonzeros - before.nonzeros <= added, "\(at); at most \(added) more nonzeros")
                #expect(after.nonzeros - before.nonzeros >= added * 9 / 10, "\(at); about \(added) more nonzeros")
                #expect(after.nonzeros <= 2 * before.nonzeros, "\(at)")
                #expect(after.rows <= 2 * before.rows, "\(at)")
                #expect(after.columns <= 2 * before.columns, "\(at)")
            }
        }
        for periods in Self.periodCounts {
            for n in [20, 40] {
                let before = try Self.size(n, periods: periods, norm: norm)
                let after = try Self.size(2 * n, periods: periods, norm: norm)
                let at = "T = \(periods), n = \(n) → \(2 * n): \(before) → \(after)"
                #expect(after.nonzeros <= 2 * before.nonzeros, "\(at)")
                #expect(after.rows <= 2 * before.rows, "\(at)")
                #expect(after.columns <= 2 * before.columns, "\(at)")
            }
        }
    }

    /// One period is the horizon itself (PeriodFormulation.swift): the same programme as no periods, whose size is
    /// the single-horizon count 32 n + 13 nonzeros, 7 n + 9 rows, 15 n + 7 columns.
    @Test("one period is the horizon's programme")
    func onePeriod() throws {
        for n in Self.municipalities {
            let none = try Self.size(n, periods: 0)
            #expect(try Self.size(n, periods: 1) == none, "n = \(n)")
            #expect(none.nonzeros <= 32 * n + 13, "n = \(n): \(none)")
            #expect(none.rows <= 7 * n + 9, "n = \(n): \(none)")
            #expect(none.columns <= 15 * n + 7, "n = \(n): \(none)")
        }
    }
}

/// SyntheticRegion with periods: the document without them is the one before periods, and the periods divide the
/// horizon so that the scenario stays feasible.
@Suite("Synthetic regions with periods")
struct SyntheticPeriodTests {
    /// Removing `periods` (top level and every municipality's) gives the document of `periods: 0` back, byte for
    /// byte: the periods add to the horizon's figures, they change none.
    @Test("periods only add to the document", arguments: [1, 2, 6])
    func onlyAdded(periods: Int) throws {
        for (count, seed) in [(7, UInt64(1)), (40, 3)] {
            var document = try #require(
                SyntheticRegion.document(municipalities: count, seed: seed, periods: periods).object)
            var municipalities = try #require(document["municipalities"]?.object)
            #expect(document["periods"]?.object?.keys == (0..<periods).map { String(2025 + $0) })
            document["periods"] = nil
            for id in municipalities.keys {
                var municipality = try #require(municipalities[id]?.object)
                #expect(municipality["periods"]?.object?.keys.count == periods)
                municipality["periods"] = nil
                municipalities[id] = .object(municipality)
            }
            document["municipalities"] = .object(municipalities)
            #expect(
                JSONWriter.text(.object(document))
                    == JSONWriter.text(SyntheticRegion.document(municipalities: count, seed: seed)))
            #expect(
                SyntheticRegion.document(municipalities: count, seed: seed).object?.keys.contains("periods") == false)
        }
    }

    /// Each municipality's periods cover its horizon range (Σ_t min_it ≤ max_i, Σ_t max_it ≥ min_i), and the
    /// periods' statushouders demand D_t = {⌊D / T⌋, ⌈D / T⌉} covers the horizon's D.
    @Test("the periods divide the horizon evenly and cover it", arguments: [1, 2, 3, 6, 7])
    func evenDivision(periods: Int) {
        let scenario = SyntheticRegion.scenario(municipalities: 40, seed: 5, periods: periods)
        #expect(scenario.periods.map(\.id) == (0..<periods).map { String(2025 + $0) })
        #expect(scenario.periods.allSatisfy { $0.months == 12 && $0.start.month == 1 && $0.start.year == Int($0.id) })
        for municipality in scenario.municipalities {
            let ranges = scenario.periods.compactMap { municipality.periods[$0.id]?.newHomes }
            #expect(ranges.count == periods)
            #expect(ranges.allSatisfy { $0.min <= $0.max && $0.min == ranges[0].min && $0.max == ranges[0].max })
            #expect(ranges.reduce(0) { $0 + $1.min } <= municipality.newHomes.max, "\(municipality.id)")
            #expect(ranges.reduce(0) { $0 + $1.max } >= municipality.newHomes.min, "\(municipality.id)")
            #expect(municipality.periods.values.allSatisfy { $0.realised.isEmpty })
        }
        let demand = scenario.priorityGroups[0].demand
        let perPeriod = scenario.periods.compactMap { $0.priorityGroups["statushouders"] }
        #expect(perPeriod.count == periods)
        #expect(perPeriod.allSatisfy { $0.min == (demand.min / Double(periods)).rounded(.down) })
        #expect(perPeriod.reduce(0) { $0 + $1.min } <= demand.min)
        #expect(perPeriod.reduce(0) { $0 + $1.max } >= demand.max)
    }

    /// Feasible by construction, with periods too: the levels solve optimal, and each municipality's periods add up
    /// to its horizon allocation.
    @Test(
        "synthetic regions with periods solve optimal",
        arguments: [(7, 2), (7, 6), (20, 3), (40, 2), (40, 6)])
    func solvesOptimal(count: Int, periods: Int) throws {
        let scenario = try SyntheticRegion.scenario(municipalities: count, seed: 7, periods: periods).edited {
            $0.solver.allocation = .any
        }
        let result = FairShare.solve(scenario)
        #expect(result.status == .optimal, "\(result.status) \(result.failure?.description ?? "")")
        try #require(result.status == .optimal)
        #expect(result.periods.count == periods)
        for municipality in result.municipalities {
            let phased = result.periods.compactMap { $0.municipality(municipality.id)?.total }.reduce(0, +)
            #expect(
                abs(phased - municipality.total) <= 1e-6 * max(1, municipality.total),
                "\(municipality.id): periods \(phased), horizon \(municipality.total)")
        }
    }
}
