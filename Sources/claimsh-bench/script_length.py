#!/usr/bin/env python3
"""Times `claimsh -f` on scripts of 10,000 and 100,000 one-line statements over seeds/ and
prints both, best of three, with their ratio: a script's time is linear in its statements
when the second takes about 10x the first. Run by `make bench-scripts`."""
import subprocess
import sys
import tempfile
import time

STATEMENT = 'claims where hedge = "reported" count\n'


def best_of_three(claimsh, script):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([claimsh, "--corpus", "seeds", "-f", script], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    claimsh = sys.argv[1]
    seconds = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in (10_000, 100_000):
            script = f"{folder}/{n}.cq"
            with open(script, "w") as f:
                f.write(STATEMENT * n)
            seconds[n] = best_of_three(claimsh, script)
    print(f"10,000 statements {seconds[10_000]:.2f} s; 100,000 statements {seconds[100_000]:.2f} s "
          f"({seconds[100_000] / seconds[10_000]:.1f}x; best of 3)")


if __name__ == "__main__":
    main()
