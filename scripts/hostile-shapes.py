#!/usr/bin/env python3
"""Writes hostile scenario files of one shape each, just under the 16 MiB file-size limit, to measure the time and
peak memory of `fairshare validate` on them (README, Reliability: "Time and memory of validation").

    scripts/hostile-shapes.py DIRECTORY            # every shape
    scripts/hostile-shapes.py DIRECTORY SHAPE ...  # some shapes

Then, for example:
    for f in DIRECTORY/*.json; do /usr/bin/time -f "$f %e s %M KB" .build/release/fairshare validate "$f" >/dev/null; done
"""
import json
import os
import sys

SIZE = 16 * 1024 * 1024 - 4096  # under ScenarioLimits.maximumFileSize
HEAD = '{"format": "fairshare-scenario/1", "name": "hostile", '


def pieces(make, budget):
    """`make(i)` for i = 0, 1, … joined by ", " while the text stays within `budget` bytes."""
    out, used, index = [], 0, 0
    while True:
        piece = make(index)
        if used + len(piece) + 2 > budget:
            return ", ".join(out)
        out.append(piece)
        used += len(piece) + 2
        index += 1


def bad_references():
    # Half the file declares segments, half refers to segments, groups and care qualities that do not exist: every
    # problem message used to list every declared segment.
    segments = pieces(lambda i: f'"s{i:07d}": {{}}', SIZE // 2)
    stock = pieces(lambda i: f'"x{i:07d}": 1', SIZE // 2 - 200)
    return HEAD + f'"segments": {{{segments}}}, "municipalities": {{"A": {{"name": "A", "stock": {{{stock}}}}}}}}}'


def many_problems():
    # One invalid id after another: every one a problem.
    ids = pieces(lambda i: f'"s {i}": {{}}', SIZE - 200)
    return HEAD + f'"segments": {{{ids}}}, "municipalities": {{"A": {{"name": "A"}}}}}}'


def empty_variants():
    # The file: 625,279 empty variants.
    variants = pieces(lambda i: f'"v{i}": {{"patch": {{}}}}', SIZE - 300)
    return HEAD + '"segments": {"a": {}}, "municipalities": {"A": {"name": "A", "population": 1}}, ' + \
        f'"variants": {{{variants}}}}}'


def region(municipalities, attributes):
    def municipality(i):
        extra = ", ".join(f'"k{j}": {i + j}' for j in range(attributes))
        return (f'"GM{i:05d}": {{"name": "M{i}", "population": {1000 + i}, "households": {500 + i}, '
                f'"stock": {{"a": {100 + i}}}, "newHomes": {{"min": 0, "max": 1000}}, "attributes": {{{extra}}}}}')
    return ", ".join(municipality(i) for i in range(municipalities))


def variants_at_limit():
    # 1,000 variants (the default limit), each changing one municipality, over 10,000 municipalities that fill
    # the rest of the file: every variant is a whole scenario to validate.
    variants = ", ".join(f'"v{i}": {{"patch": {{"municipalities": {{"GM{i:05d}": {{"population": {2000 + i}}}}}}}}}'
                         for i in range(1000))
    body = region(10_000, 0)
    attributes = max(0, (SIZE - len(body) - len(variants) - 500) // (10_000 * 14))
    return HEAD + '"segments": {"a": {}}, "municipalities": {' + region(10_000, attributes) + '}, ' + \
        f'"variants": {{{variants}}}}}'


def many_municipalities():
    # 10,000 valid municipalities (the default limit), each with attributes up to 16 MiB.
    attributes = (SIZE - len(region(10_000, 0)) - 300) // (10_000 * 14)
    return HEAD + '"segments": {"a": {}}, "municipalities": {' + region(10_000, attributes) + '}}'


def too_many_municipalities():
    municipalities = pieces(lambda i: f'"GM{i}": {{"name": "M"}}', SIZE - 300)
    return HEAD + '"segments": {"a": {}}, "municipalities": {' + municipalities + '}}'


def deep_nesting():
    half = SIZE // 2
    return "[" * half + "]" * half


def nesting_at_limit():
    # Objects nested 60 levels deep, one after another, in an unknown field: every level is within the limit.
    deep = '{"a": ' * 60 + "1" + "}" * 60
    filler = pieces(lambda i: f'"n{i}": {deep}', SIZE - 300)
    return HEAD + '"segments": {"a": {}}, "municipalities": {"A": {"name": "A"}}, "extra": {' + filler + '}}'


def many_segments():
    # 600,000 valid segments and one municipality with stock in each.
    count = SIZE // 30
    segments = ", ".join(f'"s{i:06d}": {{}}' for i in range(count))
    stock = ", ".join(f'"s{i:06d}": 1' for i in range(count))
    return HEAD + f'"segments": {{{segments}}}, "municipalities": {{"A": {{"name": "A", "stock": {{{stock}}}}}}}}}'


def wide_key():
    # A key naming 500,000 attributes that 10,000 municipalities lack (the key check runs once all else is valid).
    municipalities = ", ".join(f'"GM{i:05d}": {{"name": "M", "population": 1}}' for i in range(10_000))
    weights = pieces(lambda i: f'"k{i:06d}": 1', SIZE - len(municipalities) - 400)
    return HEAD + '"segments": {"a": {"fair": {"rule": "proportional", "key": {' + weights + \
        '}}}}, "municipalities": {' + municipalities + '}}'


SHAPES = {
    "bad-references": bad_references,
    "many-problems": many_problems,
    "empty-variants": empty_variants,
    "variants-at-limit": variants_at_limit,
    "many-municipalities": many_municipalities,
    "too-many-municipalities": too_many_municipalities,
    "deep-nesting": deep_nesting,
    "nesting-at-limit": nesting_at_limit,
    "many-segments": many_segments,
    "wide-key": wide_key,
}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    for name in sys.argv[2:] or SHAPES:
        text = SHAPES[name]()
        if not name.startswith("deep"):
            json.loads(text)  # valid JSON: the shape tests validation, not the parser
        assert len(text.encode()) <= 16 * 1024 * 1024, (name, len(text))
        with open(os.path.join(directory, name + ".json"), "w") as out:
            out.write(text)
        print(f"{name}.json: {len(text.encode()):,} bytes")


if __name__ == "__main__":
    main()
