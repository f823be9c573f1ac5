// See include/CGLPKInterior.h. The jump goes only through GLPK's own C frames (the hook is called from GLPK's
// printing inside glp_interior), never through Swift ones: the Swift line callback has returned before it.
#include "CGLPKInterior.h"

#include <glpk.h>
#include <setjmp.h>
#include <stddef.h>

typedef struct {
    jmp_buf resume;
    fairshare_interior_line line;
    void *context;
} interior_run;

static int terminal_hook(void *info, const char *text) {
    interior_run *run = info;
    // Also while GLPK prints an error message: stopping then ends the same way as the error would.
    if (run->line(run->context, text) != 0) longjmp(run->resume, FAIRSHARE_INTERIOR_STOPPED);
    return 1;  // handled: never printed to stdout
}

static void error_hook(void *info) {
    interior_run *run = info;
    longjmp(run->resume, FAIRSHARE_INTERIOR_GLPK_ERROR);
}

fairshare_interior_outcome fairshare_interior(
    void *problem, const void *parameters, fairshare_interior_line line, void *context, int *code) {
    interior_run run = {.line = line, .context = context};
    glp_term_hook(terminal_hook, &run);
    int previous = glp_term_out(GLP_ON);
    glp_error_hook(error_hook, &run);
    int jumped = setjmp(run.resume);
    if (jumped == 0) {
        *code = glp_interior(problem, parameters);
        glp_error_hook(NULL, NULL);
        glp_term_hook(NULL, NULL);
        glp_term_out(previous);
        return FAIRSHARE_INTERIOR_FINISHED;
    }
    // GLPK's state is whatever the jump left: free all of it (every object of this thread, the hooks included).
    glp_free_env();
    return (fairshare_interior_outcome)jumped;
}
