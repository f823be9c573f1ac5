#!/usr/bin/env python3
"""Hamilton's method (largest remainders), independent of fairshare, for the scenarios in this folder.

    python3 hamilton.py                  # every scenario here that has a .expected.json next to it
    python3 hamilton.py us-house-1792-bill.json ...

For each scenario it prints the Hamilton seats and compares them with <name>.expected.json (the
published table). Exit status 1 on any mismatch, 2 on a scenario it cannot read.

The scenario must be a plain proportional split: one segment with {"rule": "proportional", "key": K},
a fixed regional total (region.newHomes a number, or min == max), and per municipality the key's
value and optionally limits.<segment>.min (the US Constitution's one-seat minimum).

Method, as the Census Office applied it from 1850 to 1900 (Vinton's method):
  1. quota q_i = total * p_i / sum(p), in exact fractions;
  2. a state whose quota is below its minimum gets the minimum;
  3. every other state gets floor(q_i), and the seats still left go one each to the other states
     with the largest fractional parts q_i - floor(q_i).
The quotas are not recomputed after step 2: the minimum seats simply take the places of the
smallest remainders that would otherwise have won a seat. This reproduces the published 1882 and
1891 apportionments and both sides of the Alabama paradox. (Recomputing the quotas of the others
over the remaining seats would give Alabama 7 at 299.)

fairshare's integer mode rounds its central allocation instead: with no minimum binding that is
exactly q, so the two agree; where a minimum binds, fairshare's centre moves every other state down
by a small share of its range (about 0.02 seats here), which can only change the answer where two
remainders lie that close. The "closest call" line below shows how close the decisive pair is.
"""
import json
import math
import sys
from fractions import Fraction
from pathlib import Path


def fixed_total(scenario):
    new_homes = scenario["region"]["newHomes"]
    if isinstance(new_homes, dict):
        if new_homes.get("min") != new_homes.get("max"):
            raise ValueError("region.newHomes must be fixed (min == max)")
        new_homes = new_homes["min"]
    if new_homes != int(new_homes):
        raise ValueError("region.newHomes must be a whole number")
    return int(new_homes)


def proportional_segment(scenario):
    segments = scenario["segments"]
    if len(segments) != 1:
        raise ValueError("expected exactly one segment")
    (segment, spec), = segments.items()
    fair = spec.get("fair", {})
    if fair.get("rule") != "proportional" or not isinstance(fair.get("key"), str):
        raise ValueError("the segment must be fair by a proportional rule with a single attribute key")
    return segment, fair["key"]


def key_value(municipality, key):
    if key in municipality:
        return municipality[key]
    return municipality["attributes"][key]


def hamilton(weights, total, minimum):
    """weights, minimum: dicts id -> number. Returns (seats, quotas, closest call)."""
    weight_sum = sum(Fraction(w) for w in weights.values())
    quota = {i: total * Fraction(w) / weight_sum for i, w in weights.items()}

    seats = {i: minimum[i] for i in quota if quota[i] < minimum[i]}           # step 2
    others = [i for i in quota if i not in seats]
    for i in others:                                                          # step 3
        seats[i] = math.floor(quota[i])
    left = total - sum(seats.values())
    if left < 0 or left > len(others):
        raise ValueError(f"cannot place {left} remaining seats")

    def remainder(i):
        return quota[i] - math.floor(quota[i])

    ranked = sorted(others, key=lambda i: (-remainder(i), i))
    for i in ranked[:left]:
        seats[i] += 1
    closest = None
    if 0 < left < len(ranked):
        last_in, first_out = ranked[left - 1], ranked[left]
        if remainder(last_in) == remainder(first_out):
            raise ValueError(f"exact tie between {last_in} and {first_out}: Hamilton's method is undecided")
        closest = (last_in, first_out, remainder(last_in) - remainder(first_out))
    return seats, quota, closest


def check(path):
    scenario = json.loads(path.read_text())
    segment, key = proportional_segment(scenario)
    total = fixed_total(scenario)
    municipalities = scenario["municipalities"]
    weights = {i: key_value(m, key) for i, m in municipalities.items()}
    minimum = {i: m.get("limits", {}).get(segment, {}).get("min", 0) for i, m in municipalities.items()}
    seats, quota, closest = hamilton(weights, total, minimum)

    print(f"{path.name}: {scenario['name']}")
    print(f"  {len(seats)} states, {total} seats, divisor {float(sum(Fraction(w) for w in weights.values()) / total):,.2f}")
    for i in sorted(seats, key=lambda i: -quota[i]):
        mark = "  (minimum)" if quota[i] < minimum[i] else ""
        print(f"    {i:4} quota {float(quota[i]):9.4f}  seats {seats[i]:3}{mark}")
    if closest:
        last_in, first_out, gap = closest
        print(f"  closest call: {last_in} wins the last seat over {first_out} by {float(gap):.4f} of a seat")

    expected_path = path.with_name(path.name[: -len(".json")] + ".expected.json")
    if not expected_path.exists():
        print("  no .expected.json: nothing to compare")
        return True
    expected = json.loads(expected_path.read_text())
    published = expected["seats"]
    unknown = sorted(set(published) - set(seats))
    wrong = {i: (published[i], seats[i]) for i in published if i in seats and published[i] != seats[i]}
    ok = not unknown and not wrong
    if expected.get("complete", True):
        if set(published) != set(seats) or sum(published.values()) != total:
            print(f"  the published table does not cover every state or does not add up to {total}")
            ok = False
    for i in unknown:
        print(f"  MISMATCH: published table names {i}, which the scenario lacks")
    for i, (p, c) in sorted(wrong.items()):
        print(f"  MISMATCH {i}: published {p}, Hamilton {c}")
    coverage = "all states" if expected.get("complete", True) else "the published states " + ", ".join(sorted(published))
    print(f"  {'agrees' if ok else 'DISAGREES'} with the published table ({coverage})")
    return ok


def main(argv):
    here = Path(__file__).resolve().parent
    paths = [Path(a) for a in argv] or sorted(p for p in here.glob("*.json") if not p.name.endswith(".expected.json"))
    all_ok = True
    for path in paths:
        try:
            all_ok &= check(path)
        except (OSError, KeyError, ValueError, json.JSONDecodeError) as error:
            print(f"{path}: cannot check: {error!r}")
            return 2
        print()
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
