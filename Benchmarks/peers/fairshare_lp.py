"""The fair-share linear programme of docs/model.md §3-5 (the model fairshare implements), written in Python the
way Sources/FairShareEngine/Formulation.swift writes it, so that PuLP + glpsol and scipy's HiGHS solve the very
same model and levels as fairshare.

Solver-neutral: `build(scenario)` returns variables (name, lower, upper), rows ({column: coefficient}, lower, upper)
and the levels [(name, {column: coefficient})]. Supported: norms `sum` and `max`, hard and soft requirements,
`proportional` (simple or weighted keys) and `converge` rules, every limit of docs/model.md §3. Not supported (the
script refuses them): norm `leximin`, either-or `alternatives`, `solver.integer`.
"""

import math

INF = math.inf
LEVEL_TOLERANCE = 1e-6  # FairShare.levelTolerance: level <= v* + 1e-6 * max(1, |v*|)


class LP:
    def __init__(self):
        self.names, self.lower, self.upper = [], [], []
        self.rows = []  # (coefficients {column: value}, lower, upper)
        self.levels = []  # (level name, {column: value})

    def var(self, name, lower=0.0, upper=INF):
        self.names.append(name)
        self.lower.append(lower)
        self.upper.append(upper)
        return len(self.names) - 1

    def row(self, terms, lower=-INF, upper=INF):
        coefficients = {}
        for column, value in terms:
            coefficients[column] = coefficients.get(column, 0.0) + value
        self.rows.append(({c: v for c, v in coefficients.items() if v != 0}, lower, upper))

    @property
    def nonzeros(self):
        return sum(len(r[0]) for r in self.rows)


def _number_or_range(value, default_min=0.0, default_max=INF):
    if value is None:
        return default_min, default_max
    if isinstance(value, (int, float)):
        return float(value), float(value)
    return float(value.get("min", 0.0)), float(value.get("max", INF))


def _key_weights(key):
    if key is None:
        return [("population", 1.0)]
    if isinstance(key, str):
        return [(key, 1.0)]
    return [(attribute, float(weight)) for attribute, weight in key.items()]


def _attribute(municipality, name, segment_ids):
    stock = municipality.get("stock", {})
    if name == "population":
        return municipality.get("population")
    if name == "households":
        return municipality.get("households")
    if name == "stock":
        return float(sum(stock.values()))
    if name == "lettings":
        return municipality.get("lettings", 0.0)
    if name == "capacity":
        high = _number_or_range(municipality.get("newHomes"))[1]
        return high if math.isfinite(high) else None
    if name.startswith("stock.") and name[6:] in segment_ids:
        return stock.get(name[6:], 0.0)
    return municipality.get("attributes", {}).get(name)


def key_shares(key, municipalities, segment_ids):
    """KeyShares.shares: w_i = sum_a k_a * a_i / sum_j a_j / sum_a k_a."""
    weights = _key_weights(key)
    total_weight = sum(w for _, w in weights)
    shares = [0.0] * len(municipalities)
    if total_weight <= 0:
        return shares
    for attribute, weight in weights:
        if weight <= 0:
            continue
        values = [_attribute(m, attribute, segment_ids) or 0.0 for m in municipalities]
        total = sum(values)
        if total <= 0:
            continue
        for i, value in enumerate(values):
            shares[i] += weight * value / total / total_weight
    return shares


def build(scenario):
    """The model and levels of a scenario document (a parsed fairshare-scenario/1 JSON object)."""
    if scenario.get("solver", {}).get("integer"):
        raise ValueError("integer scenarios are not supported by the peers")
    norm = scenario.get("fairness", {}).get("norm", "sum")
    if norm not in ("sum", "max"):
        raise ValueError(f"norm {norm!r} is not supported by the peers")
    segments = list(scenario["segments"].items())
    segment_ids = [s for s, _ in segments]
    groups = list(scenario.get("priorityGroups", {}).items())
    qualities = list(scenario.get("care", {}).items())
    municipalities = [m for _, m in sorted(scenario["municipalities"].items())]
    for m in municipalities:
        if m.get("alternatives"):
            raise ValueError("either-or alternatives are not supported by the peers")
    region = scenario.get("region", {})
    lp = LP()

    def stock_total(m):
        return float(sum(m.get("stock", {}).values()))

    # Variables x, y, z, N_i with the bounds of L1, L2, P3, C3 (tightest side wins, as applyPendingBounds does).
    x, y, z, n = [], [], [], []
    bound_rows = []  # crossed bounds become rows, as in applyPendingBounds
    for m in municipalities:
        realised = m.get("realised", {})
        limits = m.get("limits", {})
        row = []
        for s, _ in segments:
            lower = max(0.0, float(realised.get(s, 0.0)), float(limits.get(s, {}).get("min", 0.0)))
            upper = float(limits.get(s, {}).get("max", INF))
            row.append(_bounded(lp, bound_rows, lower, upper))
        x.append(row)
        y.append([_bounded(lp, bound_rows, *_clip(_number_or_range(m.get("placements", {}).get(g)))) for g, _ in groups])
        z.append([_bounded(lp, bound_rows, *_clip(_number_or_range(m.get("care", {}).get(c)))) for c, _ in qualities])
        n.append(_bounded(lp, bound_rows, *_clip(_number_or_range(m.get("newHomes")))))

    # Definitions: N_i = sum_s x_is; X_s, Y_g, Z_c; N.
    for i in range(len(municipalities)):
        lp.row([(c, 1.0) for c in x[i]] + [(n[i], -1.0)], 0.0, 0.0)
    X = []
    for k in range(len(segments)):
        X.append(lp.var("X"))
        lp.row([(x[i][k], 1.0) for i in range(len(municipalities))] + [(X[k], -1.0)], 0.0, 0.0)
    low, high = _number_or_range(region.get("newHomes"))
    N = lp.var("N", max(0.0, low), high)
    lp.row([(c, 1.0) for c in n] + [(N, -1.0)], 0.0, 0.0)
    Y, Z = [], []
    for g in range(len(groups)):
        Y.append(lp.var("Y"))
        lp.row([(y[i][g], 1.0) for i in range(len(municipalities))] + [(Y[g], -1.0)], 0.0, 0.0)
    for c in range(len(qualities)):
        Z.append(lp.var("Z"))
        lp.row([(z[i][c], 1.0) for i in range(len(municipalities))] + [(Z[c], -1.0)], 0.0, 0.0)

    # L3, L4 (local shares), P2, C2.
    lettable = [k for k, (_, s) in enumerate(segments) if s.get("lettable")]
    for i, m in enumerate(municipalities):
        total_stock = stock_total(m)
        for k, (s, _) in enumerate(segments):
            limits = m.get("limits", {}).get(s)
            if limits is None:
                continue
            existing = float(m.get("stock", {}).get(s, 0.0))
            if limits.get("minNewShare", 0) > 0:
                lp.row([(x[i][k], 1.0), (n[i], -limits["minNewShare"])], lower=0.0)
            if limits.get("maxNewShare", 1) < 1:
                lp.row([(x[i][k], 1.0), (n[i], -limits["maxNewShare"])], upper=0.0)
            if limits.get("minStockShare", 0) > 0:
                share = limits["minStockShare"]
                lp.row([(x[i][k], 1.0), (n[i], -share)], lower=share * total_stock - existing)
            if limits.get("maxStockShare", 1) < 1:
                share = limits["maxStockShare"]
                lp.row([(x[i][k], 1.0), (n[i], -share)], upper=share * total_stock - existing)
        if groups:
            share = float(m.get("maxPriorityShare", 1.0))
            lp.row([(c, 1.0) for c in y[i]] + [(x[i][k], -share) for k in lettable],
                   upper=share * float(m.get("lettings", 0.0)))
        for c, (_, quality) in enumerate(qualities):
            lp.row([(z[i][c], 1.0), (n[i], -float(quality.get("maxShareOfNewHomes", 1.0)))], upper=0.0)

    # R2 targets, P1, C1 (soft lower sides get shortfall variables).
    shortfall = []
    for target_id, target in region.get("targets", {}).items():
        share_terms = [(X[segment_ids.index(s)], 1.0) for s in target["segments"]]
        low, high = float(target.get("minShare", 0.0)), float(target.get("maxShare", 1.0))
        slack = []
        if target.get("mode") == "soft":
            u = lp.var("u")
            shortfall.append((u, float(target.get("weight", 1.0))))
            slack = [u]
        if low > 0:
            lp.row(share_terms + [(u, 1.0) for u in slack] + [(N, -low)], lower=0.0)
        if high < 1:
            lp.row(share_terms + [(u, -1.0) for u in slack] + [(N, -high)], upper=0.0)
    for totals, items in ((Y, groups), (Z, qualities)):
        for k, (_, item) in enumerate(items):
            low, high = _number_or_range(item.get("demand"))
            lp.upper[totals[k]] = min(lp.upper[totals[k]], high)
            if item.get("mode") == "soft" and low > 0:
                u = lp.var("u")
                shortfall.append((u, float(item.get("weight", 1.0))))
                lp.row([(totals[k], 1.0), (u, 1.0)], lower=low)
            elif low > 0:
                lp.lower[totals[k]] = max(lp.lower[totals[k]], low)
    for terms, lower, upper in bound_rows:
        lp.row(terms, lower, upper)

    # Fairness (docs/model.md §4): d+ - d- = v - F for every fair item and municipality.
    stocks = [stock_total(m) for m in municipalities]
    regional_stock = sum(stocks)
    size_shares = [s / regional_stock if regional_stock > 0 else 0.0 for s in stocks]
    items = []  # (weight, value columns, regional column or None, rule)
    for k, (s, segment) in enumerate(segments):
        fair = segment.get("fair")
        if not fair or fair.get("rule") == "none":
            continue
        weight = float(fair.get("weight", 1.0))
        if fair["rule"] == "proportional":
            shares = key_shares(fair.get("key"), municipalities, segment_ids)
            items.append((weight, [x[i][k] for i in range(len(municipalities))], X[k], ("proportional", shares), shares))
        else:
            sigma = fair.get("targetShare")
            if sigma is None:
                existing = sum(float(m.get("stock", {}).get(s, 0.0)) for m in municipalities)
                sigma = existing / regional_stock if regional_stock > 0 else 0.0
            items.append((weight, [x[i][k] for i in range(len(municipalities))], None, ("converge", sigma, s), size_shares))
    for totals, entries in ((Y, groups), (Z, qualities)):
        for k, (_, item) in enumerate(entries):
            shares = key_shares(item.get("key"), municipalities, segment_ids)
            column = [y, z][0 if totals is Y else 1]
            items.append((float(item.get("weight", 1.0)), [column[i][k] for i in range(len(municipalities))],
                          totals[k], ("proportional", shares), shares))
    sum_level, worst_level = {}, {}
    for weight, values, regional, rule, sizes in items:
        worst = lp.var("t") if norm == "max" else None
        for i, m in enumerate(municipalities):
            plus, minus = lp.var("dp"), lp.var("dm")
            if rule[0] == "proportional":
                lp.row([(values[i], 1.0), (regional, -rule[1][i]), (plus, -1.0), (minus, 1.0)], 0.0, 0.0)
            else:
                sigma, segment = rule[1], rule[2]
                rhs = sigma * stocks[i] - float(m.get("stock", {}).get(segment, 0.0))
                lp.row([(values[i], 1.0), (n[i], -sigma), (plus, -1.0), (minus, 1.0)], rhs, rhs)
            if worst is not None:
                lp.row([(plus, 1.0), (minus, 1.0), (worst, -sizes[i])], upper=0.0)
            sum_level[plus] = sum_level.get(plus, 0.0) + weight
            sum_level[minus] = sum_level.get(minus, 0.0) + weight
        if worst is not None:
            worst_level[worst] = worst_level.get(worst, 0.0) + weight

    # Levels (docs/model.md §5).
    if shortfall:
        lp.levels.append(("shortfall", {u: w for u, w in shortfall}))
    if norm == "sum":
        lp.levels.append(("fairness", sum_level))
    else:
        lp.levels.append(("fairness", worst_level))
        lp.levels.append(("tiebreak", sum_level))
    lp.new_homes = {m_id: x[i] for i, m_id in enumerate(sorted(scenario["municipalities"]))}
    lp.segment_ids = segment_ids
    return lp


def _clip(bounds):
    return max(0.0, bounds[0]), bounds[1]


def _bounded(lp, bound_rows, lower, upper):
    """A variable with bounds; crossed bounds become rows (the LP is then infeasible, as in fairshare)."""
    if lower <= upper:
        return lp.var("v", lower, upper)
    column = lp.var("v", 0.0, INF)
    bound_rows.append(([(column, 1.0)], lower, INF))
    bound_rows.append(([(column, 1.0)], -INF, upper))
    return column


def level_bound(value):
    return value + LEVEL_TOLERANCE * max(1.0, abs(value))
