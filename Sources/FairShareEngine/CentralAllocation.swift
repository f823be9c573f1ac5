import FairShareScenario
import GLPKSolver
import LinearModel

/// The central allocation: over the allocated figures that the requirements leave free, the point of the optimal
/// face whose vector of p_k = min(v_k − lo_k, hi_k − v_k) / (hi_k − lo_k) — how far each figure stays from the
/// nearer end of its range, as a fraction of the range — is lexicographically largest from the smallest up.
///
/// Ogryczak's sequential method, the same machinery as leximin fairness: each stage maximises the common floor τ
/// of every open figure's p_k (v_k − w_k τ ≥ lo_k and v_k + w_k τ ≤ hi_k, through a floor q_k of its own); the figures
/// that cannot get above τ* — a row with a nonzero dual binds in every optimum — have one value in every optimum
/// of the stage; they are held at it and leave, and the next stage raises the others. p is concave and the face convex, so the
/// point is unique: in words, every free figure sits as near the middle of its range as the others allow.
enum CentralAllocation {
    /// A figure takes part when its range is wider than this (homes or placements). Narrower ranges are the room
    /// the levels' tolerance leaves (docs/model.md §5: 1e-6 · max(1, |v*|), spread over the figures the level
    /// counts), which GLPK's own feasibility tolerance resolves only to some ten per cent: such a figure has no
    /// middle that two solver paths would agree on, and every table shows it as one number anyway.
    static let freeWidth = 0.05
    /// A link's dual of at least this fraction of the stage's largest marks its figure as blocked.
    static let blockingDual = 1e-3
    /// GLPK's primal and dual feasibility tolerances (`tol_bnd`, `tol_dj`) in the stages: 1e-10 instead of GLPK's
    /// default 1e-7. The face is ill-conditioned in places (a figure of a range 0.06 wide at 4,000 homes; a blocking
    /// dual of 1.5e-5 that the default tolerance turns into 0 under another order of the municipalities), and how
    /// precisely τ*, the values and the duals come out decides which figures a stage holds and where. Measured on
    /// 9,500 generated regions, each against itself renamed and reordered: 3 centres differed beyond the property's
    /// tolerance with 1e-10, 6 with 1e-9 and 11 with the default (the 7-municipality case among them, 31 homes
    /// apart); one of the 3 (0.007 homes in a range 0.2 wide) agrees with the default.
    static let stageTolerances = SolverOptions.SimplexTolerances(primal: 1e-10, dual: 1e-10)
    /// How far, as a fraction of max(1, |value|), a blocked figure's holding interval reaches beyond its value
    /// (GLPK's default relative feasibility tolerance; the stages themselves are solved to ``stageTolerances``).
    /// Measured: a band of 1e-9, as tight as those tolerances, brings the 7-municipality case's 31 homes back.
    static let holdingBand = 1e-7
    /// The most a holding interval reaches beyond its value, in units of the band and as a multiple of the figure's
    /// range: 100 bands, 1e-5 of the range. A figure whose range is narrow next to its value (0.055 homes at 4,073)
    /// would otherwise be held with a reach of 7e-3 of its range, room that the later stages use to lift the figures
    /// coupled to it, so that where they end up depends on which stage held which figure.
    static let holdingReach = 100.0
    /// How far a stage's τ* may come out below the last stage's before it counts as a fall (solver rounding).
    static let stageSlack = 1e-6

    /// The central allocation on `face`, given every figure's range.
    /// - Returns: the solution of the last stage (every variable of the face's model), or the face's own start
    ///   when no figure is free.
    /// - Throws: ``FaceStop`` when a limit, a cancellation or the solver stops a stage.
    static func solve(_ figures: [Figure], ranges: [FigureRange], on face: OptimalFace) throws -> Solution {
        let open = figures.indices.filter { k in
            let range = ranges[k]
            return figures[k].isAllocated && range.max.isFinite
                && range.width > freeWidth
        }
        guard !open.isEmpty else { return face.start }
        var model = face.model
        let floor = model.addVariable("centre.floor", lowerBound: 0, upperBound: 0.5)
        // Per open figure its own floor q_k ≤ ½ with v − w q_k ≥ lo and v + w q_k ≤ hi, and a link q_k − τ ≥ 0 that
        // leaves the stage when the figure is held. The link's bound is 0, so freeing it keeps a non-basic row at
        // the same activity and the basis stays valid for the next stage's warm start.
        var links: [Int: ConstraintID] = [:]
        for k in open {
            let range = ranges[k]
            let v = figures[k].variable
            let own = model.addVariable("centre.q[\(v.index)]", lowerBound: 0, upperBound: 0.5)
            // A hair of room at both ends: the ranges are the LPs' optima, feasible to the solver's tolerance only.
            let slack = 1e-9 * max(1, abs(range.min), abs(range.max))
            model.add(v - range.width * own >= range.min - slack, name: "centre.low[\(v.index)]")
            model.add(v + range.width * own <= range.max + slack, name: "centre.high[\(v.index)]")
            links[k] = model.add(own - floor >= 0, name: "centre.link[\(v.index)]")
        }
        model.maximize(LinearExpression(floor))
        var basis = face.basis
        basis?.rows += Array(repeating: .basic, count: 3 * open.count)
        basis?.columns += Array(repeating: .atLower, count: 1 + open.count)
        var face = face
        face.method = .dualSimplex
        face.tolerances = stageTolerances
        return try OptimalFace.withProblem(model, basis: basis) { problem in
            var remaining = Set(open)
            var last = face.start
            var stage = 0
            // Each blocked figure's value and the floor τ* it was held at, to widen the holds when needed.
            var held: [(figure: Int, value: Double, floor: Double)] = []
            // The floor τ* of the last stage.
            var floorReached = 0.0
            func hold(_ k: Int, value: Double, floor: Double, band: Double) throws {
                // p_k cannot exceed τ* in any optimum of the stage, so the figure sits at one end of
                // [lo + τ* w, hi − τ* w] in all of them: it is held to that interval (p_k ≥ τ*), widened to take in
                // the stage's own value and `band` of it for the solver's rounding, but by no more than
                // `holdingReach` bands of the range.
                let variable = figures[k].variable
                let own = model[variable]
                let range = ranges[k]
                let margin = band * min(max(1, abs(value)), holdingReach * range.width)
                let lower = min(
                    max(min(value, range.min + floor * range.width) - margin, own.lowerBound),
                    own.upperBound)
                let upper = max(min(max(value, range.max - floor * range.width) + margin, own.upperBound), lower)
                try problem.setBounds(of: variable, lowerBound: lower, upperBound: upper)
            }
            while !remaining.isEmpty {
                stage += 1
                var solution = try face.solve(problem)
                // Held to the solver's tolerance, the rounding errors of many held figures can add up to a stage
                // that the solver finds infeasible: the holds are widened tenfold, at most three times.
                var band = holdingBand
                while solution.status == .infeasible, band < holdingBand * 1e3 {
                    band *= 10
                    for entry in held { try hold(entry.figure, value: entry.value, floor: entry.floor, band: band) }
                    solution = try face.solve(problem)
                }
                // τ* never falls from one stage to the next (the last stage's point is still feasible); a stage
                // that reports less has been led astray by its warm start (seen: τ* = 0 after 0.143, from the
                // interior-point method's face of 7 synthetic municipalities), and is solved afresh.
                func fell(_ solution: Solution) -> Bool {
                    solution.status == .optimal && (solution.objectiveValue ?? 0) < floorReached - stageSlack
                }
                if fell(solution) {
                    solution = try face.solveAfresh(problem) { $0.status != .optimal || fell($0) }
                }
                guard solution.status == .optimal, let reached = solution.objectiveValue, !fell(solution) else {
                    throw FaceStop.stopped(
                        solution.status == .optimal
                            ? .failed(
                                reason: "a stage of the central "
                                    + "allocation fell below the last") : solution.status)
                }
                floorReached = reached
                last = solution
                // The links' duals sum to 1 (τ's column): a nonzero one binds in every optimum of the stage. Solver
                // noise reaches about 2e-6 on Drechtsteden, so only duals of at least `blockingDual` times the
                // largest count (the largest always does). Missing a blocked figure only costs a stage: it blocks
                // again in the next.
                let duals = Dictionary(
                    uniqueKeysWithValues: remaining.map {
                        ($0, abs(solution.dual(of: links[$0]!) ?? 0))
                    })
                let largest = duals.values.max() ?? 0
                var blocked = remaining.filter { duals[$0]! >= largest * blockingDual }
                if reached >= 0.5 - 1e-9 { blocked = remaining }
                for k in blocked.sorted() {
                    let value = solution[figures[k].variable]
                    try hold(k, value: value, floor: reached, band: band)
                    held.append((k, value, reached))
                    try problem.setBounds(of: links[k]!, lowerBound: -.infinity, upperBound: .infinity)
                    remaining.remove(k)
                }
                face.progress(.centre(stage: stage, open: remaining.count))
            }
            return last
        }
    }
}
