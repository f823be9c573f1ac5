import Foundation

/// How a chart writes the numbers on an axis and on bars.
public enum ChartValueFormat: Sendable, Hashable {
    /// Plain numbers in the axis's own unit: `2500`, `0.25`, `−40`. Ticks have at most two decimals.
    case number
    /// Shares (fractions, 0.3 for 30%) written as percentages: `30%`, `27.5%`. Ticks have at most two
    /// decimals in percent.
    case percent
    /// Counts (ranks, homes): ticks at whole numbers only (a step of at least 1), written without decimals.
    case integer

    /// The smallest tick step in data units: ticks never need more than two decimals, counts none.
    var minimumStep: Double {
        switch self {
        case .number: 0.01
        case .percent: 0.0001
        case .integer: 1
        }
    }

    /// `value` with `decimals` decimals in this format, with a typographic minus sign.
    func string(_ value: Double, decimals: Int) -> String {
        let text: String
        switch self {
        case .number: text = SVGDocument.fixed(value, decimals: decimals)
        case .percent: text = SVGDocument.fixed(value * 100, decimals: decimals) + "%"
        case .integer: text = SVGDocument.fixed(value, decimals: 0)
        }
        return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }

    /// The fewest decimals (at most 2 for numbers, 1 for percentages) that show every value in `values`
    /// exactly, or the most if none does; for labels on bars.
    func labelDecimals(for values: [Double]) -> Int {
        let maximum = self == .percent ? 1 : 2
        let scale = self == .percent ? 100.0 : 1
        for decimals in 0..<maximum {
            let factor = pow(10, Double(decimals))
            let exact = values.allSatisfy { value in
                let scaled = value * scale * factor
                return !scaled.isFinite || abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled))
            }
            if exact { return decimals }
        }
        return maximum
    }
}

/// Evenly spaced "nice" tick values covering some data: the step is 1, 2 or 5 × 10^k, the first tick is at
/// or below the smallest value and the last at or above the largest.
public struct NiceScale: Sendable, Hashable {
    /// The tick values, ascending; at least two.
    public let ticks: [Double]
    /// The distance between ticks: `mantissa` × 10^`exponent`.
    public let step: Double
    /// 1, 2 or 5.
    public let mantissa: Int
    public let exponent: Int

    /// The first tick, where the axis starts.
    public var lower: Double { ticks[0] }
    /// The last tick, where the axis ends.
    public var upper: Double { ticks[ticks.count - 1] }

    /// Ticks covering the finite values in `values` (NaN and infinities are ignored) with at most
    /// `maxIntervals` steps between the first and last tick (at least 2: data on both sides of zero needs two),
    /// and a step of at least `minimumStep`.
    ///
    /// - Parameters:
    ///   - values: the data; only the finite values count.
    ///   - maxIntervals: the most steps between the first and last tick (at least 2).
    ///   - includeZero: extend the range to 0 first (value axes of bar charts).
    ///   - minimumStep: the smallest step allowed, in data units (e.g. 0.01 so ticks need at most two decimals).
    ///
    /// Without finite values the ticks cover 0…1. A single value v ≠ 0 (or a constant series) is centred in
    /// v ± 10^⌊log₁₀|v|⌋, clipped at 0 so positive data gets no negative ticks; the value 0 gives 0…1.
    public init(covering values: [Double], maxIntervals: Int = 6, includeZero: Bool = false, minimumStep: Double = 0) {
        let finite = values.filter(\.isFinite).map { min(max($0, -1e300), 1e300) }
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            if low == 0 {
                high = 1
            } else {
                let value = low
                let magnitude = pow(10, (log10(abs(value))).rounded(.down))
                low = value - magnitude
                high = value + magnitude
                if value > 0 { low = max(low, 0) } else { high = min(high, 0) }
            }
        }
        let intervals = Double(max(2, maxIntervals))
        let rough = max((high - low) / intervals, minimumStep > 0 ? minimumStep : 0, 1e-300)
        var exponent = Int((log10(rough)).rounded(.down)) - 1
        while true {
            for mantissa in [1, 2, 5] {
                let step = Self.value(index: 1, mantissa: mantissa, exponent: exponent)
                if step < minimumStep * (1 - 1e-9) { continue }
                let first = (low / step + 1e-9).rounded(.down)
                let last = (high / step - 1e-9).rounded(.up)
                if last - first <= intervals || exponent > 308 {
                    var ticks: [Double] = []
                    var index = first
                    while index <= max(last, first + 1) {
                        ticks.append(Self.value(index: index, mantissa: mantissa, exponent: exponent))
                        index += 1
                    }
                    self.ticks = ticks
                    self.step = step
                    self.mantissa = mantissa
                    self.exponent = exponent
                    return
                }
            }
            exponent += 1
        }
    }

    /// index × mantissa × 10^exponent, computed so that decimal ticks such as 0.3 come out as the nearest double.
    private static func value(index: Double, mantissa: Int, exponent: Int) -> Double {
        let units = index * Double(mantissa)
        let value = exponent >= 0 ? units * pow(10, Double(exponent)) : units / pow(10, Double(-exponent))
        return value == 0 ? 0 : value  // no -0
    }

    /// The number of decimals tick labels need in `format`.
    public func decimals(for format: ChartValueFormat) -> Int {
        max(0, -(exponent + (format == .percent ? 2 : 0)))
    }

    /// The label of every tick in `format`: `["0%", "10%", "20%"]`.
    public func labels(_ format: ChartValueFormat) -> [String] {
        ticks.map { format.string($0, decimals: decimals(for: format)) }
    }

    /// Where `value` lies between the first (0) and last (1) tick.
    func fraction(_ value: Double) -> Double {
        (value - lower) / (upper - lower)
    }
}
