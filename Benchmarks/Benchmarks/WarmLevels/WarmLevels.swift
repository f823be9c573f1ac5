// Lexicographic levels solved warm on one GLPK problem (as FairShare.solve does) against each level solved cold on
// a new problem holding the rows of the levels before it. Reports simplex iterations as a custom metric.
import Benchmark
import BenchmarkSupport
import FairShareEngine

let benchmarks: @Sendable () -> Void = {
    let cases: [(String, () -> FairShareProgram, Int)] = [
        ("Drechtsteden max-norm", { FairShareProgram(Fixtures.drechtsteden(variant: "max-norm")) }, 2_000),
        ("synthetic 40 lexicographic", { FairShareProgram(Fixtures.synthetic(40, lexicographic: true)) }, 500),
        ("synthetic 342 lexicographic", { FairShareProgram(Fixtures.synthetic(342, lexicographic: true)) }, 50),
        ("synthetic 2000 lexicographic", { FairShareProgram(Fixtures.synthetic(2_000, lexicographic: true)) }, 2),
    ]
    for (label, make, iterations) in cases {
        let program = make()
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .instructions, .mallocCountTotal, .custom("simplex iterations", useScalingFactor: false)],
            warmupIterations: iterations > 2 ? 1 : 0, maxDuration: .seconds(3), maxIterations: iterations)
        let warm = try! Levels.warm(program)
        let cold = try! Levels.cold(program)
        precondition(warm.optima.count == program.levels.count && cold.optima.count == program.levels.count)
        for (a, b) in zip(warm.optima, cold.optima) {
            precondition(abs(a - b) <= 1e-4 * max(1, abs(a)), "\(label): warm \(warm.optima) ≠ cold \(cold.optima)")
        }
        Benchmark("\(label): levels warm", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let run = try Levels.warm(program)
                benchmark.measurement(.custom("simplex iterations", useScalingFactor: false), run.iterations.reduce(0, +))
            }
        }
        Benchmark("\(label): each level cold", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let run = try Levels.cold(program)
                benchmark.measurement(.custom("simplex iterations", useScalingFactor: false), run.iterations.reduce(0, +))
            }
        }
    }
}
