#!/usr/bin/env python3
"""Times one whole process from outside: wall clock, user+sys CPU and peak RSS of the process
tree's largest member (what /usr/bin/time -v reports as "Maximum resident set size"), taken from
wait4()'s rusage, which is what /usr/bin/time itself reads.

  measure.py RESULTS.jsonl LOG WORKLOAD SIZE TOOL REP -- COMMAND...

Appends one JSON line to RESULTS.jsonl (rep 0 is the warm-up) and the command's output to LOG.
With BENCH_CALLS=1 (W5, calls timed inside one JVM) the command prints `call I WALL_NS CPU_NS`
lines, and each becomes a row of its own, with "call": I, the call's wall time and the CPU time of
the thread that made it; the process itself is then not a row.
A non-zero exit is fatal: a failed run must never turn into a fast number. With BENCH_MAY_FAIL=1
in the environment it is recorded (the row keeps its exit code, and the report shows the tool as
failed) and the benchmark goes on: for a floor that the server refuses at a size (psql -1 at
10,000 migrations runs out of lock table).
"""
import json
import os
import resource
import subprocess
import sys
import time


def main():
    sep = sys.argv.index("--")
    results, log, workload, size, tool, rep = sys.argv[1:sep]
    cmd = sys.argv[sep + 1:]
    with open(log, "ab") as out:
        out.write(f"\n=== {workload} {size} {tool} rep {rep}: {' '.join(cmd)}\n".encode())
        out.flush()
        t0 = time.perf_counter()
        calls = os.environ.get("BENCH_CALLS") == "1"
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if calls else out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        printed = proc.stdout.read() if calls else b""
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        out.write(printed)
    code = os.waitstatus_to_exitcode(status)
    row = {"workload": workload, "size": int(size), "tool": tool, "rep": int(rep),
           "wall": round(wall, 4), "cpu": round(ru.ru_utime + ru.ru_stime, 4),
           "user": round(ru.ru_utime, 4), "sys": round(ru.ru_stime, 4),
           "rss_mb": round(ru.ru_maxrss / 1024, 1), "exit": code}
    tag = "warm-up" if rep == "0" else f"rep {rep}"
    if calls:
        rows = []
        for line in printed.decode(errors="replace").splitlines():
            parts = line.split()
            if len(parts) == 4 and parts[0] == "call":
                rows.append({"workload": workload, "size": int(size), "tool": tool, "rep": int(rep),
                             "call": int(parts[1]), "wall": round(int(parts[2]) / 1e9, 6),
                             "cpu": round(int(parts[3]) / 1e9, 6), "exit": code})
        if code == 0 and not rows:
            sys.exit(f"bench: {tool} printed no call times ({workload} {size}); see {log}")
        with open(results, "a") as f:
            f.writelines(json.dumps(r) + "\n" for r in rows)
        if rows:
            rest = sorted(r["wall"] for r in rows[1:]) or [rows[0]["wall"]]
            print(f"  {workload:<10} {size:>6} {tool:<20} {tag:<8} first {rows[0]['wall'] * 1000:8.1f} ms"
                  f"  median of {len(rows) - 1} more {rest[len(rest) // 2] * 1000:7.1f} ms", flush=True)
    else:
        with open(results, "a") as f:
            f.write(json.dumps(row) + "\n")
        print(f"  {workload:<10} {size:>6} {tool:<16} {tag:<8} wall {wall:7.3f}s  cpu {row['cpu']:7.3f}s"
              f"  rss {row['rss_mb']:6.1f} MB", flush=True)
    if code != 0:
        message = f"bench: {tool} failed ({workload} {size}, exit {code}); see {log}"
        if os.environ.get("BENCH_MAY_FAIL") == "1":
            print(message + "; recorded as failed, going on", flush=True)
        else:
            sys.exit(message)


if __name__ == "__main__":
    main()
