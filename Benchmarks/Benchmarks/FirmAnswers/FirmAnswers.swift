// Ranges and the central allocation (issue 11) against the first optimal vertex (`solver.allocation: "any"`) in
// the same run: Drechtsteden, and synthetic regions of 7 and 40 municipalities. 342 municipalities take minutes
// (hundreds of stages of the central allocation): see README.md, measured with `fairshare solve`.
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
            // A valid scenario stays valid with another allocation and a longer limit.
            let settings = try! scenario.edited {
                $0.solver.allocation = allocation
                $0.solver.timeLimit = 600
            }
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
    for count in [7, 40] { pair("n=\(count)", Fixtures.synthetic(count)) }
    pair("n=40 harder", Fixtures.harder(40))
}
