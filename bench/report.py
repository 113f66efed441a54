#!/usr/bin/env python3
"""Turns bench/.cache/results.jsonl into the table bench/run prints and bench/RESULTS.md.

Per workload and size, per tool: the median wall time over the counted repetitions (rep >= 1;
rep 0 is the warm-up) with min-max, median user+sys CPU, the largest peak RSS seen, and the
ratios of the median wall time to Retort's and to the floor's. Then the targets, each marked
met or MISSED, so a miss cannot hide.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import statistics
import subprocess

ORDER = ["floor", "psql-per-tx", "retort-sql", "retort-sql-nocds", "retort", "retort-dsl", "retort-empty", "retort-java",
         "retort-java-cached",
         "flyway", "liquibase", "alembic", "drizzle-kit", "drizzle"]
REFERENCE = ["retort-sql", "retort"]  # the "Retort" column of the ratios
TITLES = {
    "W1": "W1 apply: N migrations from an empty database",
    "W2": "W2 no-op: upgrade head with everything applied",
    "W3": "W3 inspect and diff: N tables",
    "W4_heads": "W4 graph: heads (N revisions, branches and merges)",
    "W4_history": "W4 graph: history",
    "W4_plan": "W4 graph: plan upgrade heads from base (offline --sql)",
    "W5": "W5 in-process no-op at application start-up",
}
FLOORS = {
    "W1": "psql -1 -f (all DDL, one transaction)",
    "W2": "JVM hello world (same JVM flags)",
    "W3": "pg_dump --schema-only",
    "W4_heads": "JVM hello world", "W4_history": "JVM hello world", "W4_plan": "JVM hello world",
}


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip() or \
            subprocess.run(cmd, capture_output=True, text=True, timeout=60).stderr.strip()
    except Exception as e:  # a missing tool should not lose the results
        return f"unknown ({e})"


def machine(args):
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) // 1024} MB"
    except OSError:
        pass
    osname = "unknown"
    try:
        osname = re.search(r'PRETTY_NAME="([^"]*)"', open("/etc/os-release").read()).group(1)
    except (OSError, AttributeError):
        pass
    java = sh("java", "-version").splitlines()
    libs = sorted(os.path.basename(p) for p in glob.glob(os.path.join(args.peers_lib, "*.jar")))
    peer = lambda prefix: next((l[len(prefix):-4] for l in libs if l.startswith(prefix)), "?")
    pyv = sh(args.python, "-c", "import alembic, sqlalchemy, psycopg2, sys; "
             "print(alembic.__version__, sqlalchemy.__version__, psycopg2.__version__.split()[0], "
             "sys.version.split()[0])").split()
    pyv += ["?"] * (4 - len(pyv))
    return [
        ("date", args.started),
        ("command", f"`{args.command}`"),
        ("machine", f"{os.cpu_count()} CPUs ({sh('nproc')} usable), {cpu}, {mem} RAM, "
                    f"load average at the end {' '.join(open('/proc/loadavg').read().split()[:3])}"),
        ("OS", f"{osname}, kernel {platform.release()}"),
        ("Java", java[1] if len(java) > 1 else (java[0] if java else "?")),
        ("PostgreSQL", sh("psql", "-XAtc", "show server_version", "postgres")),
        ("Retort", "; ".join(sh("java", "-jar", args.retort_jar, "--version").splitlines())
                   + f" (source {sh('git', '-C', os.path.dirname(os.path.abspath(__file__)), 'describe', '--always', '--dirty')})"),
        ("Flyway", peer("flyway-core-")),
        ("Liquibase", peer("liquibase-core-")),
        ("PostgreSQL JDBC (peers)", peer("postgresql-")),
        ("Alembic", f"{pyv[0]} (SQLAlchemy {pyv[1]}, psycopg2 {pyv[2]}, Python {pyv[3]})"),
        ("Drizzle (W2)", drizzle_versions(args.peers_lib)),
    ]


def drizzle_versions(peers_lib):
    """drizzle-kit, drizzle-orm and pg as bench/run installed them next to the peers, and node's."""
    base = os.path.join(os.path.dirname(os.path.dirname(peers_lib)), "drizzle", "node_modules")
    found = []
    for name in ("drizzle-kit", "drizzle-orm", "pg"):
        try:
            with open(os.path.join(base, name, "package.json")) as f:
                found.append(f"{name} {json.load(f)['version']}")
        except (OSError, ValueError, KeyError):
            pass
    return ", ".join(found) + f" (node {sh('node', '--version')})" if found else "not installed"


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def ratio(a, b):
    return f"{a / b:.2f}×" if b else "–"


def summarize(rows):
    groups = {}
    for r in rows:
        groups.setdefault((r["workload"], r["size"]), {}).setdefault(r["tool"], []).append(r)
    out = {}
    for key, tools in groups.items():
        stats = {}
        for tool, rs in tools.items():
            failed = [r for r in rs if r.get("exit", 0) != 0]
            if failed:  # never a number: a failed run is not a fast one
                stats[tool] = {"failed": failed[0]["exit"], "n": len(failed)}
                continue
            counted = [r for r in rs if r["rep"] >= 1] or rs  # a warm-up-only run still shows
            walls = [r["wall"] for r in counted]
            stats[tool] = {
                "n": len(counted),
                "wall": statistics.median(walls), "min": min(walls), "max": max(walls),
                "cpu": statistics.median(r["cpu"] for r in counted),
                "rss": max(r["rss_mb"] for r in counted),
            }
        out[key] = stats
    return out


def table(workload, size, stats):
    ref = next((stats[t]["wall"] for t in REFERENCE if t in stats and "wall" in stats[t]), None)
    floor = stats.get("floor", {}).get("wall")
    lines = [f"### {TITLES.get(workload, workload)} — N = {size}", "",
             f"Floor: {FLOORS.get(workload, '?')}.", "",
             "| tool | wall median (min–max) s | CPU user+sys s | peak RSS MB | × Retort | × floor | runs |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    tools = sorted(stats, key=lambda t: ORDER.index(t) if t in ORDER else 99)
    for t in tools:
        s = stats[t]
        if "failed" in s:
            lines.append(f"| {t} | failed (exit {s['failed']}; see the run log) | | | – | – | {s['n']} |")
            continue
        lines.append(
            f"| {t} | {fmt_s(s['wall'])} ({fmt_s(s['min'])}–{fmt_s(s['max'])}) | {fmt_s(s['cpu'])} "
            f"| {s['rss']:.0f} | {ratio(s['wall'], ref) if ref else '–'} "
            f"| {ratio(s['wall'], floor) if floor else '–'} | {s['n']} |")
    return "\n".join(lines) + "\n"


W5_ORDER = ["retort-files", "retort-classpath", "retort-url-files", "flyway-files", "flyway-classpath",
            "liquibase-files", "liquibase-classpath"]


def w5_summary(rows):
    """Per size and tool: the first call of each counted process and the median of its later calls,
    then the median (and range) of those over the processes; wall and the calling thread's CPU."""
    out = {}
    procs = {}
    for r in rows:
        if r["rep"] >= 1:
            procs.setdefault((r["size"], r["tool"], r["rep"]), []).append(r)
    for (size, tool, _), rs in procs.items():
        rs.sort(key=lambda r: r["call"])
        first, later = rs[0], rs[1:] or rs
        s = out.setdefault(size, {}).setdefault(tool, {"first": [], "first_cpu": [], "med": [], "med_cpu": [],
                                                        "calls": len(rs)})
        s["first"].append(first["wall"])
        s["first_cpu"].append(first["cpu"])
        s["med"].append(statistics.median(r["wall"] for r in later))
        s["med_cpu"].append(statistics.median(r["cpu"] for r in later))
    return out


def w5_tables(summary):
    out = []
    for size, tools in sorted(summary.items()):
        def ms(v):
            return f"{statistics.median(v) * 1000:.1f} ({min(v) * 1000:.0f}–{max(v) * 1000:.0f})"

        def vs(tool, key):
            peer = "flyway-classpath" if tool.endswith("classpath") else "flyway-files"
            if peer not in tools:
                return "–"
            return ratio(statistics.median(tools[tool][key]), statistics.median(tools[peer][key]))
        lines = [f"### W5 in-process no-op at application start-up — N = {size}", "",
                 "Inside one JVM (default flags), a new tool object over a HikariCP pool per call; "
                 "first call and median of the later calls per JVM, then the median (min–max) over the "
                 "JVMs; CPU is the calling thread's. × Flyway: against Flyway from the same source.", "",
                 "| tool | first call ms | × Flyway | first CPU ms | later calls, median ms | × Flyway "
                 "| later CPU ms | × Flyway (CPU) | JVMs × calls |",
                 "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for t in sorted(tools, key=lambda t: W5_ORDER.index(t) if t in W5_ORDER else 99):
            s = tools[t]
            lines.append(f"| {t} | {ms(s['first'])} | {vs(t, 'first')} | {ms(s['first_cpu'])} | {ms(s['med'])} "
                         f"| {vs(t, 'med')} | {ms(s['med_cpu'])} | {vs(t, 'med_cpu')} | {len(s['first'])} × {s['calls']} |")
        out.append("\n".join(lines) + "\n")
    return out


def w5_targets(summary):
    out = []
    for size, tools in sorted(summary.items()):
        for src in ("files", "classpath"):
            r, f = tools.get(f"retort-{src}"), tools.get(f"flyway-{src}")
            if not r or not f:
                continue
            rm, fm = statistics.median(r["med"]), statistics.median(f["med"])
            out.append(f"| W5, N={size}, {src}: Retort ≤ ½ Flyway (later calls) | {rm / fm:.2f}× | "
                       f"{'met' if rm <= fm / 2 else '**MISSED**'} |")
            rf, ff = statistics.median(r["first"]), statistics.median(f["first"])
            out.append(f"| (for reference) W5, N={size}, {src}: Retort / Flyway, first call | {rf / ff:.2f}× | |")
            if size == 1000:
                out.append(f"| W5, N={size}, {src}: Retort < 50 ms (later calls) | {rm * 1000:.1f} ms | "
                           f"{'met' if rm < 0.05 else '**MISSED**'} |")
    return out


def targets(summary, w5=None):
    out = []

    def get(w, n, tool):
        return summary.get((w, n), {}).get(tool)

    def mark(ok, *stats):
        n = min(s["n"] for s in stats) if stats else 3
        note = "" if n >= 3 else f" ({n} run{'s' if n > 1 else ''}: not a median, do not trust)"
        return ("met" if ok else "**MISSED**") + note

    for (w, n), stats in sorted(summary.items()):
        stats = {t: s for t, s in stats.items() if "failed" not in s}
        r, f = stats.get("retort-sql"), stats.get("floor")
        if w == "W1" and r and f:
            out.append(f"| W1 apply, N={n}: Retort (SQL) ≤ 1.2× psql floor | "
                       f"{r['wall'] / f['wall']:.2f}× | {mark(r['wall'] <= 1.2 * f['wall'], r, f)} |")
            p = stats.get("psql-per-tx")
            if p:
                out.append(f"| (for reference) W1, N={n}: Retort (SQL) / psql with one transaction "
                           f"per migration | {r['wall'] / p['wall']:.2f}× | |")
        if w == "W2" and r and n in (1000, 10000):
            limit = 0.2 if n == 1000 else 0.3
            for tool in ("retort-sql", "retort-sql-nocds", "retort-java"):
                s = stats.get(tool)
                if s:
                    out.append(f"| W2 no-op, N={n}: {tool} ≤ {limit} s | {s['wall']:.3f} s | "
                               f"{mark(s['wall'] <= limit, s)} |")
        if w == "W2" and r:
            for tool, what in (("drizzle-kit", "drizzle-kit migrate"), ("drizzle", "drizzle-orm's migrator")):
                d = stats.get(tool)
                if d:
                    out.append(f"| W2 no-op, N={n}: Retort (SQL) faster than {what} | "
                               f"{r['wall'] / d['wall']:.2f}× | {mark(r['wall'] < d['wall'], r, d)} |")
        if w in ("W1", "W2") and n == 1000:
            for tool in ("retort-sql", "retort-java", "retort-java-cached"):
                s = stats.get(tool)
                if s:
                    out.append(f"| {w}, N={n}: {tool} peak RSS < 128 MB | {s['rss']:.0f} MB | "
                               f"{mark(s['rss'] < 128, s)} |")
        a = stats.get("alembic")
        for tool, what in (("retort", "schema.sql"), ("retort-dsl", "Java definition")):
            rc = stats.get(tool)
            if w != "W3" or not rc or not f:
                continue
            out.append(f"| W3, N={n}: Retort check ({what}) ≤ 1.5× pg_dump | "
                       f"{rc['wall'] / f['wall']:.2f}× | {mark(rc['wall'] <= 1.5 * f['wall'], rc, f)} |")
            if a:
                out.append(f"| W3, N={n}: Retort check ({what}) ≥ 20× faster than Alembic | "
                           f"{a['wall'] / rc['wall']:.2f}× | {mark(a['wall'] >= 20 * rc['wall'], rc, a)} |")
        e = stats.get("retort-empty")
        if w == "W3" and e and f:
            out.append(f"| (for reference) W3, N={n}: Retort diff against an empty definition "
                       f"/ pg_dump | {e['wall'] / f['wall']:.2f}× | |")
    out += w5_targets(w5 or {})
    if not out:
        return ""
    return ("## Targets\n\n| target | measured (median) | |\n| --- | --- | --- |\n"
            + "\n".join(out) + "\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("results")
    p.add_argument("out")
    p.add_argument("--command", default="bench/run")
    p.add_argument("--started", default=datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"))
    p.add_argument("--note", default="")
    p.add_argument("--retort-jar", default="retort-cli/target/retort.jar")
    p.add_argument("--peers-lib", default="bench/.cache/peers/lib")
    p.add_argument("--python", default="/usr/bin/python3")
    args = p.parse_args()
    rows = [json.loads(l) for l in open(args.results) if l.strip()]
    w5 = w5_summary([r for r in rows if "call" in r])
    summary = summarize([r for r in rows if "call" not in r])
    order = list(TITLES)
    body = [table(w, n, s) for (w, n), s in
            sorted(summary.items(), key=lambda kv: (order.index(kv[0][0]) if kv[0][0] in order else 99,
                                                    kv[0][1]))]
    body += w5_tables(w5)
    tgt = targets(summary, w5)
    print("\n".join(body))
    print(tgt)
    md = ["# Retort benchmark results", ""]
    if args.note:
        md += [f"> **{args.note}**", ""]
    md += ["| | |", "| --- | --- |"] + [f"| {k} | {v} |" for k, v in machine(args)] + [""]
    md += ["Medians over the counted repetitions (a warm-up run before them is not counted), "
           "min–max in brackets; CPU is the tool process's user+sys (the PostgreSQL server's own "
           "work is not in it); peak RSS is the largest seen. × Retort and × floor divide median "
           "wall times. How to read this: bench/README.md.", ""]
    md += body
    if tgt:
        md.append(tgt)
    with open(args.out, "w") as f:
        f.write("\n".join(md))
    print(f"bench: wrote {args.out}")


if __name__ == "__main__":
    main()
