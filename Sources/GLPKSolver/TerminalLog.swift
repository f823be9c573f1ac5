internal import CGLPK

/// Routes GLPK's terminal output of one call sequence away from stdout: into ``text`` when kept, else nowhere.
///
/// `glp_term_hook` and `glp_term_out` are per thread (GLPK's environment is thread-local), so a hook installed
/// by ``run(_:)`` sees only output from this thread, and is removed again before ``run(_:)`` returns.
final class TerminalLog {
    /// Whether output is collected (``SolverOptions/captureLog``) or discarded.
    let keepsText: Bool
    /// Everything GLPK printed while ``run(_:)`` was active, when ``keepsText``.
    private(set) var text = ""

    init(keepsText: Bool) {
        self.keepsText = keepsText
    }

    /// Adds text GLPK printed on another thread for this call (the interior-point method's own thread), when
    /// ``keepsText``.
    func append(_ other: String) {
        if keepsText { text += other }
    }

    /// Runs `body` with GLPK's terminal output hooked into this log; restores the thread's previous
    /// `glp_term_out` flag and removes the hook afterwards.
    func run<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(self) { () throws(E) -> R in
            let context = Unmanaged.passUnretained(self).toOpaque()
            // C calling convention; the context travels through GLPK's `info` pointer. Returning non-zero tells
            // GLPK the text was handled, so it never reaches stdout.
            glp_term_hook(
                { info, line in
                    guard let info, let line else { return 1 }
                    let log = Unmanaged<TerminalLog>.fromOpaque(info).takeUnretainedValue()
                    if log.keepsText { log.text += String(cString: line) }
                    return 1
                }, context)
            let previous = glp_term_out(keepsText ? GLP_ON : GLP_OFF)
            defer {
                glp_term_out(previous)
                glp_term_hook(nil, nil)
            }
            return try body()
        }
    }
}
