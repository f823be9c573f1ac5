// profile-layers: one path of the LayerOverhead benchmark in a loop, for valgrind --tool=callgrind (this machine
// has no hardware instruction counters, so package-benchmark cannot count instructions).
//
//   profile-layers raw|swift|model|engine SCENARIO [ITERATIONS]
//     raw     arrays → GLPK's C API → levels            swift   arrays → Model → GLPKProblem → levels
//     model   the built Model → GLPKProblem → levels    engine  FairShare.solve (build, levels, check)
//     whatif  Drechtsteden what-ifs of the Variants benchmark: patch, validate, FairShare.solve
//     whatif-cores  the same ITERATIONS what-ifs spread over all cores (DispatchQueue.concurrentPerform)
//   SCENARIO: drechtsteden, drechtsteden-max, or a municipality count (synthetic, three levels)
import BenchmarkSupport
import FairShareEngine
import Dispatch
import Foundation
import RawGLPK

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    print("usage: profile-layers raw|swift|model|engine drechtsteden|drechtsteden-max|COUNT [ITERATIONS]")
    exit(1)
}
let scenario = switch arguments[1] {
case "drechtsteden": Fixtures.drechtsteden()
case "drechtsteden-max": Fixtures.drechtsteden(variant: "max-norm")
default: Fixtures.synthetic(Int(arguments[1]) ?? 342, lexicographic: true)
}
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 100 : 100
let program = FairShareProgram(scenario)
let patches = arguments[0].hasPrefix("whatif") ? WhatIfs.drechtstedenPatches(count: iterations) : []
let lp = RawLP(program)
var optimum = 0.0
if arguments[0] == "whatif-cores" {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    DispatchQueue.concurrentPerform(iterations: cores) { worker in
        for index in stride(from: worker, to: patches.count, by: cores) {
            precondition(WhatIfs.solve(patches[index], on: scenario).status == .optimal)
        }
    }
    print("whatif-cores", iterations, "on", cores, "cores")
    exit(0)
}
for iteration in 0..<iterations {
    switch arguments[0] {
    case "raw": optimum += RawGLPK.solveLevels(lp, settings: .engine).optima.last ?? 0
    case "swift": optimum += try SwiftLayers.solveLevels(lp).optima.last ?? 0
    case "model": optimum += try Levels.warm(program).optima.last ?? 0
    case "whatif": optimum += WhatIfs.solve(patches[iteration], on: scenario).objective.last?.value ?? 0
    default: optimum += FairShare.solve(scenario).objective.last?.value ?? 0
    }
}
print(arguments[0], arguments[1], iterations, optimum / Double(iterations))
