// solver-settings: GLPK's simplex settings tried on the very same levels through the raw C API, to choose the
// engine's settings by measurement. For each scenario and setting: simplex iterations and CPU time per level, and
// whether the level optima equal the reference (standard basis, no scaling, primal simplex: the engine before
// issue 6).
//
//   solver-settings [COUNT ...]   synthetic regions (both the 1-level and the 3-level form), plus Drechtsteden
import BenchmarkSupport
import FairShareEngine
import Foundation
import RawGLPK

let counts = CommandLine.arguments.dropFirst().compactMap { Int($0) }
var cases: [(String, FairShareProgram)] = [
    ("Drechtsteden", FairShareProgram(Fixtures.drechtsteden())),
    ("Drechtsteden max-norm", FairShareProgram(Fixtures.drechtsteden(variant: "max-norm"))),
]
for count in counts.isEmpty ? [40, 342, 2000] : counts {
    cases.append(("synthetic \(count)", FairShareProgram(Fixtures.synthetic(count))))
    cases.append(("synthetic \(count) lexicographic", FairShareProgram(Fixtures.synthetic(count, lexicographic: true))))
}

typealias Settings = RawGLPK.Settings
var settings: [(String, Settings)] = []
for basis in Settings.Basis.allCases {
    for scale in [false, true] {
        for (method, dualFirst, dualWarm) in [("primal", false, false), ("dual", true, true), ("dual→primal", true, false)] {
            let label = "\(method), \(basis.rawValue) basis\(scale ? ", scaled" : "")"
            settings.append((label, Settings(dualFirst: dualFirst, dualWarm: dualWarm, scale: scale, basis: basis)))
        }
    }
}
settings.append(("primal, presolve, scaled", Settings(presolve: true, scale: true)))
settings.append(("dual, presolve, scaled", Settings(dualFirst: true, dualWarm: true, presolve: true, scale: true)))

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
        print("| \(name) | \(label) | \(iterations) | \(String(format: "%.4f", best)) | \(same ? "equal" : "DIFFER \(outcome.optima) \(outcome.failure.map { "glp_simplex \($0.code), status \($0.status)" } ?? "")") |")
    }
}
