#!/usr/bin/env python3
"""claimsh's article-body extraction against its peers on html-bench, in one run.

    Sources/claimsh-bench/html_vs_peers.py [--runs 3]

Runs `claimsh-bench html` (release build) on ../shared/html-bench/pages pinned to one core,
RUNS times (parse and body search of every page, pages in memory), scores its output with the
benchmark's own metric (html-bench/score.py), and prints F1, precision, recall, accuracy and
pages per second beside the peers' figures as html-bench/README.md records them (measured on
this machine, one core, extraction only), with claimsh's speed as a multiple of each peer's.
Prints figures; it asserts nothing.
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "..", "shared", "html-bench")


def peers():
    """The peers' table of html-bench/README.md: name, F1, precision, recall, accuracy, pages/s."""
    rows = []
    for line in open(os.path.join(BENCH, "README.md"), encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and re.fullmatch(r"[0-9.]+", cells[2] or "x"):
            rows.append((cells[0].split(" (")[0], *map(float, cells[2:7])))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    pred = os.path.join(tempfile.mkdtemp(), "pred.json")
    speeds = []
    for _ in range(a.runs):
        out = subprocess.run(["taskset", "-c", "0", os.path.join(bin_dir, "claimsh-bench"), "html", os.path.join(BENCH, "pages"), pred],
                             check=True, capture_output=True, text=True).stdout
        speeds.append(json.loads(out.strip().splitlines()[-1])["pages_per_second"])
    score = subprocess.run([sys.executable, os.path.join(BENCH, "score.py"), pred, os.path.join(BENCH, "truth.json")],
                           check=True, capture_output=True, text=True).stdout
    mine = json.loads(score.strip().splitlines()[-1])
    speed = statistics.median(speeds)
    print(f"html-bench (development half, {mine['n']} pages): body text scored by its metric; speed on one core, "
          f"median of {a.runs} runs; peers as html-bench/README.md measured them on this machine")
    print(f"{'extractor':44}{'F1':>7}{'prec':>7}{'recall':>8}{'acc':>7}{'pages/s':>9}{'claimsh x':>11}")
    print(f"{'claimsh (libxml2 + ArticleBody)':44}{mine['f1']:7.3f}{mine['precision']:7.3f}{mine['recall']:8.3f}"
          f"{mine['accuracy']:7.3f}{speed:9.0f}{'':>11}")
    for name, f1, p, r, acc, pps in peers():
        print(f"{name:44}{f1:7.3f}{p:7.3f}{r:8.3f}{acc:7.3f}{pps:9.0f}{speed / pps:10.1f}x")
    print(json.dumps({"f1": mine["f1"], "precision": mine["precision"], "recall": mine["recall"], "pages_per_second": round(speed, 1)}))


if __name__ == "__main__":
    main()
