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
    /// A figure takes part when its range is wider than this, relative to max(1, |lo|, |hi|).
    static let freeWidth = 1e-6
    /// A link's dual of at least this fraction of the stage's largest marks its figure as blocked.
    static let blockingDual = 1e-3
    /// A blocked figure is held within this fraction of max(1, |value|) of its value.
    static let holdingBand = 1e-8

    /// The central allocation on `face`, given every figure's range.
    /// - Returns: the solution of the last stage (every variable of the face's model), or the face's own start
    ///   when no figure is free.
    /// - Throws: ``FaceStop`` when a limit, a cancellation or the solver stops a stage.
    static func solve(_ figures: [Figure], ranges: [FigureRange], on face: OptimalFace) throws -> Solution {
        let open = figures.indices.filter { k in
            let range = ranges[k]
            return figures[k].isAllocated && range.max.isFinite
                && range.width > freeWidth * max(1, abs(range.min), abs(range.max))
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
        return try OptimalFace.withProblem(model, basis: basis) { problem in
            var remaining = Set(open)
            var last = face.start
            var stage = 0
            while !remaining.isEmpty {
                stage += 1
                let solution = try face.solve(problem)
                guard solution.status == .optimal, let reached = solution.objectiveValue else {
                    throw FaceStop.stopped(solution.status)
                }
                last = solution
                // The links' duals sum to 1 (τ's column): a nonzero one binds in every optimum of the stage. Solver
                // noise reaches about 2e-6 on Drechtsteden, so only duals above `blockingDual` times the largest count
                // (the largest always does). Missing a blocked figure only costs a stage: it blocks again in the next.
                let duals = Dictionary(uniqueKeysWithValues: remaining.map { ($0, abs(solution.dual(of: links[$0]!) ?? 0)) })
                let largest = duals.values.max() ?? 0
                var blocked = remaining.filter { duals[$0]! >= largest * blockingDual }
                if reached >= 0.5 - 1e-9 { blocked = remaining }
                for k in blocked.sorted() {
                    // Blocked: the figure has this one value in every optimum of the stage (at p_k = τ*), so it is
                    // held there, within `holdingBand` for the solver's rounding (held exactly, the errors of many
                    // held figures add up to an infeasible stage), which keeps the stage's solution feasible.
                    let variable = figures[k].variable
                    let own = model[variable]
                    let value = solution[variable]
                    let band = holdingBand * max(1, abs(value))
                    let lower = min(max(value - band, own.lowerBound), own.upperBound)
                    let upper = max(min(value + band, own.upperBound), lower)
                    try problem.setBounds(of: variable, lowerBound: lower, upperBound: upper)
                    try problem.setBounds(of: links[k]!, lowerBound: -.infinity, upperBound: .infinity)
                    remaining.remove(k)
                }
                face.progress(.centre(stage: stage, open: remaining.count))
            }
            return last
        }
    }
}
