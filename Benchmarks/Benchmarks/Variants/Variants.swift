// 1,000 what-if variants of the Drechtsteden scenario (regional task, targets, demands, norm) solved in one
// process: each patch applied, validated and solved, one after another and across all cores.
// Goal (issue 6): under 1 s on one core, and faster again across both cores.
import Benchmark
import BenchmarkSupport
import Dispatch
import FairShareEngine
import FairShareScenario
import Foundation

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .instructions, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 10)

    let base = Fixtures.drechtsteden()
    let patches = WhatIfs.drechtstedenPatches(count: 1_000)
    let optimal = patches.filter { WhatIfs.solve($0, on: base).status == .optimal }.count
    precondition(optimal == patches.count, "only \(optimal) of \(patches.count) what-ifs are optimal")
    let cores = ProcessInfo.processInfo.activeProcessorCount

    Benchmark("1000 what-ifs, one after another") { benchmark in
        for _ in benchmark.scaledIterations {
            for patch in patches { blackHole(WhatIfs.solve(patch, on: base)) }
        }
    }
    // Without malloc counting: package-benchmark's counting interposer (preloaded on Linux) costs little on one
    // thread but serialises two (measured here: 1.6 s instead of 0.5 s wall for the same work).
    Benchmark("1000 what-ifs, across \(cores) cores", configuration: .init(metrics: [.wallClock, .cpuTotal])) {
        benchmark in
        for _ in benchmark.scaledIterations {
            DispatchQueue.concurrentPerform(iterations: cores) { worker in
                for index in stride(from: worker, to: patches.count, by: cores) {
                    blackHole(WhatIfs.solve(patches[index], on: base))
                }
            }
        }
    }
}
