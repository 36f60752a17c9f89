#!/usr/bin/env python3
"""claimsh against DuckDB, polars and SQLite on the peer benchmark, in one run.

    Sources/claimsh-bench/peers_vs_claimsh.py N [--reps 7] [--engines duckdb,polars,sqlite] [--bbc DIR]

Generates the N-claim corpus with ../shared/bench/gen_claims.py if it is missing, runs
claimsh-bench (release build; in one process: load, then each query once to warm up and
REPS timed runs) and `peers.py worker ENGINE N` for each peer, checks that every engine
returns the same rows (checksums as peers.py computes them), and prints per query claimsh's
median ms, each peer's, and the ratio to the best peer; then the one-row query, load time and
peak memory of each, the stories of the N claims, and load + extraction and the stories of
the BBC corpus on one core. Then claimsh against
DuckDB running the SQL claimsh compiles (`--sql duckdb`) over claimsh's own `.export` to
Parquet, loaded into a DuckDB table: per query medians and ratio; load time and peak memory
of DuckDB and of claimsh loading the same Parquet file (before and after DuckDB), and of
claimsh from JSON Lines and from a snapshot.
Prints figures; it asserts nothing. The peers need duckdb and polars: a venv at /tmp/benchvenv is made with pip
when missing.
"""
import argparse, datetime, hashlib, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "..", "shared", "bench")
DATA = "/tmp/claimsbench"
VENV = "/tmp/benchvenv"
QUERIES = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]


def checksum(rows):
    """peers.py's checksum: dates as ISO text, json.dumps, sha256, 12 hex digits."""
    norm = [[v.isoformat() if isinstance(v, datetime.date) else v for v in r] for r in rows]
    return hashlib.sha256(json.dumps(norm, ensure_ascii=False).encode()).hexdigest()[:12]


# DuckDB on claimsh's Parquet export: load it into a table, then run each compiled query once
# to warm up and REPS timed runs; prints one JSON object.
PARQUET_WORKER = r"""
import datetime, hashlib, json, resource, statistics, sys, time
import duckdb
parquet, queries, reps = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
def checksum(rows):
    norm = [[v.isoformat() if isinstance(v, datetime.date) else v for v in r] for r in rows]
    return hashlib.sha256(json.dumps(norm, ensure_ascii=False).encode()).hexdigest()[:12]
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")  # its bar would go to stdout
start = time.perf_counter()
con.execute("CREATE TABLE claims AS SELECT * FROM read_parquet('%s')" % parquet.replace("'", "''"))
out = {"load_s": time.perf_counter() - start, "queries": {}}
for name, sql in queries.items():
    rows = con.execute(sql).fetchall()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        con.execute(sql).fetchall()
        times.append(time.perf_counter() - start)
    out["queries"][name] = {"median_ms": statistics.median(times) * 1e3, "checksum": checksum(rows)}
out["rss_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def sh(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--engines", default="duckdb,polars,sqlite")
    ap.add_argument("--bbc", default=os.path.join(ROOT, "..", "shared", "corpora", "bbc-news-2225"), help="the BBC folder; empty for none")
    a = ap.parse_args()

    corpus = f"{DATA}/n{a.n}/claims.jsonl"
    if not os.path.exists(corpus):
        print(f"generating {a.n} claims…", file=sys.stderr)
        sh([sys.executable, os.path.join(BENCH, "gen_claims.py"), str(a.n), "--out", DATA])
    bin_dir = sh(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT).strip()
    mine = json.loads(sh([os.path.join(bin_dir, "claimsh-bench"), "queries", corpus, str(a.reps)]).strip().splitlines()[-1])

    if not os.path.exists(f"{VENV}/bin/python"):
        print("making the peer venv (duckdb, polars)…", file=sys.stderr)
        sh([sys.executable, "-m", "venv", VENV])
        sh([f"{VENV}/bin/pip", "install", "-q", "duckdb", "polars"])
    peers = {}
    for engine in a.engines.split(","):
        try:
            out = sh([f"{VENV}/bin/python", os.path.join(BENCH, "peers.py"), "worker", engine, str(a.n), "--reps", str(a.reps), "--data", DATA])
            peers[engine] = json.loads(out.strip().splitlines()[-1])
        except subprocess.CalledProcessError as e:
            print(f"{engine} failed: {e.stderr[-300:]}", file=sys.stderr)

    print(f"N = {a.n:,} claims; medians of {a.reps} runs after a warm-up, each engine in its own process")
    head = f"{'query':8}{'claimsh ms':>12}" + "".join(f"{e + ' ms':>14}" for e in peers) + f"{'best peer':>12}{'ratio':>8}  same rows"
    print(head)
    for q in QUERIES:
        ms = mine[q]["median_ms"]
        theirs = {e: p["queries"][q]["median_ms"] for e, p in peers.items()}
        best = min(theirs.values()) if theirs else float("nan")
        same = all(checksum(mine[q]["rows"]) == p["queries"][q]["checksum"] for p in peers.values())
        print(f"{q:8}{ms:12.2f}" + "".join(f"{theirs[e]:14.2f}" for e in peers) + f"{best:12.2f}{ms / best:8.2f}  {'yes' if same else 'NO'}")
    print(f"{'one-row query':14} claimsh {mine['trivial']['median_ms'] * 1e3:.1f} µs; " +
          "; ".join(f"{e} {p['trivial_us']['median']:.1f} µs" for e, p in peers.items()))
    print(f"{'load':14} claimsh {mine['load_s']:.2f} s (+ store {mine['store_s']:.2f} s; from a .save snapshot {mine['snapshot_load_s']:.2f} s), peak {mine['peak_mb']:.0f} MB; " +
          "; ".join(f"{e} {p['load_s']:.2f} s, peak {p['rss_peak_mb']:.0f} MB" for e, p in peers.items()))
    # DuckDB on claimsh's own Parquet export, with the SQL claimsh compiles
    parquet = f"{DATA}/n{a.n}/claims.parquet"
    if not os.path.exists(parquet) or os.path.getmtime(parquet) < os.path.getmtime(corpus):
        print("exporting the claims to Parquet…", file=sys.stderr)
        sh([os.path.join(bin_dir, "claimsh"), "--corpus", corpus, "-c", f".export {parquet}"])
    sql = {q: mine[q]["duckdb_sql"] for q in QUERIES}
    try:
        # claimsh loads the same Parquet file, before and after DuckDB does (each in its own process)
        def claimsh_parquet():
            return json.loads(sh([os.path.join(bin_dir, "claimsh-bench"), "engine", parquet]).strip().splitlines()[-1])
        from_parquet = [claimsh_parquet()]
        duck = json.loads(sh([f"{VENV}/bin/python", "-c", PARQUET_WORKER, parquet, json.dumps(sql), str(a.reps)]).strip().splitlines()[-1])
        from_parquet.append(claimsh_parquet())
        print(f"claimsh against DuckDB running claimsh's compiled SQL (--sql duckdb) on its .export to Parquet ({os.path.getsize(parquet) / 1e6:.0f} MB), loaded into a table")
        print(f"{'query':8}{'claimsh ms':>12}{'duckdb ms':>12}{'duckdb/claimsh':>16}  same rows")
        for q in QUERIES:
            ms, theirs = mine[q]["median_ms"], duck["queries"][q]["median_ms"]
            same = checksum(mine[q]["rows"]) == duck["queries"][q]["checksum"]
            print(f"{q:8}{ms:12.2f}{theirs:12.2f}{theirs / ms:16.2f}  {'yes' if same else 'NO'}")
        loads = ", ".join(f"{r['load_s'] + r['store_s']:.2f} s" for r in from_parquet)
        peaks = ", ".join(f"{r['peak_mb']:.0f}" for r in from_parquet)
        print(f"{'load':14} from the Parquet file (and build the engine): claimsh {loads} (before and after DuckDB), peak {peaks} MB; "
              f"DuckDB {duck['load_s']:.2f} s, peak {duck['rss_peak_mb']:.0f} MB")
        print(f"{'':14} claimsh from JSON Lines {mine['load_s'] + mine['store_s']:.2f} s (peak {mine['peak_mb']:.0f} MB), from a .save snapshot {mine['snapshot_load_s']:.2f} s")
    except subprocess.CalledProcessError as e:
        print(f"DuckDB on the Parquet export failed: {e.stderr[-300:]}", file=sys.stderr)
    stories = sh([os.path.join(bin_dir, "claimsh-bench"), "stories", corpus, "1"])
    print(f"stories of the {a.n:,} claims: " + stories.strip().splitlines()[-1].strip())
    if os.path.isdir(a.bbc):
        one = sh(["taskset", "-c", "0", os.path.join(bin_dir, "claimsh-bench"), "load", a.bbc, "3"])
        print("BBC load + extraction on one core: " + one.strip().splitlines()[-1].strip())
        stories = sh(["taskset", "-c", "0", os.path.join(bin_dir, "claimsh-bench"), "stories", a.bbc, "3"])
        print("BBC stories on one core: " + stories.strip().splitlines()[-1].strip())


if __name__ == "__main__":
    main()
