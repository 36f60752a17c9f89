"""Runs compiled SQL on DuckDB over Parquet exports and compares each result, row by row and
in order, with the native engine's (SQLAgreementTests writes both into the spec file); reads
each export with pyarrow too, which must give the rows of `claims`.

usage: duckdb_agreement.py SPEC.json   (prints one JSON line per disagreement, then a summary)
"""
import datetime
import json
import sys

import duckdb
import pyarrow.parquet


def norm(v):
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, list):
        return [norm(x) for x in v]
    return v


spec = json.load(open(sys.argv[1]))
total = bad = 0
for corpus in spec["corpora"]:
    con = duckdb.connect()
    path = corpus["parquet"].replace("'", "''")
    con.execute(f"CREATE VIEW claims AS SELECT * FROM read_parquet('{path}')")
    total += 1
    everything = next(q for q in corpus["queries"] if q["query"] == "claims")
    table = pyarrow.parquet.read_table(corpus["parquet"])
    if table.column_names != everything["columns"] or [norm(list(r.values())) for r in table.to_pylist()] != everything["rows"]:
        bad += 1
        print(json.dumps({"corpus": corpus["name"], "pyarrow": "reads other rows than claimsh exported"}))
    for q in corpus["queries"]:
        total += 1
        try:
            cur = con.execute(q["sql"])
            columns = [d[0] for d in cur.description]
            rows = [[norm(v) for v in r] for r in cur.fetchall()]
        except Exception as e:
            bad += 1
            print(json.dumps({"corpus": corpus["name"], "query": q["query"], "error": str(e)[:400]}))
            continue
        if columns != q["columns"] or rows != q["rows"]:
            bad += 1
            first = next((i for i, (a, b) in enumerate(zip(rows, q["rows"])) if a != b), min(len(rows), len(q["rows"])))
            print(json.dumps({"corpus": corpus["name"], "query": q["query"], "columns": [columns, q["columns"]],
                              "rows": [len(rows), len(q["rows"])], "first_difference": first,
                              "duckdb": rows[first] if first < len(rows) else None,
                              "claimsh": q["rows"][first] if first < len(q["rows"]) else None}, default=str))
print(f"{total - bad} of {total} queries agree")
sys.exit(1 if bad else 0)
