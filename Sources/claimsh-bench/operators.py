#!/usr/bin/env python3
"""claimsh against DuckDB beyond the six peer queries, in one run: grouping by several keys
(one a list), grouping with count(distinct) and min, select … distinct, order by text (top 3
and whole), a regular expression over the texts, and writing every claim as CSV and JSON Lines.

    Sources/claimsh-bench/operators.py CLAIMSH PYTHON PARQUET [--reps 3]

CLAIMSH is the release binary, PYTHON one with duckdb (make's .build/sqlvenv), PARQUET a
claims file as claimsh's `.export` writes it (make bench-operators makes one of 1M claims).
claimsh runs every statement REPS times in one process after loading (`.timer on`); DuckDB
loads the file into a table and runs the same question REPS times. Both answers are compared
(a count, or the texts of the top rows), and the table gives medians in ms and the ratio
claimsh / DuckDB. Prints figures; it asserts nothing.
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile

# name, claimsh statement, DuckDB SQL giving the same answer (a list field's values as rows,
# nulls equal in distinct, texts in byte order)
OPERATIONS = [
    ("group by 4 keys, one a list", "claims group by source, hedge, topic, kind count",
     "SELECT count(*) FROM (SELECT source, hedge, t, kind FROM claims, unnest(topic) u(t) GROUP BY ALL)"),
    ("group by with count(distinct), min", "claims group by source with count(distinct speaker) as s, min(date) as d count",
     "SELECT count(*) FROM (SELECT source, count(DISTINCT speaker), min(date) FROM claims GROUP BY source)"),
    ("select 2 fields distinct", "claims select source, hedge distinct count",
     "SELECT count(*) FROM (SELECT DISTINCT source, hedge FROM claims)"),
    ("order by text limit 3", "claims order by text limit 3 select text",
     "SELECT text FROM claims ORDER BY text LIMIT 3"),
    ("order by text, all rows", "claims order by text desc select id count",
     "SELECT count(*) FROM (SELECT id FROM claims ORDER BY text DESC)"),
    ("text matches a pattern", 'claims where text matches "Tom[a-z]+" count',
     "SELECT count(*) FROM claims WHERE regexp_matches(text, 'Tom[a-z]+')"),
]
EXPORTS = [("every claim as CSV", "csv"), ("every claim as JSON Lines", "jsonl")]

DUCKDB_WORKER = r"""
import json, statistics, sys, time
import duckdb
parquet, ops, exports, out_dir, reps = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4], int(sys.argv[5])
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
con.execute("CREATE TABLE claims AS SELECT * FROM read_parquet('%s')" % parquet.replace("'", "''"))
result = {}
for name, sql in ops:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        rows = con.execute(sql).fetchall()
        times.append(time.perf_counter() - start)
    result[name] = {"ms": statistics.median(times) * 1e3, "answer": [list(r) for r in rows]}
for name, ext in exports:
    path = "%s/duckdb.%s" % (out_dir, ext)
    fmt = "(HEADER)" if ext == "csv" else "(FORMAT json)"
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        con.execute("COPY claims TO '%s' %s" % (path, fmt))
        times.append(time.perf_counter() - start)
    result[name] = {"ms": statistics.median(times) * 1e3, "answer": None}
print(json.dumps(result, default=str))
"""


def claimsh_times(claimsh, parquet, reps, out_dir):
    """Each operation's median ms and answer, and each export's median ms, from one process."""
    lines = [".timer on"]
    for _, statement, _ in OPERATIONS:
        lines += [statement] * reps
    for _, ext in EXPORTS:
        lines += [f".export {out_dir}/claimsh.{ext} claims"] * reps
    script = os.path.join(out_dir, "operators.cq")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    run = subprocess.run([claimsh, "--no-init", "--mode", "jsonl", "--corpus", parquet, "-f", script], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"claimsh failed: {run.stderr[-2000:]}")
    times = [float(t) * 1e3 for t in re.findall(r"Run Time: ([0-9.]+) s", run.stdout + run.stderr)]
    answers = [json.loads(l) for l in run.stdout.splitlines() if l.startswith("{")]
    result, t, a = {}, 0, 0
    for name, statement, _ in OPERATIONS:
        rows = 3 if "limit 3" in statement else 1
        result[name] = {"ms": statistics.median(times[t:t + reps]), "answer": [list(r.values()) for r in answers[a:a + rows]]}
        t, a = t + reps, a + rows * reps
    for name, _ in EXPORTS:
        result[name] = {"ms": statistics.median(times[t:t + reps]), "answer": None}
        t += reps
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("claimsh")
    parser.add_argument("python")
    parser.add_argument("parquet")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out_dir:
        mine = claimsh_times(args.claimsh, args.parquet, args.reps, out_dir)
        peer = subprocess.run([args.python, "-c", DUCKDB_WORKER, args.parquet, json.dumps([[n, sql] for n, _, sql in OPERATIONS]),
                               json.dumps(EXPORTS), out_dir, str(args.reps)], capture_output=True, text=True)
        if peer.returncode != 0:
            sys.exit(f"duckdb failed: {peer.stderr[-2000:]}")
        theirs = json.loads(peer.stdout)
    print(f"{os.path.basename(args.parquet)}, medians of {args.reps}, ms (claimsh's with load done; DuckDB's on its table)")
    print(f"{'operation':40} {'claimsh':>10} {'DuckDB':>10} {'ratio':>7}  answers")
    for name in [n for n, _, _ in OPERATIONS] + [n for n, _ in EXPORTS]:
        a, b = mine[name], theirs[name]
        same = "-" if a["answer"] is None else ("same" if a["answer"] == b["answer"] else f"DIFFER {a['answer']} vs {b['answer']}")
        print(f"{name:40} {a['ms']:10.1f} {b['ms']:10.1f} {a['ms'] / b['ms']:7.2f}  {same}")


if __name__ == "__main__":
    main()
