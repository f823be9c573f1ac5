#!/usr/bin/env python3
"""One peer run, as a whole process: read a scenario file, build the fair-share LP (fairshare_lp.py), solve its
lexicographic levels and print the optima and the allocation as JSON on stdout.

    peer.py pulp FILE    PuLP model, each level solved by glpsol (PuLP's GLPK_CMD: writes an LP file, runs glpsol)
    peer.py scipy FILE   scipy.optimize.linprog(method="highs"), each level a new linprog call

Both add the row `level <= v* + 1e-6 * max(1, |v*|)` after each level, as fairshare does (docs/model.md §5).
"""

import json
import sys

import fairshare_lp


def solve_pulp(lp):
    import pulp

    variables = [pulp.LpVariable(f"v{j}", lowBound=_finite(lo), upBound=_finite(hi))
                 for j, (lo, hi) in enumerate(zip(lp.lower, lp.upper))]
    problem = pulp.LpProblem("fairshare", pulp.LpMinimize)
    for r, (terms, lo, hi) in enumerate(lp.rows):
        expression = pulp.LpAffineExpression([(variables[c], v) for c, v in terms.items()])
        if lo == hi:
            problem += expression == lo, f"r{r}"
        else:
            if lo > -fairshare_lp.INF:
                problem += expression >= lo, f"r{r}l"
            if hi < fairshare_lp.INF:
                problem += expression <= hi, f"r{r}u"
    solver = pulp.GLPK_CMD(msg=False)
    optima = []
    for index, (name, objective) in enumerate(lp.levels):
        expression = pulp.LpAffineExpression([(variables[c], v) for c, v in objective.items()])
        problem.setObjective(expression)
        problem.solve(solver)
        if pulp.LpStatus[problem.status] != "Optimal":
            return optima, None, pulp.LpStatus[problem.status]
        value = pulp.value(problem.objective) or 0.0
        optima.append((name, value))
        if index + 1 < len(lp.levels):
            problem += expression <= fairshare_lp.level_bound(value), f"level{index}"
    values = [v.varValue or 0.0 for v in variables]
    return optima, values, "optimal"


def solve_scipy(lp):
    import numpy as np
    from scipy.optimize import linprog
    from scipy.sparse import csr_matrix

    columns = len(lp.names)
    eq_rows, eq_cols, eq_vals, b_eq = [], [], [], []
    ub_rows, ub_cols, ub_vals, b_ub = [], [], [], []

    def add(rows, cols, vals, b, terms, bound, sign):
        r = len(b)
        for c, v in terms.items():
            rows.append(r)
            cols.append(c)
            vals.append(sign * v)
        b.append(sign * bound)

    for terms, lo, hi in lp.rows:
        if lo == hi:
            add(eq_rows, eq_cols, eq_vals, b_eq, terms, lo, 1.0)
        else:
            if hi < fairshare_lp.INF:
                add(ub_rows, ub_cols, ub_vals, b_ub, terms, hi, 1.0)
            if lo > -fairshare_lp.INF:
                add(ub_rows, ub_cols, ub_vals, b_ub, terms, lo, -1.0)
    a_eq = csr_matrix((eq_vals, (eq_rows, eq_cols)), shape=(len(b_eq), columns))
    bounds = [(_finite(lo), _finite(hi)) for lo, hi in zip(lp.lower, lp.upper)]
    optima = []
    result = None
    for index, (name, objective) in enumerate(lp.levels):
        c = np.zeros(columns)
        for column, value in objective.items():
            c[column] = value
        a_ub = csr_matrix((ub_vals, (ub_rows, ub_cols)), shape=(len(b_ub), columns))
        result = linprog(c, A_ub=a_ub, b_ub=np.array(b_ub), A_eq=a_eq, b_eq=np.array(b_eq), bounds=bounds,
                         method="highs")
        if result.status != 0:
            return optima, None, result.message
        optima.append((name, float(result.fun)))
        if index + 1 < len(lp.levels):
            add(ub_rows, ub_cols, ub_vals, b_ub, objective, fairshare_lp.level_bound(float(result.fun)), 1.0)
    return optima, list(result.x), "optimal"


def _finite(value):
    return value if abs(value) != fairshare_lp.INF else None


def main():
    peer, path = sys.argv[1], sys.argv[2]
    with open(path) as file:
        scenario = json.load(file)
    lp = fairshare_lp.build(scenario)
    optima, values, status = {"pulp": solve_pulp, "scipy": solve_scipy}[peer](lp)
    allocation = {}
    if values is not None:
        for municipality, columns in lp.new_homes.items():
            allocation[municipality] = {s: round(values[c], 6) for s, c in zip(lp.segment_ids, columns)}
    json.dump({"status": status, "objective": dict(optima), "rows": len(lp.rows), "columns": len(lp.names),
               "nonzeros": lp.nonzeros, "newHomes": allocation}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
