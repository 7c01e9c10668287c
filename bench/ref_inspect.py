#!/usr/bin/env python3
"""Reference timing for `segment inspect`.

Usage: ref_inspect.py FILE
Times pandas.read_csv(FILE) and df.describe(include="all") separately.
Prints one JSON line: {"seconds", "read_csv_s", "describe_s", "rows", "cols", ...}.
"""
import argparse
import json
import time

import pandas as pd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    a = ap.parse_args()
    t0 = time.perf_counter()
    df = pd.read_csv(a.file)
    t1 = time.perf_counter()
    desc = df.describe(include="all")
    t2 = time.perf_counter()
    print(json.dumps({
        "tool": "pandas", "pandas": pd.__version__,
        "seconds": t2 - t0, "read_csv_s": t1 - t0, "describe_s": t2 - t1,
        "rows": int(len(df)), "cols": int(df.shape[1]), "describe_shape": list(desc.shape),
    }))


if __name__ == "__main__":
    main()
