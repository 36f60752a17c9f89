"""Runs the Spark SQL of the spec's queries (those that have one) on Spark local[2] over the
Parquet exports and compares each result, row by row and in order, with the native engine's.

usage: spark_agreement.py SPEC.json   (prints one JSON line per disagreement, then a summary)
"""
import datetime
import json
import sys

from pyspark.sql import SparkSession


def norm(v):
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [norm(x) for x in v]
    return v


spec = json.load(open(sys.argv[1]))
spark = (SparkSession.builder.master("local[2]").appName("claimsh-sql-agreement")
         .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
         .config("spark.driver.memory", "1g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
total = bad = 0
for corpus in spec["corpora"]:
    spark.read.parquet(corpus["parquet"]).createOrReplaceTempView("claims")
    for q in corpus["queries"]:
        if "spark" not in q:
            continue
        total += 1
        try:
            frame = spark.sql(q["spark"])
            columns = frame.columns
            rows = [[norm(v) for v in r] for r in frame.collect()]
        except Exception as e:
            bad += 1
            print(json.dumps({"corpus": corpus["name"], "query": q["query"], "error": str(e)[:400]}))
            continue
        if columns != q["columns"] or rows != q["rows"]:
            bad += 1
            first = next((i for i, (a, b) in enumerate(zip(rows, q["rows"])) if a != b), min(len(rows), len(q["rows"])))
            print(json.dumps({"corpus": corpus["name"], "query": q["query"], "columns": [columns, q["columns"]],
                              "rows": [len(rows), len(q["rows"])], "first_difference": first,
                              "spark": rows[first] if first < len(rows) else None,
                              "claimsh": q["rows"][first] if first < len(q["rows"]) else None}, default=str))
spark.stop()
print(f"{total - bad} of {total} queries agree on Spark")
sys.exit(1 if bad else 0)
