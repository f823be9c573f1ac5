// Solves small scenarios N times through the public API (every tenth on a thread that then ends), for leak checks:
//   SolveLoop 1000    and    SolveLoop 10000
// under valgrind --leak-check=full (or built with -sanitize=address for LeakSanitizer) must report the same
// (zero) leaks, and the resident set must not grow with N. Prints the solves done, the statuses seen and the
// peak resident set size (getrusage) at 10% and at the end.
import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import Foundation

let count = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1000
// Tasks solving concurrently (1: all on the main thread).
let tasks = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1

/// Small scenarios: synthetic regions of 2–4 municipalities, one integer, some with norm max, and (one solve in
/// 50, as its diagnosis makes many solves) an infeasible one.
func scenarios() -> [Scenario] {
    var out: [Scenario] = []
    for seed in 1...50 {
        let document = SyntheticRegion.document(municipalities: 2 + seed % 3, seed: UInt64(seed % 7))
        var top = document.object!
        if seed % 7 == 3 {
            top["solver"] = .object(JSONObject([("integer", .bool(true)), ("mipGap", .number(0.01))]))
        }
        if seed % 2 == 0 { top["fairness"] = .object(JSONObject([("norm", .string("max"))])) }
        if seed == 25 {
            // A hard requirement that cannot hold: the infeasible path (and its diagnosis) too.
            var region = top["region"]!.object!
            region["newHomes"] = .object(JSONObject([("max", .number(1))]))
            top["region"] = .object(region)
        }
        out.append(try! ScenarioLoader().read(.object(top)))
    }
    return out
}

#if canImport(Glibc)
let RUSAGE_SELF_WHO = RUSAGE_SELF.rawValue
#else
let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

func peakKilobytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF_WHO, &usage)
    return usage.ru_maxrss
}

let pool = scenarios()
var statuses: [String: Int] = [:]
var peakAtTenth = 0
/// Solves on a thread of its own that ends afterwards (GLPK's per-thread environment must not leak).
func solveOnFreshThread(_ scenario: Scenario) -> FairShareResult {
    final class Box: @unchecked Sendable {
        let scenario: Scenario
        var result: FairShareResult?
        init(_ scenario: Scenario) { self.scenario = scenario }
    }
    let box = Box(scenario)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(box).toOpaque()
    pthread_create(&thread, nil, { context in
        let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
        box.result = FairShare.solve(box.scenario)
        return nil
    }, context)
    pthread_join(thread, nil)
    return box.result!
}

if tasks <= 1 {
    for index in 0..<count {
        // Every tenth solve on a thread that then ends.
        let scenario = pool[index % pool.count]
        let result = index % 10 == 9 ? solveOnFreshThread(scenario) : FairShare.solve(scenario)
        statuses[result.status.rawValue, default: 0] += 1
        if index + 1 == max(1, count / 10) { peakAtTenth = peakKilobytes() }
    }
} else {
    let shared = pool
    let counted = await withTaskGroup(of: [String: Int].self) { group in
        for task in 0..<tasks {
            group.addTask {
                var seen: [String: Int] = [:]
                for index in stride(from: task, to: count, by: tasks) {
                    seen[FairShare.solve(shared[index % shared.count]).status.rawValue, default: 0] += 1
                }
                return seen
            }
        }
        var all: [String: Int] = [:]
        for await seen in group { all.merge(seen, uniquingKeysWith: +) }
        return all
    }
    statuses = counted
}
print("solves: \(count) in \(tasks) task(s); statuses: \(statuses.sorted { $0.key < $1.key })")
print("peak RSS: \(peakAtTenth > 0 ? "\(peakAtTenth) KB after \(max(1, count / 10)), " : "")\(peakKilobytes()) KB at the end")
