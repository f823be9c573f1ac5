#!/usr/bin/env python3
"""fairshare against the tools an analyst would otherwise use, on the same model, on the same machine, in one run.

For the Drechtsteden scenario and synthetic regions of 7, 40, 342 and 2,000 municipalities, three whole processes
are timed side by side, interleaved, several times each:

  fairshare   `fairshare solve FILE --format json` (release build)
  pulp        peer.py pulp FILE: PuLP model of the same LP (fairshare_lp.py), every level solved by glpsol
  scipy       peer.py scipy FILE: the same LP, every level solved by scipy.optimize.linprog(method="highs")

Each peer's level optima must equal fairshare's within 1e-4 (relative), or its comparison is marked void.
Writes results.md (tables), results.json (every run) and chart.svg (ratios and growth) to --out.

Installs what it needs first: PuLP and scipy with pip, glpsol (glpk-utils) and GNU time with apt-get (sudo when
not root).
Builds fairshare and write-scenarios in release mode with `swift build`.

    python3 Benchmarks/peers/compare.py [--sizes 7 40 342 2000] [--repeats 5] [--out DIR] [--scratch-path DIR]
"""

import argparse
import datetime
import importlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCHMARKS)
TOOLS = ["fairshare", "pulp", "scipy"]
LABELS = {"fairshare": "fairshare", "pulp": "PuLP + glpsol", "scipy": "scipy HiGHS"}
TOLERANCE = 1e-4
WORK = os.environ.get("TMPDIR", "/tmp")


def log(message):
    print(message, file=sys.stderr, flush=True)


def ensure_dependencies():
    missing = [name for name in ("pulp", "scipy", "numpy") if importlib.util.find_spec(name) is None]
    if missing:
        log(f"installing {' '.join(missing)} with pip…")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q"] + missing, check=True)
    packages = [p for p, present in (("glpk-utils", shutil.which("glpsol")), ("time", os.path.exists("/usr/bin/time")))
                if not present]
    if packages:
        log(f"installing {' '.join(packages)} with apt-get…")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq"] + packages, check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def swift_build(package, product, scratch):
    command = ["swift", "build", "-c", "release", "--product", product]
    if scratch:
        command += ["--scratch-path", scratch]
    log(f"building {product} ({' '.join(command)})…")
    subprocess.run(command, cwd=package, check=True, stdout=subprocess.DEVNULL)
    binary = subprocess.run(command + ["--show-bin-path"], cwd=package, check=True, capture_output=True, text=True)
    return os.path.join(binary.stdout.strip(), product)


def run(command):
    """Runs a whole process under GNU time; returns wall seconds, CPU seconds (user + system, waited-for children
    included, so glpsol counts for PuLP), peak resident memory (KiB) and stdout. (Python's own rusage of a child
    would count the pages of this script that the child shares before exec.)"""
    report = os.path.join(WORK, "time.txt")
    start = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", report] + command, capture_output=True,
                             cwd=HERE)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {process.stderr.decode()[-2000:]}")
    with open(report) as file:
        user, system, rss = file.read().split()[-3:]
    return wall, float(user) + float(system), int(rss), process.stdout


def optima_of(tool, output):
    document = json.loads(output)
    if tool != "fairshare" and document["status"] != "optimal":
        return None
    return document["objective"]


def agree(reference, other):
    if other is None or set(reference) != set(other):
        return False
    return all(abs(reference[k] - other[k]) <= TOLERANCE * max(1.0, abs(reference[k])) for k in reference)


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = 0
    try:
        with open("/proc/meminfo") as file:
            memory = int(file.readline().split()[1]) // 1024
    except OSError:
        pass
    versions = {}
    try:
        versions["glpsol"] = subprocess.run(["glpsol", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        import pulp
        import scipy
        versions["pulp"] = pulp.__version__
        versions["scipy"] = scipy.__version__
        versions["python"] = platform.python_version()
        versions["swift"] = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    except Exception:  # noqa: BLE001 - informative only
        pass
    return {"cpus": os.cpu_count(), "cpu": model, "memoryMiB": memory, "kernel": platform.release(),
            "loadAverage": os.getloadavg(), "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "versions": versions}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[7, 40, 342, 2000])
    parser.add_argument("--repeats", type=int, default=5, help="runs per tool and scenario (2000: at most 3)")
    parser.add_argument("--out", default=os.path.join(HERE, "results"))
    parser.add_argument("--scratch-path", help="swift build --scratch-path for both packages (default: their .build)")
    parser.add_argument("--fairshare", help="use this fairshare binary instead of building one")
    parser.add_argument("--from-json", help="only write results.md and chart.svg again from a results.json")
    args = parser.parse_args()
    if args.from_json:
        with open(args.from_json) as file:
            results = json.load(file)
        write_reports(results, args.out)
        return

    ensure_dependencies()
    fairshare = args.fairshare or swift_build(ROOT, "fairshare", args.scratch_path and args.scratch_path + "-main")
    writer = swift_build(BENCHMARKS, "write-scenarios", args.scratch_path)
    scenarios_dir = os.path.join(args.out, "scenarios")
    os.makedirs(scenarios_dir, exist_ok=True)
    subprocess.run([writer, scenarios_dir] + [str(s) for s in args.sizes], check=True, stdout=subprocess.DEVNULL)
    scenarios = [("Drechtsteden", 7, os.path.join(ROOT, "Scenarios", "drechtsteden.json"))]
    scenarios += [(f"synthetic {n}", n, os.path.join(scenarios_dir, f"synthetic-{n}.json")) for n in args.sizes]

    commands = {
        "fairshare": lambda path: [fairshare, "solve", path, "--format", "json"],
        "pulp": lambda path: [sys.executable, os.path.join(HERE, "peer.py"), "pulp", path],
        "scipy": lambda path: [sys.executable, os.path.join(HERE, "peer.py"), "scipy", path],
    }
    results = {"machine": machine(), "scenarios": []}
    for name, count, path in scenarios:
        repeats = min(args.repeats, 3) if count >= 2000 else args.repeats
        runs = {tool: [] for tool in TOOLS}
        optima = {}
        for repeat in range(repeats):
            order = TOOLS[repeat % 3:] + TOOLS[:repeat % 3]  # interleaved, so that load hits every tool alike
            for tool in order:
                wall, cpu, rss, output = run(commands[tool](path))
                runs[tool].append({"wall": wall, "cpu": cpu, "maxRSSKiB": rss})
                optima[tool] = optima_of(tool, output)
            log(f"{name}: run {repeat + 1}/{repeats}: "
                + ", ".join(f"{t} {runs[t][-1]['wall']:.3f} s" for t in TOOLS))
        entry = {"name": name, "municipalities": count, "file": os.path.relpath(path, ROOT), "runs": runs,
                 "optima": optima}
        for tool in TOOLS:
            entry.setdefault("median", {})[tool] = {
                key: statistics.median(r[key] for r in runs[tool]) for key in ("wall", "cpu", "maxRSSKiB")}
        entry["valid"] = {tool: agree(optima["fairshare"], optima[tool]) for tool in ("pulp", "scipy")}
        results["scenarios"].append(entry)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "results.json"), "w") as file:
        json.dump(results, file, indent=1)
    write_reports(results, args.out)


def write_reports(results, out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "results.md"), "w") as file:
        file.write(markdown(results))
    with open(os.path.join(out, "chart.svg"), "w") as file:
        file.write(chart(results))
    print(markdown(results))


def ratio(entry, tool, key="wall"):
    """The peer's median ÷ fairshare's; None when void, or for CPU when fairshare's is under GNU time's 10 ms."""
    if tool != "fairshare" and not entry["valid"][tool]:
        return None
    reference = entry["median"]["fairshare"][key]
    return entry["median"][tool][key] / reference if key == "wall" or reference >= 0.05 else None


def markdown(results):
    m = results["machine"]
    lines = [
        f"Run of {m['date']} on {m['cpus']} × {m['cpu']}, {m['memoryMiB']} MiB, load average "
        f"{' / '.join(f'{x:.2f}' for x in m['loadAverage'])} at the end. "
        + ", ".join(f"{k} {v}" for k, v in m.get("versions", {}).items()) + ".",
        "",
        "Whole processes, median of the runs; a ratio is the peer's time divided by fairshare's (higher: fairshare "
        "is faster). CPU: user + system time, glpsol included; – where fairshare needs less than GNU time's 10 ms "
        "resolution. *void*: the peer's level optima differ from fairshare's by more than 1e-4 (relative).",
        "",
        "| scenario | runs | fairshare wall | PuLP + glpsol ÷ fairshare (wall / CPU) | scipy HiGHS ÷ fairshare "
        "(wall / CPU) | optima agree |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for entry in results["scenarios"]:
        cells = []
        for tool in ("pulp", "scipy"):
            wall, cpu = ratio(entry, tool), ratio(entry, tool, "cpu")
            cpu_text = "–" if cpu is None else f"{cpu:.1f}×"
            cells.append("*void*" if wall is None else f"{wall:.1f}× / {cpu_text}")
        seconds = entry["median"]["fairshare"]["wall"]
        shown = f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"
        agree = "yes" if all(entry["valid"].values()) else ", ".join(
            f"{LABELS[t]} differs" for t, ok in entry["valid"].items() if not ok)
        lines.append(f"| {entry['name']} | {len(entry['runs']['fairshare'])} | {shown} | {cells[0]} | {cells[1]} "
                     f"| {agree} |")
    lines += ["", "Growth with the number of municipalities: median wall time relative to the same tool's time for "
              "7 municipalities (synthetic), and peak resident memory (MiB).", "",
              "| municipalities | fairshare | PuLP + glpsol | scipy HiGHS | fairshare peak RSS | PuLP peak RSS "
              "| scipy peak RSS |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    synthetic = [e for e in results["scenarios"] if e["name"].startswith("synthetic")]
    if synthetic:
        base = synthetic[0]
        for entry in synthetic:
            growth = [entry["median"][t]["wall"] / base["median"][t]["wall"] for t in TOOLS]
            rss = [entry["median"][t]["maxRSSKiB"] / 1024 for t in TOOLS]
            lines.append(f"| {entry['municipalities']} | " + " | ".join(f"{g:.1f}×" for g in growth) + " | "
                         + " | ".join(f"{r:.0f}" for r in rss) + " |")
    return "\n".join(lines) + "\n"


def chart(results):
    """Two log-log panels: peer time ÷ fairshare time, and each tool's growth relative to 7 municipalities."""
    synthetic = [e for e in results["scenarios"] if e["name"].startswith("synthetic")]
    counts = [e["municipalities"] for e in synthetic]
    colors = {"fairshare": "#1b6ca8", "pulp": "#d9731a", "scipy": "#2e8b57"}
    width, height = 980, 460
    panel_w, panel_h = 380, 290
    panels = [(80, 70), (560, 70)]
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="26" text-anchor="middle" font-size="16" font-weight="bold">'
           'fairshare against PuLP + glpsol and scipy HiGHS: same LP, whole processes, same run</text>']

    def scale(values, low_pad=1.0, high_pad=1.0):
        low = math.floor(math.log10(min(values) / low_pad))
        high = math.ceil(math.log10(max(values) * high_pad))
        return low, max(high, low + 1)

    def axes(origin, x_range, y_range, title, y_label, y_ticks):
        ox, oy = origin
        fx = lambda v: ox + (math.log10(v) - x_range[0]) / (x_range[1] - x_range[0]) * panel_w
        fy = lambda v: oy + panel_h - (math.log10(v) - y_range[0]) / (y_range[1] - y_range[0]) * panel_h
        svg.append(f'<text x="{ox + panel_w / 2}" y="{oy - 14}" text-anchor="middle" font-size="13" '
                   f'font-weight="bold">{title}</text>')
        for tick in y_ticks:
            y = fy(tick)
            svg.append(f'<line x1="{ox}" y1="{y:.1f}" x2="{ox + panel_w}" y2="{y:.1f}" stroke="#dcdcdc"/>')
            svg.append(f'<text x="{ox - 6}" y="{y + 4:.1f}" text-anchor="end">{tick:g}×</text>')
            for minor in (2, 5):
                if tick * minor < y_ticks[-1]:
                    ym = fy(tick * minor)
                    svg.append(f'<line x1="{ox}" y1="{ym:.1f}" x2="{ox + panel_w}" y2="{ym:.1f}" stroke="#f2f2f2"/>')
                    svg.append(f'<text x="{ox - 6}" y="{ym + 4:.1f}" text-anchor="end" fill="#888" '
                               f'font-size="10">{tick * minor:g}×</text>')
        for count in counts:
            x = fx(count)
            svg.append(f'<line x1="{x:.1f}" y1="{oy}" x2="{x:.1f}" y2="{oy + panel_h}" stroke="#f0f0f0"/>')
            svg.append(f'<text x="{x:.1f}" y="{oy + panel_h + 16}" text-anchor="middle">{count}</text>')
        svg.append(f'<rect x="{ox}" y="{oy}" width="{panel_w}" height="{panel_h}" fill="none" stroke="#444"/>')
        svg.append(f'<text x="{ox + panel_w / 2}" y="{oy + panel_h + 34}" text-anchor="middle">'
                   'municipalities (synthetic region, log scale)</text>')
        svg.append(f'<text transform="translate({ox - 48},{oy + panel_h / 2}) rotate(-90)" text-anchor="middle">'
                   f'{y_label}</text>')
        return fx, fy

    def series(fx, fy, points, color, dashed=False):
        if not points:
            return
        path = " ".join(f"{'M' if i == 0 else 'L'}{fx(x):.1f},{fy(y):.1f}" for i, (x, y) in enumerate(points))
        dash = ' stroke-dasharray="6,4"' if dashed else ""
        svg.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2.2"{dash}/>')
        for x, y in points:
            svg.append(f'<circle cx="{fx(x):.1f}" cy="{fy(y):.1f}" r="3.6" fill="{color}"/>')

    x_range = (math.log10(min(counts)) - 0.1, math.log10(max(counts)) + 0.1)
    # Panel 1: ratios.
    ratios = {t: [(e["municipalities"], ratio(e, t)) for e in synthetic if ratio(e, t)] for t in ("pulp", "scipy")}
    values = [v for points in ratios.values() for _, v in points] + [1.0]
    low, high = scale(values, low_pad=1.5)
    ticks = [10 ** k for k in range(low, high + 1)]
    fx, fy = axes(panels[0], x_range, (low, high), "Peer time ÷ fairshare time", "times slower than fairshare",
                  ticks)
    y1 = fy(1.0)
    svg.append(f'<line x1="{panels[0][0]}" y1="{y1:.1f}" x2="{panels[0][0] + panel_w}" y2="{y1:.1f}" '
               'stroke="#1b6ca8" stroke-width="1.5" stroke-dasharray="3,3"/>')
    svg.append(f'<text x="{panels[0][0] + 6}" y="{y1 + 15:.1f}" fill="#1b6ca8">fairshare = 1× '
               '(below: the peer is faster)</text>')
    for tool, points in ratios.items():
        series(fx, fy, points, colors[tool])
    # Panel 2: growth relative to the smallest region.
    base = synthetic[0]
    growth = {t: [(e["municipalities"], e["median"][t]["wall"] / base["median"][t]["wall"]) for e in synthetic]
              for t in TOOLS}
    values = [v for points in growth.values() for _, v in points]
    low, high = scale(values)
    ticks = [10 ** k for k in range(low, high + 1)]
    fx, fy = axes(panels[1], x_range, (low, high), f"Growth: time ÷ time at {counts[0]} municipalities",
                  "relative wall time", ticks)
    linear = [(c, c / counts[0]) for c in counts]
    series(fx, fy, [(c, v) for c, v in linear if 10 ** low <= v <= 10 ** high], "#999999", dashed=True)
    for tool, points in growth.items():
        series(fx, fy, points, colors[tool])
    # Legend.
    lx, ly = 80, height - 40
    entries = [(LABELS[t], colors[t], False) for t in TOOLS] + [("linear growth", "#999999", True)]
    for label, color, dashed in entries:
        dash = ' stroke-dasharray="6,4"' if dashed else ""
        svg.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 26}" y2="{ly}" stroke="{color}" stroke-width="2.2"{dash}/>')
        svg.append(f'<text x="{lx + 32}" y="{ly + 4}">{label}</text>')
        lx += 60 + 7 * len(label)
    m = results["machine"]
    svg.append(f'<text x="{width / 2}" y="{height - 12}" text-anchor="middle" fill="#666" font-size="10">'
               f'{m["cpus"]} × {m["cpu"]}, {m["memoryMiB"] // 1024} GiB, {m["date"][:10]}; medians of '
               'whole-process wall times; optima checked equal (1e-4) before a ratio is drawn</text>')
    svg.append("</svg>")
    return "\n".join(svg) + "\n"


if __name__ == "__main__":
    main()
