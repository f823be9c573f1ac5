// Synthetic regions of 7, 40, 342 and 2,000 municipalities (SyntheticRegion, seed 1): LP size, build time,
// FairShare.solve, and the time of each level of the three-level variant (soft targets, norm max).
import Benchmark
import BenchmarkSupport
import FairShareEngine

let benchmarks: @Sendable () -> Void = {
    for count in Fixtures.syntheticSizes {
        let large = count >= 2_000
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident],
            warmupIterations: large ? 0 : 1, maxDuration: .seconds(large ? 1 : 5), maxIterations: large ? 3 : 200)
        let scenario = Fixtures.synthetic(count)
        let lexicographic = FairShareProgram(Fixtures.synthetic(count, lexicographic: true))
        let size = ProgramSize(FairShareProgram(scenario))

        Benchmark("n=\(count): build the LP", configuration: withSize(configuration)) { benchmark in
            for _ in benchmark.scaledIterations {
                let program = FairShareProgram(scenario)
                blackHole(program)
                benchmark.measurement(.custom("rows", useScalingFactor: false), size.rows)
                benchmark.measurement(.custom("columns", useScalingFactor: false), size.columns)
                benchmark.measurement(.custom("nonzeros", useScalingFactor: false), size.nonzeros)
            }
        }
        Benchmark("n=\(count): FairShare.solve (build, 1 level, check)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let result = FairShare.solve(scenario)
                precondition(result.status == .optimal, "n=\(count): \(result.status) \(result.failure?.description ?? "")")
                blackHole(result)
            }
        }
        var perLevel = configuration
        perLevel.metrics += levelNames.map { .custom("\($0) µs", useScalingFactor: false) }
        Benchmark("n=\(count): 3 levels warm (soft targets, norm max)", configuration: perLevel) { benchmark in
            for _ in benchmark.scaledIterations {
                let run = try Levels.warm(lexicographic)
                precondition(run.optima.count == 3, "n=\(count): only \(run.optima.count) levels solved")
                for (name, seconds) in zip(levelNames, run.seconds) {
                    benchmark.measurement(.custom("\(name) µs", useScalingFactor: false), Int(seconds * 1e6))
                }
            }
        }
    }
}

let levelNames = ["1 shortfall", "2 fairness", "3 tiebreak"]

func withSize(_ configuration: Benchmark.Configuration) -> Benchmark.Configuration {
    var copy = configuration
    copy.metrics += ["rows", "columns", "nonzeros"].map { .custom($0, useScalingFactor: false) }
    return copy
}
