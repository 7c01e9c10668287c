#!/usr/bin/env python3
"""Convert the CDNOW purchase logs that ship inside the `lifetimes` wheel to CSV.

Usage: prepare_cdnow.py [--src DIR] [--out-dir bench/data/real]

Sources (whitespace separated, in lifetimes/datasets/ of the installed package, or --src):
  CDNOW_sample.txt  no header: master_id sample_id yyyymmdd number_of_cds dollar_value
                    6,919 rows, 2,357 customers (the 1/10 sample of Fader, Hardie & Lee)
  CDNOW_master.txt  header "customer_id date number_of_cds dollar_value":
                    69,659 rows, 23,570 customers
Both cover 1997-01-01 .. 1998-06-30 (78 weeks); every customer's first purchase falls
in the first quarter of 1997.

Output: cdnow_sample.csv and cdnow_master.csv with header
  customer_id,date,number_of_cds,dollar_value
date kept as YYYYMMDD text; customer_id without zero padding. For the sample the id is
the *sample* id 1..2357: the id of Fader & Hardie's spreadsheets and of lifetimes'
load_cdnow_summary() (its customer ID 1 = sample id 0001 = master id 00004). Row order
is the source order (by customer, then date).
"""
import argparse
import importlib.util
import os


def lifetimes_datasets_dir():
    spec = importlib.util.find_spec("lifetimes")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("lifetimes is not installed: pip install lifetimes (or pass --src DIR)")
    return os.path.join(list(spec.submodule_search_locations)[0], "datasets")


def convert(src, dst, id_field, n_fields, header_in_source):
    rows = 0
    customers = set()
    with open(src) as f, open(dst, "w") as out:
        out.write("customer_id,date,number_of_cds,dollar_value\n")
        for i, line in enumerate(f):
            parts = line.split()
            if not parts:
                continue
            if i == 0 and header_in_source:
                if parts != ["customer_id", "date", "number_of_cds", "dollar_value"]:
                    raise SystemExit(f"{src}: unexpected header {parts}")
                continue
            if len(parts) != n_fields:
                raise SystemExit(f"{src}:{i + 1}: expected {n_fields} fields, got {len(parts)}")
            cid = int(parts[id_field])
            date, cds, dollars = parts[-3], int(parts[-2]), parts[-1]
            if len(date) != 8 or not date.isdigit():
                raise SystemExit(f"{src}:{i + 1}: bad date {date!r}")
            float(dollars)  # validate; written as in the source
            out.write(f"{cid},{date},{cds},{dollars}\n")
            rows += 1
            customers.add(cid)
    print(f"{dst}: {rows} rows, {len(customers)} customers")
    return rows, len(customers)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", help="directory with CDNOW_sample.txt and CDNOW_master.txt (default: lifetimes/datasets)")
    ap.add_argument("--out-dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "real"))
    args = ap.parse_args()
    src = args.src or lifetimes_datasets_dir()
    os.makedirs(args.out_dir, exist_ok=True)
    rows, n = convert(os.path.join(src, "CDNOW_sample.txt"), os.path.join(args.out_dir, "cdnow_sample.csv"),
                      id_field=1, n_fields=5, header_in_source=False)
    assert (rows, n) == (6919, 2357), (rows, n)
    rows, n = convert(os.path.join(src, "CDNOW_master.txt"), os.path.join(args.out_dir, "cdnow_master.csv"),
                      id_field=0, n_fields=4, header_in_source=True)
    assert (rows, n) == (69659, 23570), (rows, n)


if __name__ == "__main__":
    main()
