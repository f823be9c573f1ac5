// The GLPK C API, exactly as Debian's libglpk-dev (or Homebrew's glpk) installs it.
// Only the GLPKSolver target imports this module.
#include <glpk.h>
