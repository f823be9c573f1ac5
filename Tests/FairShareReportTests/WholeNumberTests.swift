import FairShareEngine
import Foundation
import Testing

@testable import FairShareReport

@Suite("Whole numbers in tables: totals made whole before controlled rounding, ranges in whole numbers")
struct WholeNumberTests {
    /// The central allocation of the Drechtsteden scenario (rows: municipalities; columns: segments), whose rows
    /// sum to 4959.9977 and 690.0023 where the requirements say 4960 and 690.
    static let drechtsteden: [[Double]] = [
        [216.479777, 84.059379, 84.059379, 215.401465],
        [2368.390853, 529.59734, 529.59734, 1532.412215],
        [164.551446, 56.894234, 56.894234, 61.660086],
        [1067.479681, 82.22404, 82.22404, 268.072239],
        [251.083634, 127.650541, 127.650541, 153.615283],
        [91.599058, 157.626598, 157.626598, 283.149998],
        [37.029687, 197.142516, 197.142516, 818.685281],
    ]

    static func sums(_ table: [[Double]]) -> (rows: [Double], columns: [Double]) {
        (table.map { $0.reduce(0, +) }, (0..<table[0].count).map { j in table.reduce(0) { $0 + $1[j] } })
    }

    @Test("nearest: every total becomes its nearest whole number; no entry moves by more than a total's distance")
    func nearest() throws {
        let adjusted = try #require(WholeTotals.adjusted(Self.drechtsteden, .nearest))
        let (rows, columns) = Self.sums(adjusted)
        let (exactRows, exactColumns) = Self.sums(Self.drechtsteden)
        for (total, exact) in zip(rows + columns, exactRows + exactColumns) {
            #expect(abs(total - (exact + 0.5).rounded(.down)) <= 5e-7, "\(total) for \(exact)")
        }
        for (row, exact) in zip(adjusted.joined(), Self.drechtsteden.joined()) { #expect(abs(row - exact) < 0.5) }
        // Controlled rounding then keeps those totals: Dordrecht 4960, social rent 4197, all 10000.
        let rounded = try ControlledRounding.round(adjusted)
        #expect(rounded.rowTotals == [600, 4960, 340, 1500, 660, 690, 1250])
        #expect(rounded.columnTotals == [4197, 1235, 1235, 3333])
        #expect(rounded.grandTotal == 10000)
    }

    @Test("nearly whole: only totals within a hundredth of a whole number change")
    func nearlyWhole() throws {
        let adjusted = try #require(WholeTotals.adjusted(Self.drechtsteden, .nearlyWhole))
        let (rows, columns) = Self.sums(adjusted)
        #expect(abs(rows[1] - 4960) <= 5e-7 && abs(rows[5] - 690) <= 5e-7)
        #expect(abs(columns[0] - Self.sums(Self.drechtsteden).columns[0]) < 0.02)  // 4196.6 stays a fraction
    }

    @Test("no change needed, or none possible: nil")
    func unchanged() {
        #expect(WholeTotals.adjusted([[1, 2], [3, 4]], .nearest) == nil)
        #expect(WholeTotals.adjusted([[0.4, 0.4]], .nearlyWhole) == nil)
        // The row rounds to 1 but the columns to 0 + 0: the targets disagree.
        #expect(WholeTotals.adjusted([[0.3, 0.3]], .nearest) == nil)
        #expect(WholeTotals.adjusted([[1, -1]], .nearest) == nil)
        #expect(WholeTotals.adjusted([], .nearest) == nil)
    }

    @Test("a range in whole numbers: rounded ends, widened to hold the number shown; ≥ without an upper bound")
    func rangeText() {
        func entry(_ shown: Double, _ min: Double, _ max: Double) -> OpenFigures.Entry {
            OpenFigures.Entry(
                municipality: "A", name: "Aldorp", kind: .placements, id: "statushouders",
                label: "Statushouders", shown: shown, range: FigureRange(min: min, max: max))
        }
        #expect(entry(32, 29.999992, 33.000008).rangeText == "30–33")
        #expect(entry(529, 0, 1059.203867).rangeText == "0–1059")
        #expect(entry(11, 10.6, 12.2).rangeText == "11–12")
        #expect(entry(10, 10.6, 12.2).rangeText == "10–12")  // 10.7 shown rounded down
        #expect(entry(5, 4.2, .infinity).rangeText == "≥ 4")
    }

    @Test("Markdown cells escape pipes and tildes")
    func markdownEscapes() {
        let table = TextTable(headers: ["a|b", "c"], alignments: [.left, .right], rows: [["x", "530~"]])
        #expect(table.markdown() == "| a\\|b | c |\n| --- | ---: |\n| x | 530\\~ |\n")
    }
}
