// GLPK's interior-point method, stoppable: glp_interior has no callback, so this runs it with a terminal hook
// that asks the caller after every line GLPK prints (one per iteration, and one per phase before the first) and,
// when asked to stop, jumps out of GLPK and frees the thread's whole GLPK environment. GLPK errors that would
// abort the process (glp_error, failed assertions) are caught the same way.
//
// Only GLPKSolver uses this module. Call it on a thread that holds no other GLPK problem: after a stop or an
// error, glp_free_env() has invalidated every GLPK object of the calling thread.
#ifndef CGLPK_INTERIOR_H
#define CGLPK_INTERIOR_H

// No #include <glpk.h> here: Swift sees GLPK's declarations through CGLPK only, so the problem and the
// parameters travel as untyped pointers (a glp_prob * and a const glp_iptcp *).

/// How fairshare_interior ended.
typedef enum {
    /// glp_interior returned; its return code is in *code and the problem holds its solution.
    FAIRSHARE_INTERIOR_FINISHED = 0,
    /// The line callback asked to stop; the thread's GLPK environment was freed (the problem is gone).
    FAIRSHARE_INTERIOR_STOPPED = 1,
    /// GLPK reported an error (glp_error, a failed assertion); the environment was freed (the problem is gone).
    FAIRSHARE_INTERIOR_GLPK_ERROR = 2,
} fairshare_interior_outcome;

/// Called with every line GLPK prints during the solve; returns non-zero to stop the solve.
typedef int (*fairshare_interior_line)(void *context, const char *text);

/// Runs glp_interior(problem, parameters) — `problem` a glp_prob *, `parameters` a const glp_iptcp * — with `line` called on every line of terminal output (terminal output
/// is switched on for the call; the caller chooses parameters->msg_lev; GLP_MSG_ALL gives the most calls).
/// `code` receives glp_interior's return code when the outcome is FAIRSHARE_INTERIOR_FINISHED.
fairshare_interior_outcome fairshare_interior(
    void *problem, const void *parameters, fairshare_interior_line line, void *context, int *code);

#endif
