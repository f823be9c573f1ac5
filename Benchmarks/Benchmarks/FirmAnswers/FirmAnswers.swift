// Ranges and the central allocation (issue 11) against the first optimal vertex (`solver.allocation: "any"`) in
// the same run: Drechtsteden, synthetic regions of 7, 40 and 342 municipalities, a harder 342 (soft statushouders
// keyed on population and social stock, care), and the 342 ranges on one core against every core.
import Benchmark
import BenchmarkSupport
import FairShareEngine
import FairShareScenario

let benchmarks: @Sendable () -> Void = {
    func configuration(_ large: Bool) -> Benchmark.Configuration {
        .init(metrics: [.wallClock, .peakMemoryResident], warmupIterations: large ? 0 : 1,
            maxDuration: .seconds(large ? 20 : 3), maxIterations: large ? 3 : 1_000)
    }
    func pair(_ name: String, _ scenario: Scenario, large: Bool = false) {
        for allocation in SolverSettings.Allocation.allCases {
            var settings = scenario
            settings.solver.allocation = allocation
            settings.solver.timeLimit = 600
            Benchmark("\(name): allocation \(allocation.rawValue)", configuration: configuration(large)) { benchmark in
                for _ in benchmark.scaledIterations {
                    let result = FairShare.solve(settings)
                    precondition(result.status == .optimal && result.allocation == allocation,
                        "\(name): \(result.status) \(result.allocation) \(result.warnings.map(\.message))")
                    blackHole(result)
                }
            }
        }
    }
    pair("Drechtsteden", Fixtures.drechtsteden())
    for count in [7, 40, 342] { pair("n=\(count)", Fixtures.synthetic(count), large: count >= 342) }
    pair("n=342 harder", Fixtures.harder(342), large: true)
    var oneCore = Fixtures.synthetic(342)
    oneCore.solver.timeLimit = 600
    Benchmark("n=342: allocation central, ranges on 1 core", configuration: configuration(true)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(FairShare.solve(oneCore, options: SolveOptions(rangeThreads: 1)))
        }
    }
}
