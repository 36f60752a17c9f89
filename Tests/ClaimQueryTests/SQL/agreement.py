"""Runs the compiled SQL of the spec's queries on an engine over the Parquet exports and
compares each result, row by row and in order, with the native engine's (SQLAgreementTests
writes both into the spec file).

usage: agreement.py duckdb SPEC.json   every query's DuckDB SQL, over the Parquet and the JSON
                                       Lines export; pyarrow reads the Parquet back as the
                                       rows of `claims`
       agreement.py spark SPEC.json    the queries that have Spark SQL, on Spark local[2],
                                       over both exports
Each export is read through the view statement claimsh prints (`.sql view FILE`).
Prints one JSON line per disagreement, then a summary; exits 1 on any.
"""
import datetime
import json
import sys


def norm(v):
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [norm(x) for x in v]
    return v


class DuckDB:
    key = "sql"

    def __init__(self):
        import duckdb
        import pyarrow.parquet
        self.duckdb, self.parquet = duckdb, pyarrow.parquet

    def load(self, view):
        self.con = self.duckdb.connect()
        self.con.execute(view)

    def run(self, sql):
        cur = self.con.execute(sql)
        return [d[0] for d in cur.description], [[norm(v) for v in r] for r in cur.fetchall()]

    def reread(self, corpus):
        table = self.parquet.read_table(corpus["parquet"])
        return table.column_names, [norm(list(r.values())) for r in table.to_pylist()]

    def stop(self):
        pass


class Spark:
    key = "spark"

    def __init__(self):
        from pyspark.sql import SparkSession
        self.spark = (SparkSession.builder.master("local[2]").appName("claimsh-sql-agreement")
                      .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                      .config("spark.driver.memory", "1g").getOrCreate())
        self.spark.sparkContext.setLogLevel("ERROR")

    def load(self, view):
        self.spark.sql(view)

    def run(self, sql):
        frame = self.spark.sql(sql)
        return frame.columns, [[norm(v) for v in r] for r in frame.collect()]

    def reread(self, corpus):
        return None

    def stop(self):
        self.spark.stop()


engine = {"duckdb": DuckDB, "spark": Spark}[sys.argv[1]]()
spec = json.load(open(sys.argv[2]))
total = bad = 0


def compare(corpus, query, columns, rows, expected):
    global bad
    if columns != expected["columns"] or rows != expected["rows"]:
        bad += 1
        first = next((i for i, (a, b) in enumerate(zip(rows, expected["rows"])) if a != b), min(len(rows), len(expected["rows"])))
        print(json.dumps({"engine": sys.argv[1], "corpus": corpus["name"], "query": query, "columns": [columns, expected["columns"]],
                          "rows": [len(rows), len(expected["rows"])], "first_difference": first,
                          "engine_row": rows[first] if first < len(rows) else None,
                          "claimsh_row": expected["rows"][first] if first < len(expected["rows"]) else None}, default=str))


for corpus in spec["corpora"]:
    reread = engine.reread(corpus)
    if reread is not None:
        total += 1
        compare(corpus, "the export read back", reread[0], reread[1], next(q for q in corpus["queries"] if q["query"] == "claims"))
    for export, view in corpus["views"][sys.argv[1]].items():
        engine.load(view)
        for q in corpus["queries"]:
            if engine.key not in q:
                continue
            total += 1
            try:
                columns, rows = engine.run(q[engine.key])
            except Exception as e:
                bad += 1
                print(json.dumps({"engine": sys.argv[1], "export": export, "corpus": corpus["name"], "query": q["query"], "error": str(e)[:400]}))
                continue
            compare(corpus, f"{q['query']} (over {export})", columns, rows, q)
engine.stop()
print(f"{total - bad} of {total} agree on {sys.argv[1]}")
sys.exit(1 if bad else 0)
