// The programme over time (issue 14): `FairShare.solve` of a synthetic region cut into yearly periods
// (SyntheticRegion, seed 1) against the same region without periods, in the same run. Goal: 342 municipalities
// × 6 periods in at most 10× the single-horizon time.
//
// 342 municipalities with `allocation: "any"`: the levels and the check, the part the periods make larger. The
// central allocation of 342 municipalities takes minutes even without periods (issue 11, README.md: hundreds of
// stages on a 6,700-row LP), far beyond a benchmark run; it is measured at 40 municipalities, with 1 and 6 periods.
// Also 342 × 6 with `fairness.over: "horizon"` (fair shares judged on the horizon's totals; the periods only phase
// them). Custom metrics: the LP's rows, columns and nonzeros (the same every run), and for the central allocation
// whether it was reached within the time limit (1) or not (0).
import Benchmark
import BenchmarkSupport
import FairShareEngine
import FairShareScenario

let benchmarks: @Sendable () -> Void = {
    func measure(
        _ count: Int, periods: Int, allocation: SolverSettings.Allocation, large: Bool, overHorizon: Bool = false
    ) {
        var scenario = Fixtures.phased(count, periods: periods, allocation: allocation)
        if overHorizon { scenario = try! scenario.edited { $0.fairness.over = .horizon } }
        let size = ProgramSize(FairShareProgram(scenario))
        let central = allocation == .central
        let custom = ["rows", "columns", "nonzeros"] + (central ? ["central reached"] : [])
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .peakMemoryResident] + custom.map { .custom($0, useScalingFactor: false) },
            warmupIterations: large ? 0 : 1, maxDuration: .seconds(large ? 30 : 5), maxIterations: large ? 10 : 200)
        let label = periods == 0 ? "1 period (none: the horizon)"
            : "\(periods) periods" + (overHorizon ? ", fairness over the horizon" : "")
        Benchmark("n=\(count), \(label): allocation \(allocation.rawValue)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let result = FairShare.solve(scenario)
                // The central allocation of 40 × 6 sometimes runs into the 600-s time limit (README.md, "Periods");
                // the result then holds the levels' allocation with a warning: "central reached" says 0, no crash.
                precondition(result.status == .optimal && (central || result.allocation == allocation),
                    "n=\(count), T=\(periods): \(result.status) \(result.allocation) \(result.failure?.description ?? "")")
                if central {
                    benchmark.measurement(
                        .custom("central reached", useScalingFactor: false), result.allocation == .central ? 1 : 0)
                }
                blackHole(result)
            }
            benchmark.measurement(.custom("rows", useScalingFactor: false), size.rows)
            benchmark.measurement(.custom("columns", useScalingFactor: false), size.columns)
            benchmark.measurement(.custom("nonzeros", useScalingFactor: false), size.nonzeros)
        }
    }
    for periods in [0, 2, 3, 6] { measure(342, periods: periods, allocation: .any, large: true) }
    measure(342, periods: 6, allocation: .any, large: true, overHorizon: true)
    for periods in [0, 6] { measure(40, periods: periods, allocation: .central, large: periods > 0) }
}
