// The Drechtsteden scenario end to end (read the file, decode, validate, build the LP, all levels, check, result
// JSON) and each step on its own. The whole `fairshare solve` process is timed by peers/compare.py.
import Benchmark
import BenchmarkSupport
import FairShareEngine
import FairShareScenario
import Foundation

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3),
        maxIterations: 2_000)

    let url = Fixtures.drechtstedenURL
    let scenario = Fixtures.drechtsteden()
    let result = FairShare.solve(scenario)
    precondition(result.status == .optimal, "Drechtsteden is not optimal: \(result.status)")

    Benchmark("Drechtsteden: end to end (file → result JSON)") { benchmark in
        for _ in benchmark.scaledIterations {
            let loaded = try ScenarioLoader().load(contentsOf: url)
            blackHole(FairShare.solve(loaded).jsonText)
        }
    }
    Benchmark("Drechtsteden: read, decode and validate") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ScenarioLoader().load(contentsOf: url)) }
    }
    Benchmark("Drechtsteden: build the LP") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(FairShareProgram(scenario)) }
    }
    Benchmark("Drechtsteden: FairShare.solve (build, levels, check)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(FairShare.solve(scenario)) }
    }
    Benchmark("Drechtsteden: result JSON") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(result.jsonText) }
    }
}
