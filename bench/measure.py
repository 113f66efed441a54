#!/usr/bin/env python3
"""Times one whole process from outside: wall clock, user+sys CPU and peak RSS of the process
tree's largest member (what /usr/bin/time -v reports as "Maximum resident set size"), taken from
wait4()'s rusage, which is what /usr/bin/time itself reads.

  measure.py RESULTS.jsonl LOG WORKLOAD SIZE TOOL REP -- COMMAND...

Appends one JSON line to RESULTS.jsonl (rep 0 is the warm-up) and the command's output to LOG.
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
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    row = {"workload": workload, "size": int(size), "tool": tool, "rep": int(rep),
           "wall": round(wall, 4), "cpu": round(ru.ru_utime + ru.ru_stime, 4),
           "user": round(ru.ru_utime, 4), "sys": round(ru.ru_stime, 4),
           "rss_mb": round(ru.ru_maxrss / 1024, 1), "exit": code}
    with open(results, "a") as f:
        f.write(json.dumps(row) + "\n")
    tag = "warm-up" if rep == "0" else f"rep {rep}"
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
