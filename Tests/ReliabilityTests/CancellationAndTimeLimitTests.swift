import FairShareEngine
import FairShareScenario
import FairShareSynthetic
import FairShareTestSupport
import Foundation
import GLPKSolver
import LinearModel
import Testing

/// `solver.timeLimit` stops long integer solves with their best allocation, and a caller can cancel a solve from
/// another task: in the GLPK layer (``SolverCancellation``) and in the engine.
@Suite("Time limits and cancellation")
struct CancellationAndTimeLimitTests {
    /// A synthetic region as an integer programme with the given gap and time limit.
    /// A synthetic region whose levels are MIPs: every municipality has the either-or rule of the Wet versterking
    /// regie volkshuisvesting (at least 30% social rent or at least 40% middle segment, with a binary per option),
    /// and whole numbers. (Whole numbers alone no longer make a MIP over the levels: they round the central
    /// allocation, which GLPK proves at once.)
    static func integerScenario(municipalities: Int, mipGap: Double, timeLimit: Double) throws -> Scenario {
        var top = try #require(SyntheticRegion.document(municipalities: municipalities).object)
        top["solver"] = .object(
            JSONObject([
                ("integer", .bool(true)), ("mipGap", .number(mipGap)), ("timeLimit", .number(timeLimit)),
            ]))
        let options: JSONValue = .array([
            .object(JSONObject([("segments", .array([.string("social-rent")])), ("minNewShare", .number(0.3))])),
            .object(
                JSONObject([
                    ("segments", .array([.string("mid-rent"), .string("affordable-owner")])),
                    ("minNewShare", .number(0.4)),
                ])),
        ])
        top["municipalityDefaults"] = .object(
            JSONObject([("alternatives", .object(JSONObject([("wet-vrv", options)])))]))
        return try ScenarioLoader().read(.object(top))
    }

    /// Seconds `body` takes.
    static func seconds<R>(_ body: () throws -> R) rethrows -> (R, Double) {
        let start = Date()
        let result = try body()
        return (result, Date().timeIntervalSince(start))
    }

    static func asyncSeconds<R>(_ body: () async -> R) async -> (R, Double) {
        let start = Date()
        let result = await body()
        return (result, Date().timeIntervalSince(start))
    }

    @Test("300 municipalities, integer, gap 1e-9, 1 s: stops at the limit with time-limit or feasible")
    func largeIntegerStopsAtTimeLimit() throws {
        let scenario = try Self.integerScenario(municipalities: 300, mipGap: 1e-9, timeLimit: 1)
        let (result, seconds) = Self.seconds { FairShare.solve(scenario) }
        #expect(
            [.timeLimit, .feasible].contains(result.status),
            "\(result.status) \(result.failure.map(String.init(describing:)) ?? "")")
        // The limit, plus building the model in a debug build.
        #expect(seconds < (1 + 4) * ReliabilityTestSupport.timeScale, "\(seconds) s")
        if result.status == .feasible {
            #expect(result.municipalities.count == 300)
            #expect(result.mipGap != nil)
        }
    }

    @Test("60 municipalities with either-or rules, integer, gap 0, 1 s: an allocation in time, whole and verified")
    func smallIntegerIsFeasibleAtTimeLimit() throws {
        let scenario = try Self.integerScenario(
            municipalities: 60, mipGap: 0, timeLimit: ReliabilityTestSupport.timeScale)
        let (result, seconds) = Self.seconds { FairShare.solve(scenario) }
        // Branch-and-cut over the binaries proves this one in about 0.8 s on the developers' machine; a slower one
        // stops at the limit with its best allocation (feasible, with its gap).
        #expect(
            [.optimal, .feasible].contains(result.status),
            "\(result.status) \(result.failure.map(String.init(describing:)) ?? "")")
        if result.status == .feasible { #expect((result.mipGap ?? 0) > 0) }
        #expect(seconds < (1 + 4) * ReliabilityTestSupport.timeScale, "\(seconds) s")
        #expect(result.municipalities.count == 60)
        for municipality in result.municipalities {
            for value in municipality.newHomes.values { #expect(value == value.rounded()) }
        }
        // The engine verified the allocation against every requirement (else the status would be failed).
        #expect(result.failure == nil)
    }

    @Test("an infeasible integer scenario: the solve and its diagnosis keep the scenario's time limit (fuzz finding)")
    func diagnosisKeepsTimeLimit() throws {
        let url = FuzzFindingTests.directory.appendingPathComponent("infeasible-integer-diagnosis.json")
        let file = try ScenarioLoader().load(contentsOf: url)
        #expect(file.solver.integer && file.solver.timeLimit == 2)
        // Set in memory, not in the file: the diagnosis used to re-read the file's limit (and its elastic
        // programme, a MIP, had none at all).
        let scenario = try file.edited { $0.solver.timeLimit = 0.5 }
        let (result, seconds) = Self.seconds { FairShare.solve(scenario) }
        #expect(result.status == .infeasible)
        // The solve's budget, the diagnosis's, and building.
        #expect(seconds < (2 * 0.5 + 0.8) * ReliabilityTestSupport.timeScale, "\(seconds) s")
    }

    @Test("the CLI: feasible exits 0 with a warning; time-limit exits 3")
    func cliTimeLimit() throws {
        let directory = try temporaryDirectory("fairshare-reliability")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("integer.json")
        let scenario = try Self.integerScenario(municipalities: 10, mipGap: 0, timeLimit: 1)
        try JSONEncoder().encode(scenario).write(to: file)
        let run = try ProcessRun.run(builtFairshare(), ["solve", file.path, "--format", "json"])
        // Feasible (as measured), unless a slow (sanitizer) build found no whole-home allocation within the second,
        // or a fast machine proved the optimum.
        if run.status == 0 && run.stdoutText.contains("\"status\": \"optimal\"") {
            #expect(!run.stderrText.contains("warning: the time limit"), "\(run)")
        } else if run.status == 0 {
            #expect(run.stderrText.contains("warning: the time limit stopped the integer solve"), "\(run)")
            #expect(run.stdoutText.contains("\"status\": \"feasible\""), "\(run)")
        } else {
            #expect(run.status == 3, "\(run)")
            #expect(run.stderrText.contains("no optimal solution: time-limit"), "\(run)")
        }
        #expect(run.seconds < (10) * ReliabilityTestSupport.timeScale, "\(run)")
    }

    @Test("GLPK layer: a flag cancelled before the solve stops it before GLPK runs; the problem stays usable")
    func cancelledBefore() throws {
        var model = Model(name: "m")
        let x = model.addVariable("x", upperBound: 4)
        _ = model.add(x <= 3)
        model.maximize(LinearExpression(x))
        let flag = SolverCancellation()
        flag.cancel()
        try GLPKProblem.withProblem(for: model) { problem in
            let stopped = try problem.solve(SolverOptions(cancellation: flag))
            #expect(stopped.status == .cancelled)
            #expect(stopped.status.isCancelled)
            #expect(!stopped.hasSolution)
            let solved = try problem.solve()
            #expect(solved.status == .optimal)
            #expect(solved[x] == 3)
        }
        // Through the task-local flag as well.
        let viaTaskLocal = try SolverCancellation.$current.withValue(flag) { try Solver.solve(model) }
        #expect(viaTaskLocal.status.isCancelled)
    }

    @Test("GLPK layer: an iteration limit still counts over the slices of a cancellable solve")
    func iterationLimitAcrossSlices() throws {
        var model = Model(name: "chain")
        // An LP that needs many simplex iterations: a long chain of coupled variables.
        var previous = model.addVariable("x0", upperBound: 1)
        var objective = LinearExpression(previous)
        for index in 1..<3000 {
            let next = model.addVariable("x\(index)", upperBound: Double(index % 7 + 1))
            _ = model.add(next - previous <= 1)
            objective.add(next)
            previous = next
        }
        model.maximize(objective)
        let plain = try Solver.solve(model)
        #expect(plain.status == .optimal)
        #expect(plain.iterationCount > SolverCancellation.iterationsPerCheck, "\(plain.iterationCount)")
        let sliced = try Solver.solve(model, options: SolverOptions(cancellation: SolverCancellation()))
        #expect(sliced.status == .optimal)
        #expect(abs((sliced.objectiveValue ?? 0) - (plain.objectiveValue ?? 1)) < 1e-6)
        let limit = SolverCancellation.iterationsPerCheck + SolverCancellation.iterationsPerCheck / 2
        let limited = try Solver.solve(
            model,
            options: SolverOptions(
                iterationLimit: limit,
                cancellation: SolverCancellation()))
        #expect(limited.status == .iterationLimit)
        #expect(limited.iterationCount <= limit)
    }

    /// Runs `solve` on a thread of its own and calls `cancel` from another thread `after` seconds into the solve;
    /// returns the result, the seconds the solve took and the seconds from the cancel to its end. Threads, not
    /// tasks: tests that block the cooperative pool with solves must not delay the cancel.
    static func cancelling<R: Sendable>(
        after delay: Double, cancel: @escaping @Sendable () -> Void, solve: @escaping @Sendable () -> R
    ) async -> (result: R, seconds: Double, afterCancel: Double) {
        // The cancel comes from a thread of its own and notes when it really happened: a GCD timer could fire late
        // on a machine whose worker threads are all solving (other tests), which would count against the solve.
        let cancelTime = CancelTime()
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let start = Date()
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: delay)
                    cancelTime.lock.withLock { cancelTime.at = Date() }
                    cancel()
                }
                let result = solve()
                let end = Date()
                let cancelledAt = cancelTime.lock.withLock { cancelTime.at } ?? end
                continuation.resume(
                    returning: (result, end.timeIntervalSince(start), end.timeIntervalSince(cancelledAt)))
            }
        }
    }

    @Test("GLPK layer: cancelling a long branch-and-cut from another thread stops it within seconds, not at its limit")
    func cancelMIPFromAnotherThread() async throws {
        let scenario = try Self.integerScenario(municipalities: 300, mipGap: 0, timeLimit: 30)
        let flag = SolverCancellation()
        let (result, seconds, afterCancel) = await Self.cancelling(
            after: 1.5, cancel: { flag.cancel() },
            solve: { FairShare.solve(scenario, options: SolveOptions(cancellation: flag)) })
        #expect(result.status == .failed, "\(result.status)")
        #expect(result.failure == .cancelled)
        #expect(!result.hasAllocation)
        // Usually well under a second; the bound leaves room for a loaded machine and is still far below the
        // 30 s time limit the solve would otherwise run to.
        #expect(afterCancel < (3.0) * ReliabilityTestSupport.timeScale, "stopped \(afterCancel) s after the cancel")
        #expect(seconds < (10) * ReliabilityTestSupport.timeScale, "\(seconds) s")
    }

    @Test("engine: cancelling a large LP from another thread stops it part-way")
    func cancelLPFromAnotherTask() async throws {
        let scenario = SyntheticRegion.scenario(municipalities: 1000)
        let (plain, plainSeconds) = Self.seconds { FairShare.solve(scenario) }
        #expect(plain.status == .optimal)
        let flag = SolverCancellation()
        let (result, _, afterCancel) = await Self.cancelling(
            after: plainSeconds / 4, cancel: { flag.cancel() },
            solve: { FairShare.solve(scenario, options: SolveOptions(cancellation: flag)) })
        // Either it saw the flag (status failed, cancelled) well before the end, or, on a fast machine, finished.
        if result.status == .failed {
            #expect(result.failure == .cancelled)
            // At most one slice of 1,000 iterations after the cancel: well under a whole solve (a loose bound, for
            // a loaded machine).
            #expect(
                afterCancel < (max(2, plainSeconds)) * ReliabilityTestSupport.timeScale,
                "stopped \(afterCancel) s after the cancel")
        } else {
            #expect(result.status == .optimal)
        }
    }

    @Test("engine: cancelling the task of an async solve stops it")
    func cancelTheTask() async throws {
        // Without the cancel this solve runs to its limit of 600 s (a 300-municipality MIP with gap 0).
        let scenario = try Self.integerScenario(municipalities: 300, mipGap: 0, timeLimit: 600)
        let solving = Task.detached { await Self.asyncSeconds { await FairShare.solve(scenario) } }
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 1)
            solving.cancel()
        }
        let (result, seconds) = await solving.value
        #expect(result.status == .failed)
        #expect(result.failure == .cancelled)
        // In well under the limit. Not within a second or two as for a flag cancelled from another thread: the
        // awaiting task resumes on a thread of Swift's cooperative pool, which the suite's synchronous solves,
        // running in parallel, can keep busy for tens of seconds (38 s seen on 2 cores).
        #expect(seconds < (150) * ReliabilityTestSupport.timeScale, "\(seconds) s")
        // A task cancelled before it starts solving returns at once.
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await FairShare.solve(scenario)
        }
        #expect(await early.value.failure == .cancelled)
    }

    @Test("a flag that is never cancelled changes nothing where no simplex run needs 1,000 iterations")
    func neverCancelledIsIdentical() throws {
        let drechtsteden = try ScenarioLoader().load(
            contentsOf: Repository.root
                .appendingPathComponent("Scenarios/drechtsteden.json"))
        var scenarios =
            [drechtsteden]
            + (try drechtsteden.variants.map {
                try ScenarioLoader().applying(variant: $0.id, to: drechtsteden)
            })
        scenarios += [SyntheticRegion.scenario(municipalities: 20, seed: 5)]
        for scenario in scenarios {
            let plain = FairShare.solve(scenario)
            let flagged = FairShare.solve(scenario, options: SolveOptions(cancellation: SolverCancellation()))
            #expect(plain.jsonText == flagged.jsonText, "\(scenario.name)")
            // And the flagged solve is deterministic itself.
            #expect(
                flagged.jsonText
                    == FairShare.solve(scenario, options: SolveOptions(cancellation: SolverCancellation())).jsonText)
        }
    }

    /// 60 synthetic municipalities: the stages of the central allocation need more than 1,000 simplex iterations,
    /// so the flag's slices change GLPK's path. The central allocation does not depend on the path: every figure
    /// agrees within 1e-3 · max(1, range width) (docs/model.md §8), and the flagged solve is deterministic itself.
    @Test("a flag that is never cancelled leaves the central allocation where simplex runs need more iterations")
    func neverCancelledLongRunsAgree() throws {
        let scenario = SyntheticRegion.scenario(municipalities: 60, seed: 5)
        let plain = FairShare.solve(scenario)
        let flagged = FairShare.solve(scenario, options: SolveOptions(cancellation: SolverCancellation()))
        #expect(plain.status == .optimal && plain.allocation == .central && flagged.allocation == .central)
        #expect(
            zip(plain.objective, flagged.objective).allSatisfy {
                abs($0.value - $1.value) <= 1e-6 * max(1, abs($0.value))
            })
        var compared = 0
        for (a, b) in zip(plain.municipalities, flagged.municipalities) {
            #expect(a.id == b.id)
            for (segment, value) in a.newHomes {
                let width = a.ranges?.newHomes[segment]?.width ?? 0
                #expect(abs(value - (b.newHomes[segment] ?? .nan)) <= 1e-3 * max(1, width), "\(a.id) \(segment)")
                compared += 1
            }
        }
        #expect(compared == 60 * 4)
        #expect(
            flagged.jsonText
                == FairShare.solve(scenario, options: SolveOptions(cancellation: SolverCancellation())).jsonText)
    }

    @Test("longer simplex runs, sliced for the flag: the same level optima, deterministic, verified")
    func slicedRunsAgreeOnOptima() throws {
        // 300 municipalities: the fairness level needs several slices of 1,000 iterations; the allocation of this
        // degenerate LP may differ from the unsliced one's (it does for seed 5), the optimum may not.
        let scenario = SyntheticRegion.scenario(municipalities: 300, seed: 5)
        let plain = FairShare.solve(scenario)
        let flagged = FairShare.solve(scenario, options: SolveOptions(cancellation: SolverCancellation()))
        #expect(plain.status == .optimal && flagged.status == .optimal)
        for (a, b) in zip(plain.objective, flagged.objective) {
            #expect(a.level == b.level)
            #expect(abs(a.value - b.value) <= 1e-6 * max(1, abs(a.value)), "\(a) \(b)")
        }
        #expect(
            flagged.jsonText
                == FairShare.solve(scenario, options: SolveOptions(cancellation: SolverCancellation())).jsonText)
    }
}

/// `method: interior` honours the time limit and cancellation (issue 16): GLPK's interior-point method has no
/// callback, so GLPKSolver runs it on a thread of its own and stops it between two of the lines it prints. Without
/// that, the synthetic region of 700 municipalities below ran its levels to the end (each level about 4.7 s by
/// `glpsol --interior` on the exported level: 26 iterations of about 0.18 s), whatever the limit or the flag, and
/// 1,500 municipalities with `timeLimit: 5` ran 588 s. 700 keeps the suite's load down: a stopped run's thread
/// finishes its iteration in the background.
extension CancellationAndTimeLimitTests {
    /// The interior-point tests one at a time, to keep the load on this suite's other timing tests down: each keeps
    /// a core busy, and the thread of a stopped one finishes its iteration in the background.
    @Suite("interior point", .serialized)
    struct InteriorMethod {
        /// The size of the synthetic region these tests solve.
        static let municipalities = 700

        /// The synthetic region of `municipalities` with `method: interior` and the given time limit.
        static func interiorScenario(municipalities: Int, timeLimit: Double) throws -> Scenario {
            try SyntheticRegion.scenario(municipalities: municipalities).edited {
                $0.solver.method = .interior
                $0.solver.timeLimit = timeLimit
            }
        }

        /// The stop falls due at the limit or the cancel; the caller then waits at most half a second for the method's
        /// next line (GLPKSolver's `InteriorPoint.stopGrace`). The rest is slack for a loaded machine.
        static let interiorStopBound = 0.5 + 1.0

        /// Seconds this build takes to build the programme of `scenario`: the engine does that before its clock starts
        /// and before it first looks at the flag (over a second for 1,000 municipalities under ThreadSanitizer, which
        /// `scripts/sanitizers.sh thread` runs these tests under).
        static func buildingSeconds(_ scenario: Scenario) -> Double {
            seconds { FairShareProgram(scenario) }.1
        }

        @Test("interior, 700 municipalities, timeLimit 1: time-limit within the limit and the stop bound")
        func interiorTimeLimit() throws {
            let scenario = try Self.interiorScenario(municipalities: Self.municipalities, timeLimit: 1)
            let building = Self.buildingSeconds(scenario)
            let (result, seconds) = CancellationAndTimeLimitTests.seconds { FairShare.solve(scenario) }
            #expect(
                result.status == .timeLimit, "\(result.status) \(result.failure.map(String.init(describing:)) ?? "")")
            #expect(!result.hasAllocation)
            #expect(
                seconds < (1 + Self.interiorStopBound + building) * ReliabilityTestSupport.timeScale,
                "\(seconds) s, building \(building) s")
        }

        @Test("GLPK layer: an interior solve of 700 municipalities' first level, cancelled after 0.5 s, stops")
        func interiorCancelInGLPKLayer() async throws {
            let program = FairShareProgram(SyntheticRegion.scenario(municipalities: Self.municipalities))
            var firstLevel = program.model
            firstLevel.minimize(try #require(program.levels.first).expression)
            let model = firstLevel
            let flag = SolverCancellation()
            let (solution, seconds, afterCancel) = await CancellationAndTimeLimitTests.cancelling(
                after: 0.5, cancel: { flag.cancel() },
                solve: { try? Solver.solve(model, options: SolverOptions(method: .interiorPoint, cancellation: flag)) })
            #expect(solution?.status == .cancelled, "\(String(describing: solution?.status)) after \(seconds) s")
            #expect(
                afterCancel < (Self.interiorStopBound) * ReliabilityTestSupport.timeScale,
                "stopped \(afterCancel) s after the cancel")
        }

        @Test("engine: an interior solve of 700 municipalities cancelled after 0.5 s from another thread")
        func interiorCancelInEngine() async throws {
            let scenario = try Self.interiorScenario(municipalities: Self.municipalities, timeLimit: 600)
            let building = Self.buildingSeconds(scenario)
            let flag = SolverCancellation()
            let (result, seconds, afterCancel) = await CancellationAndTimeLimitTests.cancelling(
                after: 0.5, cancel: { flag.cancel() },
                solve: { FairShare.solve(scenario, options: SolveOptions(cancellation: flag)) })
            #expect(result.status == .failed, "\(result.status) after \(seconds) s")
            #expect(result.failure == .cancelled)
            // A cancel during the building is seen when the first level starts.
            #expect(
                afterCancel < (Self.interiorStopBound + building) * ReliabilityTestSupport.timeScale,
                "stopped \(afterCancel) s after the cancel")
        }

        @Test("async: an interior solve stops at its time limit, and when its task is cancelled")
        func interiorAsync() async throws {
            // Before, the limited solve ended `optimal` (its levels ran to the end and the ranges were cut short).
            // The seconds include the awaiting task's resumption on a cooperative pool that the suite's synchronous
            // solves keep busy (100 s seen on 2 shared cores; see `cancelTheTask`), so the bound is loose; the
            // synchronous tests above bound the stop itself, which is the same code.
            let limited = try Self.interiorScenario(municipalities: Self.municipalities, timeLimit: 1)
            let (result, seconds) = await CancellationAndTimeLimitTests.asyncSeconds {
                await FairShare.solve(limited)
            }
            #expect(result.status == .timeLimit, "\(result.status)")
            #expect(seconds < (150) * ReliabilityTestSupport.timeScale, "\(seconds) s")
            let unlimited = try Self.interiorScenario(municipalities: Self.municipalities, timeLimit: 600)
            let solving = Task.detached {
                await CancellationAndTimeLimitTests.asyncSeconds { await FairShare.solve(unlimited) }
            }
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: 0.5)
                solving.cancel()
            }
            let (cancelled, cancelledSeconds) = await solving.value
            #expect(cancelled.failure == .cancelled, "\(cancelled.status)")
            #expect(cancelledSeconds < 150, "\(cancelledSeconds) s")
        }

        @Test("the CLI: an interior solve with --time-limit 1 exits 3 with time-limit, in time")
        func interiorCLITimeLimit() throws {
            let directory = try temporaryDirectory("fairshare-interior")
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("interior-700.json")
            let document = SyntheticRegion.document(municipalities: Self.municipalities)
            try JSONWriter.text(document).write(to: file, atomically: true, encoding: .utf8)
            let building = Self.buildingSeconds(try ScenarioLoader().read(document))
            let run = try ProcessRun.run(
                builtFairshare(), ["solve", file.path, "--set", "solver.method=interior", "--time-limit", "1"])
            #expect(run.status == 3, "\(run)")
            #expect(run.stderrText.contains("no optimal solution: time-limit"), "\(run)")
            // The limit counts from the start of the solve; starting, reading the file and building the programme come
            // first (8.2 s in all for 1,000 municipalities and a limit of 2 s under ThreadSanitizer).
            #expect(
                run.seconds < (1 + Self.interiorStopBound + 3 * building + 2) * ReliabilityTestSupport.timeScale,
                "\(run), building \(building) s")
        }
    }

    /// The synchronous solve, from async code (where `FairShare.solve` names the async one).
    static func solveSynchronously(_ scenario: Scenario, _ options: SolveOptions) -> FairShareResult {
        FairShare.solve(scenario, options: options)
    }

    @Test("leximin: a flag cancelled before the solve gives cancelled, with either method, sync and async")
    func leximinCancelledBefore() async throws {
        let drechtsteden = try ScenarioLoader().load(
            contentsOf: Repository.root.appendingPathComponent("Scenarios/drechtsteden.json"))
        let leximin = try ScenarioLoader().applying(variant: "leximin", to: drechtsteden)
        #expect(leximin.fairness.norm == .leximin)
        for method in SolverSettings.Method.allCases {
            let scenario = try leximin.edited { $0.solver.method = method }
            let flag = SolverCancellation()
            flag.cancel()
            let result = Self.solveSynchronously(scenario, SolveOptions(cancellation: flag))
            #expect(result.status == .failed && result.failure == .cancelled, "\(method): \(result.status)")
            let early = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return await FairShare.solve(scenario)
            }
            #expect(await early.value.failure == .cancelled, "\(method)")
        }
    }
}

/// When a cancel really happened (set from the cancelling thread).
private final class CancelTime: @unchecked Sendable {
    let lock = NSLock()
    var at: Date?
}
