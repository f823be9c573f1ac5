import Dispatch
import FairShareScenario
import GLPKSolver
import LinearModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The range of every figure over the optimal face: its least and its greatest value (what metabolic modelling
/// calls flux variability analysis). Two linear programmes per figure at most, solved warm on the face; the work
/// skips what is already known, the way the fast FVA tools do:
/// - a figure whose variable the last level's reduced costs hold at a bound is fixed there (when the level's
///   tolerance lets it move by at most ``reducedCostSlack`` homes);
/// - an extreme is not solved for when some solution found so far already reached the variable's own bound;
/// - large faces are spread over every core, one GLPK problem per thread.
enum FigureRanges {
    /// The most a figure may move, in homes or placements, when the reduced costs call it fixed.
    static let reducedCostSlack = 1e-4
    /// Faces with fewer rows are explored on one thread: below this, starting a second problem costs more than
    /// it saves (measured in `Benchmarks/`).
    static let parallelMinimumRows = 1_000

    /// The range of each figure, in the order of `figures`; `max` is `.infinity` when nothing bounds it.
    /// - Throws: ``FaceStop`` when a limit, a cancellation or the solver stops an LP.
    /// - Parameter threads: at most this many threads (`nil`: one per core, up to 8).
    static func solve(_ figures: [Figure], on face: OptimalFace, threads limit: Int? = nil) throws -> [FigureRange] {
        let work = RangeWork(figures: figures, face: face)
        let threads =
            face.model.constraints.count >= parallelMinimumRows && work.tasks.count >= 64
            ? max(1, min(limit ?? 8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) : 1
        if threads == 1 {
            work.explore()
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in work.explore() }
        }
        if let stop = work.stop { throw stop }
        return work.ranges()
    }
}

/// The shared state of one range computation: the tasks (a figure and a direction), what every solution so far
/// has shown, and the extremes found. Threads take tasks in order under the lock.
private final class RangeWork: Sendable {
    struct Task {
        var figure: Int
        var maximise: Bool
    }

    /// What the threads share.
    struct State {
        var next = 0
        /// Known extremes; `nil` until solved.
        var lowest: [Double?]
        var highest: [Double?]
        /// The least and greatest value each figure took in any solution so far.
        var seenLowest: [Double]
        var seenHighest: [Double]
        var stop: FaceStop?
        /// Range LPs solved so far.
        var solved = 0
    }

    let figures: [Figure]
    let face: OptimalFace
    let tasks: [Task]
    /// The variables' own bounds on the face.
    private let lowerBounds: [Double]
    private let upperBounds: [Double]
    private let state: Locked<State>

    init(figures: [Figure], face: OptimalFace) {
        self.figures = figures
        self.face = face
        let seen = figures.map { face.start[$0.variable] }
        let lowerBounds = figures.map { face.model[$0.variable].lowerBound }
        let upperBounds = figures.map { face.model[$0.variable].upperBound }
        var state = State(
            lowest: Array(repeating: nil, count: figures.count), highest: Array(repeating: nil, count: figures.count),
            seenLowest: seen, seenHighest: seen)
        RangeWork.fixByReducedCosts(figures, face: face, lowerBounds, upperBounds, &state)
        var tasks: [Task] = []
        for k in figures.indices {
            if state.lowest[k] == nil { tasks.append(Task(figure: k, maximise: false)) }
            if state.highest[k] == nil { tasks.append(Task(figure: k, maximise: true)) }
        }
        self.tasks = tasks
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
        self.state = Locked(state)
    }

    var stop: FaceStop? { state.withLock { $0.stop } }

    /// A variable non-basic at a bound with reduced cost d in the last level's optimum cannot move more than
    /// tolerance / |d| on the face (the level's objective grows by at least |d| per unit): when that is at most
    /// ``FigureRanges/reducedCostSlack``, the figure is fixed at the bound.
    private static func fixByReducedCosts(
        _ figures: [Figure], face: OptimalFace, _ lowerBounds: [Double], _ upperBounds: [Double], _ state: inout State
    ) {
        guard face.hasReducedCosts else { return }
        for (k, figure) in figures.enumerated() {
            guard let cost = face.start.reducedCost(of: figure.variable), cost != 0,
                face.tolerance / abs(cost) <= FigureRanges.reducedCostSlack
            else { continue }
            let value = face.start[figure.variable]
            let bound = cost > 0 ? lowerBounds[k] : upperBounds[k]
            guard bound.isFinite, abs(value - bound) <= 1e-9 * max(1, abs(bound)) else { continue }
            state.lowest[k] = bound
            state.highest[k] = bound
        }
    }

    /// Takes tasks until none is left, on this thread's own problem.
    func explore() {
        do {
            try OptimalFace.withProblem(face.model, basis: face.basis) { problem in
                while let task = take() {
                    let figure = figures[task.figure]
                    let objective = LinearExpression(figure.variable)
                    try problem.setObjective(task.maximise ? .maximize(objective) : .minimize(objective))
                    let solution = try face.solve(problem)
                    switch solution.status {
                    case .optimal:
                        record(task, value: solution.objectiveValue ?? solution[figure.variable], solution: solution)
                    case .unbounded where task.maximise:
                        record(task, value: .infinity, solution: nil)
                    default:
                        throw FaceStop.stopped(solution.status)
                    }
                }
            }
        } catch {
            state.withLock { state in
                if state.stop == nil { state.stop = error as? FaceStop ?? .stopped(.failed(reason: "\(error)")) }
            }
        }
    }

    /// The next task whose extreme is not known yet, or `nil` when done (or stopped).
    private func take() -> Task? {
        state.withLock { state in
            while state.next < tasks.count, state.stop == nil {
                let task = tasks[state.next]
                state.next += 1
                let k = task.figure
                if task.maximise {
                    if state.highest[k] != nil { continue }
                    if state.seenHighest[k] >= upperBounds[k] - 1e-9 * max(1, abs(upperBounds[k])) {
                        state.highest[k] = upperBounds[k]
                        continue
                    }
                } else {
                    if state.lowest[k] != nil { continue }
                    if state.seenLowest[k] <= lowerBounds[k] + 1e-9 * max(1, abs(lowerBounds[k])) {
                        state.lowest[k] = lowerBounds[k]
                        continue
                    }
                }
                return task
            }
            return nil
        }
    }

    private func record(_ task: Task, value: Double, solution: Solution?) {
        let solved = state.withLock { state in
            state.solved += 1
            return state.solved
        }
        face.progress(.ranges(solved: solved, of: tasks.count))
        state.withLock { state in
            if task.maximise { state.highest[task.figure] = value } else { state.lowest[task.figure] = value }
            guard let solution else { return }
            for (k, figure) in figures.enumerated() {
                let seen = solution[figure.variable]
                if seen < state.seenLowest[k] { state.seenLowest[k] = seen }
                if seen > state.seenHighest[k] { state.seenHighest[k] = seen }
            }
        }
    }

    /// The ranges once every task is done, clamped to the variables' bounds (as solved: reports round them).
    func ranges() -> [FigureRange] {
        state.withLock { state in
            figures.indices.map { k in
                var low = state.lowest[k] ?? state.seenLowest[k]
                var high = state.highest[k] ?? state.seenHighest[k]
                low = max(low, lowerBounds[k])
                high = min(high, upperBounds[k])
                if low > high { (low, high) = ((low + high) / 2, (low + high) / 2) }
                return FigureRange(min: low, max: high)
            }
        }
    }
}
