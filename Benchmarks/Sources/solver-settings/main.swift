// solver-settings: GLPK's simplex settings tried on the very same levels through the raw C API, to choose the
// engine's settings by measurement. For each scenario and setting: simplex iterations and CPU time per level, and
// whether the level optima equal the reference (standard basis, no scaling, primal simplex: the engine before
// issue 6). "dual→primal": the first level by the dual simplex, warm levels by the primal one; a dual that gives up
// (GLP_EFAIL) is followed by the primal from the same starting basis, as in the GLPK layer.
//
//   solver-settings [--single] [--match TEXT] [COUNT ...]
//     synthetic regions (the 1-level form and, without --single, the 3-level form) plus Drechtsteden (without
//     COUNTs); --match keeps the settings whose label contains TEXT (e.g. "bixby basis, scaled"); --periods T:
//     the synthetic regions cut into T yearly periods (issue 14), 1-level form only
import BenchmarkSupport
import FairShareEngine
import Foundation
import RawGLPK

var arguments = Array(CommandLine.arguments.dropFirst())
let single = arguments.contains("--single")
arguments.removeAll { $0 == "--single" }
var match: String?
if let at = arguments.firstIndex(of: "--match"), at + 1 < arguments.count {
    match = arguments[at + 1]
    arguments.removeSubrange(at...(at + 1))
}
var periods = 0
if let at = arguments.firstIndex(of: "--periods"), at + 1 < arguments.count {
    periods = Int(arguments[at + 1]) ?? 0
    arguments.removeSubrange(at...(at + 1))
}
let counts = arguments.compactMap { Int($0) }
var cases: [(String, FairShareProgram)] = counts.isEmpty ? [
    ("Drechtsteden", FairShareProgram(Fixtures.drechtsteden())),
    ("Drechtsteden max-norm", FairShareProgram(Fixtures.drechtsteden(variant: "max-norm"))),
] : []
for count in counts.isEmpty ? [40, 342, 2000] : counts {
    if periods > 0 {
        cases.append(("synthetic \(count) × \(periods) periods", FairShareProgram(Fixtures.phased(count, periods: periods))))
        continue
    }
    cases.append(("synthetic \(count)", FairShareProgram(Fixtures.synthetic(count))))
    if !single {
        let program = FairShareProgram(Fixtures.synthetic(count, lexicographic: true))
        cases.append(("synthetic \(count) lexicographic", program))
    }
}

typealias Settings = RawGLPK.Settings
var settings: [(String, Settings)] = []
for basis in Settings.Basis.allCases {
    for scale in [false, true] {
        let methods = [("primal", false, false), ("dual", true, true), ("dual→primal", true, false)]
        for (method, dualFirst, dualWarm) in methods {
            let label = "\(method), \(basis.rawValue) basis\(scale ? ", scaled" : "")"
            settings.append((label, Settings(dualFirst: dualFirst, dualWarm: dualWarm, scale: scale, basis: basis)))
        }
    }
}
settings.append(("primal, presolve, scaled", Settings(presolve: true, scale: true)))
settings.append(("dual, presolve, scaled", Settings(dualFirst: true, dualWarm: true, presolve: true, scale: true)))
if let match { settings.removeAll { !$0.0.contains(match) } }

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
}

print("| scenario | setting | iterations per level | CPU s (best of 3) | optima |")
print("| --- | --- | --- | ---: | --- |")
for (name, program) in cases {
    let lp = RawLP(program)
    let reference = RawGLPK.solveLevels(lp).optima
    for (label, setting) in settings {
        var best = Double.infinity
        var outcome = RawGLPK.solveLevels(lp, settings: setting)
        for _ in 0..<(lp.columnLower.count > 20_000 ? 1 : 3) {
            let start = cpuSeconds()
            outcome = RawGLPK.solveLevels(lp, settings: setting)
            best = min(best, cpuSeconds() - start)
        }
        let same = outcome.optima.count == reference.count
            && zip(outcome.optima, reference).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) }
        let iterations = outcome.iterations.map(String.init).joined(separator: " + ")
        let failure = outcome.failure.map { " glp_simplex \($0.code), status \($0.status)" } ?? ""
        let verdict = same ? "equal" : "DIFFER \(outcome.optima)\(failure)"
        print("| \(name) | \(label) | \(iterations) | \(String(format: "%.4f", best)) | \(verdict) |")
    }
}
