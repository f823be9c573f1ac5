// GLPK's C API for the benchmarks' raw baseline (only the RawGLPK target imports this module).
#include <glpk.h>
