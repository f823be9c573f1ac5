import FairShareTestSupport
import GLPKSolver
import LinearModel
import Testing

/// FairShareTestSupport's `isClose` at the solver tests' default tolerance: `|a − b| ≤ 1e-7 · max(1, |b|)`.
func isClose(_ a: Double?, _ b: Double) -> Bool { isClose(a, b, tolerance: 1e-7) }

/// The example of the GLPK reference manual (section 1.3.1):
///
///     maximize z = 10 x1 + 6 x2 + 4 x3
///     p:   x1 +   x2 +   x3 ≤ 100
///     q: 10 x1 + 4 x2 + 5 x3 ≤ 600
///     r:  2 x1 + 2 x2 + 6 x3 ≤ 300,   x1, x2, x3 ≥ 0
///
/// Worked out by hand. The ratios c/a favour x1 and x2, so try the vertex where p and q are tight and x3 = 0:
/// x1 + x2 = 100 and 10 x1 + 4 x2 = 600 give 6 x1 = 200, x1 = 100/3, x2 = 200/3. Row r is then
/// 200/3 + 400/3 = 200 ≤ 300 (slack 100), so the basis is {x1, x2, r}.
/// Duals from c_B = y·B on the basic columns: y_p + 10 y_q = 10 and y_p + 4 y_q = 6, so y_q = 2/3 and
/// y_p = 10/3; y_r = 0 (r is basic).
/// Reduced cost of x3: 4 − (1·10/3 + 5·2/3 + 6·0) = 4 − 20/3 = −8/3 ≤ 0, so (maximising) the basis is optimal.
/// z = 10·100/3 + 6·200/3 = 2200/3 = 733.333…; check with duals: 100·10/3 + 600·2/3 = 2200/3.
struct ManualExample {
    var model = Model(name: "glpk-manual")
    let x1: Variable, x2: Variable, x3: Variable
    let p: ConstraintID, q: ConstraintID, r: ConstraintID

    static let optimum = 2200.0 / 3

    init() {
        x1 = model.addVariable("x1")
        x2 = model.addVariable("x2")
        x3 = model.addVariable("x3")
        p = model.add(x1 + x2 + x3 <= 100, name: "p")
        q = model.add(10 * x1 + 4 * x2 + 5 * x3 <= 600, name: "q")
        r = model.add(2 * x1 + 2 * x2 + 6 * x3 <= 300, name: "r")
        model.maximize(10 * x1 + 6 * x2 + 4 * x3)
    }
}

/// A 0-1 knapsack: maximize 10a + 13b + 7c + 8d subject to 4a + 6b + 3c + 5d ≤ 10.
///
/// By hand: pairs that fit (weight ≤ 10): a+b (10, value 23), a+c (7, 17), a+d (9, 18), b+c (9, 20),
/// c+d (8, 15); b+d weighs 11. No triple fits (the three lightest weigh 3+4+5 = 12). Best: a + b = 23.
/// The LP relaxation takes the best ratios a (2.5), c (2.33), then half of b: 10 + 7 + 6.5 = 23.5, so
/// branching is needed.
struct Knapsack {
    var model = Model(name: "knapsack")
    let items: [Variable]
    let capacity: ConstraintID

    static let optimum = 23.0

    init() {
        let values = [10.0, 13, 7, 8]
        let weights = [4.0, 6, 3, 5]
        var items: [Variable] = []
        for name in ["a", "b", "c", "d"] {
            items.append(model.addVariable(name, lowerBound: 0, upperBound: 1, isInteger: true))
        }
        self.items = items
        capacity = model.add(
            LinearExpression(terms: zip(items, weights).map { .init($0, $1) }) <= 10, name: "capacity")
        model.maximize(LinearExpression(terms: zip(items, values).map { .init($0, $1) }))
    }
}

/// A 4-row market-split problem with slacks (Cornuéjols–Dawande style): 36 binaries x, and per row i
/// `a_i·x + plus_i − minus_i = b_i` with `b_i = ⌊Σ_j a_ij / 2⌋`, minimising `Σ (plus_i + minus_i)`.
/// Any x is feasible (the slacks absorb the difference), so branch-and-cut finds incumbents at once, but the LP
/// bound stays 0 and proving optimality takes GLPK far longer than a second (glpsol: gap 100 % after 10 s).
struct MarketSplit {
    var model = Model(name: "market-split")
    let x: [Variable]
    let plus: [Variable]
    let minus: [Variable]
    let rows: [[Double]] = [
        [
            30, 75, 69, 16, 47, 77, 60, 80, 74, 8, 77, 1, 60, 33, 70, 29, 24, 91, 60, 69, 70, 60, 50, 81, 19, 29, 81,
            19, 66, 49, 94, 1, 85, 99, 8, 20,
        ],
        [
            97, 75, 5, 38, 99, 3, 34, 60, 76, 92, 49, 91, 54, 50, 93, 73, 56, 17, 46, 12, 4, 17, 63, 27, 33, 86, 55,
            99, 80, 38, 53, 64, 49, 73, 44, 68,
        ],
        [
            74, 52, 74, 29, 43, 87, 3, 35, 77, 85, 89, 20, 89, 41, 69, 73, 72, 13, 91, 83, 27, 81, 73, 34, 36, 15, 8,
            61, 81, 61, 11, 44, 8, 52, 19, 2,
        ],
        [
            37, 54, 98, 53, 15, 5, 77, 78, 97, 5, 48, 91, 75, 42, 70, 35, 64, 30, 4, 39, 0, 9, 13, 76, 68, 4, 25, 52,
            37, 78, 33, 19, 88, 5, 43, 40,
        ],
    ]

    init() {
        var x: [Variable] = []
        for j in 0..<36 { x.append(model.addVariable("x\(j)", lowerBound: 0, upperBound: 1, isInteger: true)) }
        var plus: [Variable] = []
        var minus: [Variable] = []
        for (i, row) in rows.enumerated() {
            let up = model.addVariable("plus\(i)")
            let down = model.addVariable("minus\(i)")
            plus.append(up)
            minus.append(down)
            let target = (row.reduce(0, +) / 2).rounded(.down)
            model.add(LinearExpression(terms: zip(x, row).map { .init($0, $1) }) + up - down == target, name: "r\(i)")
        }
        self.x = x
        self.plus = plus
        self.minus = minus
        model.minimize(LinearExpression.sum(plus + minus))
    }
}

/// Expects `body` to throw a ``SolverError`` with `code`; returns it for further checks.
@discardableResult
func expectSolverError<R>(
    _ code: SolverError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> R
) -> SolverError? {
    do {
        _ = try body()
        Issue.record("expected SolverError \(code), but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as SolverError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected SolverError \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
