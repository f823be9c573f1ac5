// write-scenarios: writes the synthetic regions as scenario files, for `fairshare solve` and the peers.
//
//   write-scenarios DIR [COUNT ...]   writes DIR/synthetic-COUNT.json (default counts: 7 40 342 2000)
//   write-scenarios --sizes [COUNT ...]   prints each region's LP size (rows, columns, nonzeros, levels)
//   write-scenarios --lp DIR [COUNT ...]   writes DIR/synthetic-COUNT.lp and .mps: the first level's LP (CPLEX LP
//                                          and free MPS; only MPS keeps the model's column order), for experiments
//                                          with glpsol's options on the very same model
//   --periods T (before the rest)            the regions cut into T yearly periods (issue 14; 0: none, the default)
import BenchmarkSupport
import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import Foundation
import GLPKSolver

var arguments = Array(CommandLine.arguments.dropFirst())
let periods = arguments.first == "--periods" && arguments.count >= 2 ? Int(arguments[1]) ?? 0 : 0
if arguments.first == "--periods" { arguments.removeFirst(min(2, arguments.count)) }
/// The region of `count` municipalities, with the periods asked for.
@MainActor func region(_ count: Int, lexicographic: Bool = false) -> Scenario {
    guard periods > 0 else { return Fixtures.synthetic(count, lexicographic: lexicographic) }
    precondition(!lexicographic, "--periods: the 1-level form only")
    return Fixtures.phased(count, periods: periods)
}
let suffix = periods > 0 ? "-\(periods)p" : ""
guard let first = arguments.first else {
    FileHandle.standardError.write(Data("usage: write-scenarios DIR [COUNT ...] | --sizes [COUNT ...]\n".utf8))
    exit(1)
}
arguments.removeFirst()
let counts = arguments.isEmpty ? Fixtures.syntheticSizes : arguments.compactMap { Int($0) }

if first == "--sizes" {
    print("| municipalities | levels | rows | columns | nonzeros |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for count in counts {
        for lexicographic in periods > 0 ? [false] : [false, true] {
            let size = ProgramSize(FairShareProgram(region(count, lexicographic: lexicographic)))
            print("| \(count) | \(size.levels) | \(size.rows) | \(size.columns) | \(size.nonzeros) |")
        }
    }
    exit(0)
}

if first == "--lp", !arguments.isEmpty {
    let directory = URL(fileURLWithPath: arguments.removeFirst())
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for count in arguments.isEmpty ? Fixtures.syntheticSizes : arguments.compactMap({ Int($0) }) {
        let program = FairShareProgram(region(count))
        var model = program.model
        model.minimize(program.levels[0].expression)
        let (lp, mps) = try GLPKProblem.withProblem(for: model) { (try $0.cplexLPText(), try $0.mpsText()) }
        for (text, ending) in [(lp, "lp"), (mps, "mps")] {
            let url = directory.appendingPathComponent("synthetic-\(count)\(suffix).\(ending)")
            try Data(text.utf8).write(to: url)
            print(url.path)
        }
    }
    exit(0)
}

let directory = URL(fileURLWithPath: first)
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
for count in counts {
    let url = directory.appendingPathComponent("synthetic-\(count)\(suffix).json")
    let document =
        periods > 0 ? SyntheticRegion.document(municipalities: count, periods: periods) : Fixtures.syntheticDocument(count)
    try Data(JSONWriter.text(document).utf8).write(to: url)
    print(url.path)
}
