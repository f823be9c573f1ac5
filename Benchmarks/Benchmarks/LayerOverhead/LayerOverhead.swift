// The modelling layers' overhead: the same LP and levels solved through GLPK's raw C API and through the Swift
// layers (LinearModel + GLPKSolver). Goal (issue 6): the Swift layers at most 1.2× the raw C API.
import Benchmark
import BenchmarkSupport
import FairShareEngine
import RawGLPK

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal], maxDuration: .seconds(3), maxIterations: 2_000)

    let cases: [(String, () -> FairShareProgram)] = [
        ("Drechtsteden", { FairShareProgram(Fixtures.drechtsteden()) }),
        ("Drechtsteden max-norm", { FairShareProgram(Fixtures.drechtsteden(variant: "max-norm")) }),
        ("synthetic 342 lexicographic", { FairShareProgram(Fixtures.synthetic(342, lexicographic: true)) }),
    ]
    for (label, make) in cases {
        let program = make()
        let lp = RawLP(program)
        Benchmark("\(label): raw C API (arrays → glp_load_matrix → levels)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(RawGLPK.solveLevels(lp, settings: .engine)) }
        }
        Benchmark("\(label): Swift layers (arrays → Model → GLPKProblem → levels)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try SwiftLayers.solveLevels(lp)) }
        }
        Benchmark("\(label): GLPKSolver on the built Model (levels only)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try Levels.warm(program)) }
        }
    }
}
