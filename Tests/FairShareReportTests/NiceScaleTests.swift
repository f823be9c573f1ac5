import Foundation
import Testing

@testable import FairShareReport

@Suite("Nice axis ticks")
struct NiceScaleTests {
    /// True when `step` is 1, 2 or 5 × 10^k (up to rounding).
    func isNice(_ step: Double) -> Bool {
        guard step > 0, step.isFinite else { return false }
        let exponent = (log10(step)).rounded(.down)
        let mantissa = step / pow(10, exponent)
        return [1.0, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 * $0 }
    }

    @Test(
        "steps are 1, 2 or 5 × 10^k, evenly spaced, and the ticks cover the data",
        arguments: [
            [0.2, 0.4], [0.23, 0.361], [0, 2138.4], [1800, 2950], [-1045, 2368], [-380, 695], [0.0001, 0.0009],
            [-0.5, -0.01], [3, 3.000001], [1e-7, 2e-7], [1_234_567, 9_876_543], [-2.5, 7.25], [0.291, 0.36],
        ] as [[Double]]
    )
    func niceAndCovering(values: [Double]) {
        for maxIntervals in [1, 2, 4, 6, 8, 10] {
            for format in [ChartValueFormat.number, .percent] {
                let scale = NiceScale(covering: values, maxIntervals: maxIntervals, minimumStep: format.minimumStep)
                #expect(isNice(scale.step), "step \(scale.step)")
                #expect(scale.ticks.count >= 2)
                #expect(scale.ticks.count - 1 <= max(maxIntervals, 2))
                #expect(scale.lower <= values.min()! + 1e-9 * scale.step)
                #expect(scale.upper >= values.max()! - 1e-9 * scale.step)
                // Not wastefully wide: the data reaches into the first and last interval.
                #expect(scale.lower > values.min()! - scale.step)
                #expect(scale.upper < values.max()! + scale.step)
                for (a, b) in zip(scale.ticks, scale.ticks.dropFirst()) {
                    #expect(abs((b - a) - scale.step) <= 1e-9 * max(1, abs(b)))
                }
                // Ticks are exact multiples of the step, and labels need at most two decimals.
                for tick in scale.ticks {
                    let multiple = tick / scale.step
                    #expect(abs(multiple - multiple.rounded()) < 1e-6)
                }
                #expect(scale.decimals(for: format) <= 2)
                #expect(Set(scale.labels(format)).count == scale.ticks.count, "labels must differ")
            }
        }
    }

    @Test("decimal ticks print exactly: 0.3, not 0.30000000000000004")
    func decimalTicks() {
        let scale = NiceScale(covering: [0.2, 0.4], maxIntervals: 4)
        #expect(scale.ticks == [0.2, 0.25, 0.3, 0.35, 0.4])
        #expect(scale.labels(.number) == ["0.20", "0.25", "0.30", "0.35", "0.40"])
        #expect(scale.labels(.percent) == ["20%", "25%", "30%", "35%", "40%"])
        #expect(NiceScale(covering: [0, 2138.4], maxIntervals: 5).ticks == [0, 500, 1000, 1500, 2000, 2500])
    }

    @Test("bar axes include zero; negative data gets negative ticks with a minus sign")
    func includeZero() {
        let scale = NiceScale(covering: [0.23, 0.36], maxIntervals: 6, includeZero: true)
        #expect(scale.lower == 0)
        #expect(scale.upper >= 0.36)
        let negative = NiceScale(covering: [-1045, -228], maxIntervals: 6, includeZero: true)
        #expect(negative.upper == 0)
        #expect(negative.lower <= -1045)
        #expect(negative.labels(.number).first?.hasPrefix("\u{2212}") == true)
        #expect(negative.labels(.number).last == "0")
    }

    @Test("degenerate input: no data, NaN only, one value, a constant, zero")
    func degenerate() {
        #expect(NiceScale(covering: []).ticks.first == 0)
        #expect(NiceScale(covering: []).ticks.last == 1)
        #expect(NiceScale(covering: [.nan, .infinity, -.infinity]).ticks == NiceScale(covering: []).ticks)
        let single = NiceScale(covering: [2138.4], maxIntervals: 6)
        #expect(single.lower < 2138.4 && single.upper > 2138.4)
        #expect(single.lower >= 0, "positive data gets no negative ticks")
        let share = NiceScale(covering: [0.3, 0.3, 0.3], maxIntervals: 6)
        #expect(share.lower < 0.3 && share.upper > 0.3)
        let zero = NiceScale(covering: [0, 0])
        #expect(zero.lower == 0 && zero.upper == 1)
        let huge = NiceScale(covering: [-1e308, 1e308], maxIntervals: 4)
        #expect(huge.ticks.allSatisfy { $0.isFinite })
        #expect(NiceScale(covering: [.nan, 5, .nan, 7]).lower <= 5)
    }
}
