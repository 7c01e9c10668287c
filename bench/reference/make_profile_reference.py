#!/usr/bin/env python3
"""Reference values for the profile and report tests (pandas / scikit-learn).

Usage:
    bench/.venv/bin/python bench/reference/make_profile_reference.py [--mall PATH] [--out DIR]

Writes to Fixtures/reference/:
  mall_kmeans5_segments.csv  mall_customers.csv plus a `segment` column: scikit-learn's
                             k=5 k-means labels (kmeans_mall.json) renumbered 0..4 by
                             decreasing size, ties by first row (segment's numbering).
  profile_mall.json          pandas groupby statistics of that file.
  pca_mall.json              sklearn PCA(n_components=2) of the standardized and of the raw
                             Age / Annual Income / Spending Score columns.
"""
import argparse
import hashlib
import os
import sys

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_reference import KM_COLS, REPO, SCALE_COLS, VERSIONS, write_json  # noqa: E402


def renumber_by_size(labels):
    """0..k-1 by decreasing size, ties by the first row where a label occurs."""
    labels = np.asarray(labels)
    keys = {}
    for raw in np.unique(labels):
        keys[raw] = (-(labels == raw).sum(), int(np.argmax(labels == raw)))
    order = sorted(keys, key=keys.get)
    new = {raw: i for i, raw in enumerate(order)}
    return np.array([new[x] for x in labels])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mall", default="Fixtures/mall_customers.csv")
    ap.add_argument("--out", default=os.path.join(REPO, "Fixtures", "reference"))
    args = ap.parse_args()
    with open(args.mall, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    mall = pd.read_csv(args.mall)
    source = f"input: mall_customers.csv (200 rows, sha256 {sha}) read with pandas.read_csv; {VERSIONS}."

    X = mall[KM_COLS].to_numpy(np.float64)
    raw = KMeans(n_clusters=5, n_init=10, random_state=0).fit(X).labels_
    labelled = mall.copy()
    labelled["segment"] = renumber_by_size(raw)
    csv_path = os.path.join(args.out, "mall_kmeans5_segments.csv")
    labelled.to_csv(csv_path, index=False)
    print(f"wrote {csv_path}")

    groups = labelled.groupby("segment")
    segments = []
    for segment, frame in groups:
        entry = {"segment": int(segment), "size": int(len(frame)), "share": len(frame) / len(labelled)}
        for column in SCALE_COLS:
            mean = frame[column].mean()
            entry[column] = {
                "mean": mean,
                "median": frame[column].median(),
                "difference": (mean - labelled[column].mean()) / labelled[column].std(ddof=1),
            }
        shares = frame["Gender"].value_counts(normalize=True)
        entry["Gender"] = {value: float(shares.get(value, 0.0)) for value in ["Female", "Male"]}
        segments.append(entry)
    overall = {column: {"mean": labelled[column].mean(), "median": labelled[column].median(),
                        "std_ddof1": labelled[column].std(ddof=1)} for column in SCALE_COLS}
    write_json(args.out, "profile_mall.json",
               source + " X = mall[" + repr(KM_COLS) + "]; labels = KMeans(n_clusters=5, n_init=10, "
               "random_state=0).fit(X).labels_ renumbered 0..4 by decreasing size (ties by first row), "
               "written as mall_kmeans5_segments.csv. Per segment: df.groupby('segment')[col].mean() / .median(); "
               "difference = (segment mean - df[col].mean()) / df[col].std(ddof=1); Gender shares = "
               "value_counts(normalize=True).",
               {"features": SCALE_COLS, "segments": segments, "overall": overall})

    data = mall[SCALE_COLS].to_numpy(np.float64)
    standardized = StandardScaler().fit_transform(data)
    results = {}
    for name, matrix in [("standardized", standardized), ("raw", data)]:
        pca = PCA(n_components=2, svd_solver="full").fit(matrix)
        results[name] = {
            "components": pca.components_,
            "explained_variance": pca.explained_variance_,
            "explained_variance_ratio": pca.explained_variance_ratio_,
            "projected_first_rows": pca.transform(matrix)[:10],
        }
    write_json(args.out, "pca_mall.json",
               source + " data = mall[" + repr(SCALE_COLS) + "].to_numpy(float64); standardized = "
               "StandardScaler().fit_transform(data) (population std); for each: sklearn.decomposition.PCA("
               "n_components=2, svd_solver='full').fit(M): components_ (rows; sign by svd_flip with "
               "u_based_decision=False: largest |loading| positive), explained_variance_ (n-1), "
               "explained_variance_ratio_, transform(M)[:10].",
               results)


if __name__ == "__main__":
    main()
