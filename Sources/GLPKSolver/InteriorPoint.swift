internal import CGLPK
internal import CGLPKInterior
import Foundation
import LinearModel

/// GLPK's interior-point method with a time limit and a cancellation, although `glp_interior` has no callback.
///
/// The method runs on a thread of its own, on its own copy of the problem (loaded from the model the problem now
/// holds), through the C target CGLPKInterior: GLPK prints a line per iteration (and one per phase before the
/// first), and at every line the worker looks at the clock and the ``SolverCancellation``. When it is time to
/// stop, the C code jumps out of `glp_interior` and frees the worker thread's whole GLPK environment — which is
/// why the copy lives on a thread that holds nothing else. A GLPK error inside the method (which would abort the
/// process) ends the same way, as a failed solve.
///
/// The caller waits for the worker, but never longer than ``stopGrace`` after the time limit or a cancellation:
/// an iteration can take seconds on large problems (2–3 s at 1,500 synthetic municipalities), and the worker
/// only looks between lines. Then the caller returns and leaves the worker to stop at its next line, freeing
/// everything; until then it keeps one core busy.
enum InteriorPoint {
    /// How long the caller waits for the worker to stop after the time limit or a cancellation, in seconds.
    static let stopGrace = 0.5
    /// How often the waiting caller looks at the cancellation, in seconds.
    static let pollInterval = 0.02

    /// What the worker found, for the caller to map to a ``SolveStatus``.
    enum Outcome: Sendable {
        /// `glp_interior` returned `code` with solution status `status`; `solution` holds the values when the
        /// status is optimal (`GLP_OPT`).
        case finished(code: Int32, status: Int32, solution: Solution?)
        /// Stopped between two lines: the time limit ran out or the solve was cancelled.
        case stopped(SolveStatus)
        /// GLPK reported an error inside the method (the process would have aborted); `lines` is what it printed last.
        case glpkError(lines: String)
    }

    /// Solves `model` by the interior-point method on a worker thread and waits for it, as described above.
    /// - Parameters:
    ///   - model: the problem as it now is (a validated model: every change to a ``GLPKProblem`` is validated).
    ///   - deadline: when the time limit runs out, if there is one.
    ///   - cancellation: the flag to watch, if any.
    ///   - log: receives GLPK's output when it keeps text.
    static func solve(
        _ model: Model, deadline: ContinuousClock.Instant?, cancellation: SolverCancellation?, log: TerminalLog
    ) -> Outcome {
        let watch = InteriorWatch(deadline: deadline, cancellation: cancellation, keepsText: log.keepsText)
        let thread = Thread { watch.finish(run(model, watch)) }
        thread.name = "fairshare.interior"
        thread.stackSize = 8 << 20
        thread.start()
        let outcome = watch.wait()
        log.append(watch.text)
        return outcome
    }

    /// On the worker thread: load, solve, read, free.
    private static func run(_ model: Model, _ watch: InteriorWatch) -> Outcome {
        let problem: GLPKProblem
        do {
            problem = try GLPKProblem(loading: model)
        } catch {
            return .glpkError(lines: "the problem could not be copied: \(error)")
        }
        guard let handle = problem.handle else { return .glpkError(lines: "the problem copy is closed") }
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        // Every line GLPK can print is a moment to look at the clock; the text is kept only when asked for.
        parameters.msg_lev = GLP_MSG_ALL
        var code: Int32 = 0
        let ended = withExtendedLifetime(watch) {
            fairshare_interior(
                UnsafeMutableRawPointer(handle), &parameters,
                { context, line in
                    guard let context else { return 0 }
                    let watch = Unmanaged<InteriorWatch>.fromOpaque(context).takeUnretainedValue()
                    return watch.shouldStop(after: line.map { String(cString: $0) } ?? "") ? 1 : 0
                }, Unmanaged.passUnretained(watch).toOpaque(), &code)
        }
        switch ended {
        case FAIRSHARE_INTERIOR_FINISHED:
            let status = glp_ipt_status(handle)
            let solution =
                status == GLP_OPT
                ? GLPKSolutionReader.interior.solution(
                    of: handle, columns: model.variables.count, rows: model.constraints.count) : nil
            problem.close()
            glp_free_env()  // the thread ends next; nothing of it stays
            return .finished(code: code, status: status, solution: solution)
        case FAIRSHARE_INTERIOR_STOPPED:
            problem.forgetFreedHandle()
            return .stopped(watch.stopReason ?? .cancelled)
        default:
            problem.forgetFreedHandle()
            return .glpkError(lines: watch.lastLines)
        }
    }
}

/// Shared by the caller and the worker of one interior-point solve: the limits the worker checks at every line,
/// the text it keeps, and the hand-over of its outcome.
final class InteriorWatch: @unchecked Sendable {
    // Everything below is guarded by `condition` (its lock), except the immutable limits.
    private let condition = NSCondition()
    private let deadline: ContinuousClock.Instant?
    private let cancellation: SolverCancellation?
    private let keepsText: Bool
    private var kept = ""
    private var recent: [String] = []
    private var outcome: InteriorPoint.Outcome?
    private var reason: SolveStatus?

    init(deadline: ContinuousClock.Instant?, cancellation: SolverCancellation?, keepsText: Bool) {
        self.deadline = deadline
        self.cancellation = cancellation
        self.keepsText = keepsText
    }

    /// Why the worker stopped (or should stop): ``SolveStatus/cancelled`` or ``SolveStatus/timeLimit``; `nil`
    /// while neither applies.
    var stopReason: SolveStatus? {
        condition.withLock { reason }
    }

    /// The text GLPK printed, when kept.
    var text: String {
        condition.withLock { kept }
    }

    /// The last lines GLPK printed (for an error message).
    var lastLines: String {
        condition.withLock { recent.joined() }
    }

    /// On the worker, at every line GLPK prints: keeps the line, and says whether to stop now.
    func shouldStop(after line: String) -> Bool {
        condition.withLock {
            if keepsText { kept += line }
            recent.append(line)
            if recent.count > 3 { recent.removeFirst() }
            return dueReasonLocked() != nil
        }
    }

    /// On the worker, at its end: hands the outcome over.
    func finish(_ result: InteriorPoint.Outcome) {
        condition.withLock {
            outcome = result
            condition.broadcast()
        }
    }

    /// On the caller: waits for the worker's outcome, or gives up ``InteriorPoint/stopGrace`` after a stop fell
    /// due (the worker then stops by itself at its next line).
    func wait() -> InteriorPoint.Outcome {
        condition.lock()
        defer { condition.unlock() }
        var dueSince: ContinuousClock.Instant?
        while true {
            if let outcome { return outcome }
            if let due = dueReasonLocked() {
                let now = ContinuousClock.now
                let since = dueSince ?? now
                dueSince = since
                if now - since >= .milliseconds(Int64(InteriorPoint.stopGrace * 1000)) { return .stopped(due) }
            }
            _ = condition.wait(until: Date(timeIntervalSinceNow: InteriorPoint.pollInterval))
        }
    }

    /// Whether a stop is due (cancelled first, then the time limit), remembered once seen; call with the lock.
    private func dueReasonLocked() -> SolveStatus? {
        if reason == nil {
            if cancellation?.isCancelled == true {
                reason = .cancelled
            } else if let deadline, ContinuousClock.now >= deadline {
                reason = .timeLimit
            }
        }
        return reason
    }
}
