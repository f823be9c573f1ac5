// period-timing: single runs of the programme over time (issue 14), outside package-benchmark.
//
//   period-timing COUNT PERIODS [PERIODS ...] [--runs R] [--central] [--over-horizon] [--progress]
//                 [--range-threads N]
//
// For each number of periods (0: none), the LP's size, the levels solved warm as the engine solves them (time and
// simplex iterations of each; and from the start the engine used before issue 14), and R runs of `FairShare.solve`
// (`allocation: "any"`, or the central allocation with --central): every run's wall time and the median. --over-horizon: `fairness.over: "horizon"` (the periods
// only phase the horizon's fair allocation) instead of the default `"periods"`; --progress: each step of every solve
// on standard error; --range-threads N: the ranges of the central allocation on at most N threads.
import BenchmarkSupport
import FairShareEngine
import FairShareScenario
import GLPKSolver
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 5
var allocation = SolverSettings.Allocation.any
if let at = arguments.firstIndex(of: "--runs"), at + 1 < arguments.count {
    runs = Int(arguments[at + 1]) ?? runs
    arguments.removeSubrange(at...(at + 1))
}
if let at = arguments.firstIndex(of: "--central") {
    allocation = .central
    arguments.remove(at: at)
}
var rangeThreads: Int?
if let at = arguments.firstIndex(of: "--range-threads"), at + 1 < arguments.count {
    rangeThreads = Int(arguments[at + 1])
    arguments.removeSubrange(at...(at + 1))
}
let overHorizon = arguments.contains("--over-horizon")
let showProgress = arguments.contains("--progress")
arguments.removeAll { $0 == "--over-horizon" || $0 == "--progress" }
/// --progress: every step of the solve on standard error (levels, ranges, stages of the central allocation).
let report: @Sendable (SolveProgress) -> Void = { progress in
    FileHandle.standardError.write(Data("  \(progress.elapsed): \(progress.step)\n".utf8))
}
let options = SolveOptions(progress: showProgress ? report : nil, rangeThreads: rangeThreads)
let numbers = arguments.compactMap { Int($0) }
guard numbers.count >= 2 else {
    FileHandle.standardError.write(Data("usage: period-timing COUNT PERIODS [PERIODS ...] [--runs R] [--central] [--over-horizon] [--progress] [--range-threads N]\n".utf8))
    exit(1)
}
let count = numbers[0]
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

var medians: [(Int, Double)] = []
for periods in numbers.dropFirst() {
    var scenario = Fixtures.phased(count, periods: periods, allocation: allocation)
    if overHorizon { scenario = try scenario.edited { $0.fairness.over = .horizon } }
    let program = FairShareProgram(scenario)
    let size = ProgramSize(program)
    let levels = try Levels.warm(program)
    let perLevel = zip(zip(program.levels, levels.seconds), levels.iterations).map { level, iterations in
        "\(level.0.level.rawValue) \(String(format: "%.1f", level.1 * 1000)) ms / \(iterations) iterations"
    }
    // The start the engine used before issue 14 for every programme of 1,000 rows or more: scaled, Bixby's basis,
    // the dual simplex first (a GLPK layer that restarts from the standard basis, unscaled, when both give up).
    var before = program.solverOptions
    before.startingBasis = .bixby
    before.startingMethod = .dualSimplex
    let old = try Levels.warm(program.model, levels: program.levels.map(\.expression), options: before)
    let oldLevels = zip(old.seconds, old.iterations).map { seconds, iterations in
        "\(String(format: "%.1f", seconds * 1000)) ms / \(iterations) iterations"
    }
    var times: [Double] = []
    for _ in 0..<runs {
        let start = clock.now
        let result = FairShare.solve(scenario, options: options)
        times.append(seconds(clock.now - start))
        if result.status != .optimal || result.allocation != allocation {
            print("  T=\(periods): \(result.status), allocation \(result.allocation), \(result.failure?.description ?? "")")
            print("  warnings: \(result.warnings.map(\.message))")
        }
    }
    let median = times.sorted()[times.count / 2]
    medians.append((periods, median))
    print("n=\(count) T=\(periods): \(size)")
    print("  levels warm: \(perLevel.joined(separator: "; "))")
    print("  levels warm, the start before issue 14 (Bixby's basis, dual first): \(oldLevels.joined(separator: "; "))")
    print("  FairShare.solve (\(allocation.rawValue)): median \(String(format: "%.1f", median * 1000)) ms of "
        + times.map { String(format: "%.1f", $0 * 1000) }.joined(separator: ", ") + " ms")
}
if let base = medians.first {
    for (periods, median) in medians.dropFirst() {
        print("T=\(periods) ÷ T=\(base.0): \(String(format: "%.2f", median / base.1))×")
    }
}
