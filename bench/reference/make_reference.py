#!/usr/bin/env python3
"""Generate reference values (scikit-learn / SciPy) for the Swift unit tests.

Usage:
    bench/.venv/bin/python bench/reference/make_reference.py [--mall PATH] [--out DIR]

Defaults: --mall Fixtures/mall_customers.csv
          --out  <repo>/Fixtures/reference

Every JSON file has a top-level "provenance" string with library versions and
the exact calls used. Floats are written with Python repr (shortest string that
round-trips to the same IEEE double). Generated CSV inputs are read back with
pandas and checked value-by-value against Python's correctly rounded float()
(= Swift's Double(String)) and the references are computed from those parsed values.
"""
import argparse
import hashlib
import json
import os
import platform
import sys

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy.cluster.hierarchy import linkage
from sklearn.cluster import DBSCAN, AgglomerativeClustering, Birch, KMeans
from sklearn.metrics import (adjusted_rand_score, calinski_harabasz_score,
                             davies_bouldin_score, normalized_mutual_info_score,
                             silhouette_samples, silhouette_score)
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

VERSIONS = (f"python {platform.python_version()}, numpy {np.__version__}, "
            f"pandas {pd.__version__}, scikit-learn {sklearn.__version__}, "
            f"scipy {scipy.__version__}")

SCALE_COLS = ["Age", "Annual Income (k$)", "Spending Score (1-100)"]
KM_COLS = ["Annual Income (k$)", "Spending Score (1-100)"]


# --------------------------------------------------------------------------
# JSON helpers
# --------------------------------------------------------------------------
def py(o):
    """Convert numpy containers/scalars to plain Python (floats keep full precision)."""
    if isinstance(o, dict):
        return {str(k): py(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [py(v) for v in o]
    if isinstance(o, np.ndarray):
        return py(o.tolist())
    if isinstance(o, np.integer):
        return int(o)
    if isinstance(o, np.floating):
        return float(o)
    if isinstance(o, np.bool_):
        return bool(o)
    return o


def _is_leaf_list(v):
    return isinstance(v, list) and all(not isinstance(x, (list, dict)) for x in v)


def dumps(obj, level=0):
    """indent=1 JSON, but lists of scalars are kept on one line (compact, readable)."""
    pad = " " * level
    pad1 = " " * (level + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{pad1}{json.dumps(k)}: {dumps(v, level + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if _is_leaf_list(obj):
            return "[" + ", ".join(json.dumps(x, allow_nan=False) for x in obj) + "]"
        items = [f"{pad1}{dumps(v, level + 1)}" for v in obj]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(obj, allow_nan=False)


def write_json(out_dir, name, provenance, payload):
    doc = {"provenance": provenance}
    doc.update(py(payload))
    path = os.path.join(out_dir, name)
    text = dumps(doc) + "\n"
    json.loads(text)  # sanity
    with open(path, "w") as f:
        f.write(text)
    print(f"wrote {path} ({len(text)} bytes)")


def read_back(path):
    """Read a generated CSV back with pandas (default parser) and check every value
    against Python's correctly rounded float() (what Swift's Double(String) gives).
    Returns the correctly rounded values."""
    df = pd.read_csv(path)
    import csv
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    exact = pd.DataFrame([[float(v) for v in r] for r in rows[1:]], columns=rows[0])
    if not np.array_equal(df.to_numpy(np.float64), exact.to_numpy(np.float64)):
        print(f"warning: pandas default float parser differs from correctly rounded parse in {path}; "
              "using correctly rounded values", file=sys.stderr)
    return exact


def sizes_desc(labels):
    _, counts = np.unique(labels, return_counts=True)
    return sorted(counts.tolist(), reverse=True)


# --------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mall", default="Fixtures/mall_customers.csv")
    ap.add_argument("--out", default=os.path.join(REPO, "Fixtures", "reference"))
    args = ap.parse_args()
    out = args.out
    os.makedirs(out, exist_ok=True)

    with open(args.mall, "rb") as f:
        mall_sha = hashlib.sha256(f.read()).hexdigest()
    mall = pd.read_csv(args.mall)
    assert len(mall) == 200, len(mall)
    mall_src = (f"input: mall_customers.csv (Kaggle, 200 rows, sha256 {mall_sha}) read with "
                f"pandas.read_csv; {VERSIONS}")

    # ------------------------------------------------------------------ 1
    Xs = mall[SCALE_COLS].to_numpy(dtype=np.float64)
    ss = StandardScaler().fit(Xs)
    mm = MinMaxScaler().fit(Xs)
    rs = RobustScaler().fit(Xs)
    Ts, Tm, Tr = ss.transform(Xs), mm.transform(Xs), rs.transform(Xs)

    def cols(T):
        return {c: T[:, i] for i, c in enumerate(SCALE_COLS)}

    write_json(out, "scalers.json",
               f"{mall_src}. X = mall[{SCALE_COLS!r}].to_numpy(float64). "
               "sklearn.preprocessing.StandardScaler().fit(X) (population std, ddof=0); "
               "MinMaxScaler().fit(X) (feature_range=(0,1)); "
               "RobustScaler().fit(X) (with_centering=True, with_scaling=True, quantile_range=(25.0,75.0), "
               "i.e. center_=median, scale_=Q3-Q1 with numpy linear-interpolation percentiles). "
               "first5 = transform(X)[:5] (rows), transformed = full transform(X) per column.",
               {
                   "columns": SCALE_COLS,
                   "input_first5": Xs[:5],
                   "standard": {"mean_": ss.mean_, "var_": ss.var_, "scale_": ss.scale_,
                                "first5": Ts[:5], "transformed": cols(Ts)},
                   "minmax": {"data_min_": mm.data_min_, "data_max_": mm.data_max_,
                              "data_range_": mm.data_range_, "scale_": mm.scale_, "min_": mm.min_,
                              "first5": Tm[:5], "transformed": cols(Tm)},
                   "robust": {"center_": rs.center_, "scale_": rs.scale_,
                              "first5": Tr[:5], "transformed": cols(Tr)},
               })

    # ------------------------------------------------------------------ 2
    X = mall[KM_COLS].to_numpy(dtype=np.float64)
    per_k = []
    km5 = None
    for k in range(2, 11):
        km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
        lab = km.labels_
        per_k.append({
            "k": k,
            "inertia": km.inertia_,
            "silhouette": silhouette_score(X, lab),
            "calinski_harabasz": calinski_harabasz_score(X, lab),
            "davies_bouldin": davies_bouldin_score(X, lab),
            "n_iter": km.n_iter_,
            "sizes_desc": sizes_desc(lab),
        })
        if k == 5:
            km5 = km
    lab5 = km5.labels_
    write_json(out, "kmeans_mall.json",
               f"{mall_src}. X = mall[{KM_COLS!r}].to_numpy(float64) (unscaled). "
               "For k in 2..10: sklearn.cluster.KMeans(n_clusters=k, n_init=10, random_state=0).fit(X) "
               "(init='k-means++', algorithm='lloyd', tol=1e-4, max_iter=300); metrics: "
               "sklearn.metrics.silhouette_score(X, labels) (euclidean), calinski_harabasz_score(X, labels), "
               "davies_bouldin_score(X, labels); k5.silhouette_samples = silhouette_samples(X, labels). "
               "Label numbering is arbitrary (compare up to permutation); inertia is the sum of squared "
               "euclidean distances to the assigned centre.",
               {
                   "features": KM_COLS,
                   "per_k": per_k,
                   "k5": {
                       "inertia": km5.inertia_,
                       "sizes_desc": sizes_desc(lab5),
                       "silhouette": silhouette_score(X, lab5),
                       "calinski_harabasz": calinski_harabasz_score(X, lab5),
                       "davies_bouldin": davies_bouldin_score(X, lab5),
                       "cluster_centers": km5.cluster_centers_,
                       "labels": lab5,
                       "silhouette_samples": silhouette_samples(X, lab5),
                   },
               })

    # ------------------------------------------------------------------ 3
    rng = np.random.default_rng(20240101)
    true_c = np.array([[0.0, 0.0, 0.0], [4.0, 4.0, 0.0], [0.0, 4.0, 4.0]])
    P = np.vstack([c + rng.normal(scale=1.5, size=(20, 3)) for c in true_c])
    P = P[rng.permutation(len(P))]
    pts_path = os.path.join(out, "kmeans_init_points.csv")
    pd.DataFrame(P, columns=["x", "y", "z"]).to_csv(pts_path, index=False, float_format="%.6f")
    P = read_back(pts_path)[["x", "y", "z"]].to_numpy(dtype=np.float64)
    # deliberately poor-ish init: three points from the data (fixed indices)
    init_idx = [0, 1, 2]
    C0 = P[init_idx].copy()
    init_path = os.path.join(out, "kmeans_init_centers.csv")
    pd.DataFrame(C0, columns=["x", "y", "z"]).to_csv(init_path, index=False, float_format="%.6f")
    C0 = read_back(init_path)[["x", "y", "z"]].to_numpy(dtype=np.float64)
    assert np.array_equal(C0, P[init_idx])
    km = KMeans(n_clusters=3, init=C0, n_init=1, algorithm="lloyd", tol=1e-4, max_iter=300).fit(P)
    write_json(out, "kmeans_init.json",
               f"{VERSIONS}. P = pandas.read_csv('kmeans_init_points.csv')"
               "[['x','y','z']] (60 points written with %.6f from numpy default_rng(20240101): 3 gaussian "
               "blobs sd 1.5, 20 each, shuffled); C0 = read_csv('kmeans_init_centers.csv') = P[[0,1,2]]. "
               "sklearn.cluster.KMeans(n_clusters=3, init=C0, n_init=1, algorithm='lloyd', tol=1e-4, "
               "max_iter=300).fit(P). sklearn semantics: the tolerance is scaled, "
               "tol_abs = mean(var(P, axis=0)) * 1e-4 (given as tol_abs); each iteration assigns labels to "
               "the current centres, then recomputes centres; stops when labels did not change "
               "(strict convergence) or when sum over centres of squared centre shift <= tol_abs; a final "
               "assignment step makes labels_/inertia_ consistent with cluster_centers_. n_iter_ counts "
               "the iterations run.",
               {
                   "points_csv": "kmeans_init_points.csv",
                   "init_csv": "kmeans_init_centers.csv",
                   "init_indices": init_idx,
                   "tol_abs": float(np.mean(np.var(P, axis=0)) * 1e-4),
                   "inertia": km.inertia_,
                   "n_iter": km.n_iter_,
                   "cluster_centers": km.cluster_centers_,
                   "labels": km.labels_,
               })

    # ------------------------------------------------------------------ 4
    agg = {}
    for method in ["ward", "complete", "average", "single"]:
        a = AgglomerativeClustering(n_clusters=5, linkage=method).fit(X)
        agg[method] = {"sizes_desc": sizes_desc(a.labels_), "labels": a.labels_}
    ward5 = agg["ward"]["labels"]
    write_json(out, "agglomerative_mall.json",
               f"{mall_src}. X = mall[{KM_COLS!r}].to_numpy(float64) (unscaled). "
               "sklearn.cluster.AgglomerativeClustering(n_clusters=5, linkage=method).fit(X).labels_ "
               "for method in ward/complete/average/single (metric euclidean). Label numbering is "
               "arbitrary (compare up to permutation).",
               {"features": KM_COLS, "n_clusters": 5, "methods": agg})

    # ------------------------------------------------------------------ 5
    rng = np.random.default_rng(12345)
    L = rng.uniform(0.0, 10.0, size=(40, 3))
    lp = os.path.join(out, "linkage_points.csv")
    with open(lp, "w") as f:
        f.write("x,y,z\n")
        for r in L:
            f.write(",".join(repr(float(v)) for v in r) + "\n")
    L2 = read_back(lp)[["x", "y", "z"]].to_numpy(dtype=np.float64)
    assert np.array_equal(L, L2)
    link = {m: linkage(L2, method=m) for m in ["ward", "complete", "average", "single"]}
    write_json(out, "linkage.json",
               f"{VERSIONS}. X = read_csv('linkage_points.csv') (40 points, numpy default_rng(12345)"
               ".uniform(0,10,(40,3)), written with repr so they round-trip exactly). "
               "For method in ward/complete/average/single: scipy.cluster.hierarchy.linkage(X, method=method) "
               "(metric='euclidean', optimal_ordering=False). Each row [a, b, height, size]: a<b are cluster "
               "ids (0..n-1 leaves, n+i = cluster formed at row i); ward heights are the Ward distances "
               "(sqrt of 2*increase in SSE) as SciPy defines them.",
               {"points_csv": "linkage_points.csv", "n": 40,
                "methods": {m: Z for m, Z in link.items()}})

    # ------------------------------------------------------------------ 6
    rng = np.random.default_rng(777)
    centers = np.array([[0.0, 0.0], [4.0, 0.5], [1.5, 4.0]])
    blobs = np.vstack([c + rng.normal(scale=0.4, size=(90, 2)) for c in centers])
    noise = rng.uniform(low=[-2.5, -2.5], high=[6.5, 6.5], size=(30, 2))
    D = np.vstack([blobs, noise])
    D = D[rng.permutation(len(D))]
    dp = os.path.join(out, "dbscan_points.csv")
    with open(dp, "w") as f:
        f.write("x,y\n")
        for r in D:
            f.write(",".join(repr(float(v)) for v in r) + "\n")
    D2 = read_back(dp)[["x", "y"]].to_numpy(dtype=np.float64)
    assert np.array_equal(D, D2)

    def db_summary(lab):
        lab = np.asarray(lab)
        return {"n_clusters": int(len(set(lab.tolist()) - {-1})),
                "n_noise": int((lab == -1).sum()),
                "sizes_desc": sizes_desc(lab[lab >= 0]) if (lab >= 0).any() else [],
                "labels": lab}

    from scipy.spatial.distance import cdist

    def ambiguous_border(P, fit, eps, metric):
        """Non-core points within eps of core points of >1 cluster (their label is order dependent)."""
        lab, core = fit.labels_, set(fit.core_sample_indices_.tolist())
        Dm = cdist(P, P, metric)
        out = []
        for i in range(len(P)):
            if i not in core:
                cl = {int(lab[j]) for j in np.where(Dm[i] <= eps)[0] if j in core}
                if len(cl) > 1:
                    out.append({"index": i, "label": int(lab[i]), "reachable_clusters": sorted(cl)})
        return out

    de = DBSCAN(eps=0.5, min_samples=5, metric="euclidean").fit(D2)
    dm = DBSCAN(eps=0.5, min_samples=5, metric="manhattan").fit(D2)
    dmall = DBSCAN(eps=9, min_samples=4).fit(X)
    write_json(out, "dbscan.json",
               f"{VERSIONS}. points: read_csv('dbscan_points.csv') (300 points, numpy default_rng(777): "
               "3 gaussian blobs sd 0.4 at (0,0),(4,0.5),(1.5,4), 90 each, + 30 uniform in [-2.5,6.5]^2, "
               "shuffled; written with repr). sklearn.cluster.DBSCAN(eps=0.5, min_samples=5, "
               "metric='euclidean'|'manhattan').fit(P).labels_; mall: DBSCAN(eps=9, min_samples=4).fit("
               f"mall[{KM_COLS!r}]) (unscaled, euclidean). sklearn semantics: neighbourhood includes the "
               "point itself and uses dist <= eps; core = |neighbourhood| >= min_samples; -1 = noise; "
               "clusters are numbered in order of their lowest-index core point and expanded depth-first; "
               "a border point reachable from several clusters takes the first cluster that reaches it "
               "(listed in ambiguous_border*; mall integer data has pairs at distance exactly eps=9, "
               "which count as neighbours).",
               {
                   "points_csv": "dbscan_points.csv",
                   "euclidean": db_summary(de.labels_),
                   "manhattan": db_summary(dm.labels_),
                   "core_sample_indices_euclidean": de.core_sample_indices_,
                   "core_sample_indices_manhattan": dm.core_sample_indices_,
                   "ambiguous_border_euclidean": ambiguous_border(D2, de, 0.5, "euclidean"),
                   "ambiguous_border_manhattan": ambiguous_border(D2, dm, 0.5, "cityblock"),
                   "mall": dict(features=KM_COLS, eps=9, min_samples=4, **db_summary(dmall.labels_),
                                core_sample_indices=dmall.core_sample_indices_,
                                ambiguous_border=ambiguous_border(X, dmall, 9, "euclidean"),
                                n_pairs_at_exactly_eps=int((np.triu(cdist(X, X), 1) == 9.0).sum())),
               })

    # ------------------------------------------------------------------ 7
    b = Birch(threshold=3, n_clusters=5, branching_factor=50).fit(X)
    blab = b.labels_
    write_json(out, "birch_mall.json",
               f"{mall_src}. X = mall[{KM_COLS!r}].to_numpy(float64) (unscaled). "
               "sklearn.cluster.Birch(threshold=3, n_clusters=5, branching_factor=50).fit(X).labels_ "
               "(global step = AgglomerativeClustering(n_clusters=5) (ward) on the subcluster centroids; "
               "labels_ = predict(X), i.e. nearest subcluster centroid's label); silhouette_score(X, labels_).",
               {
                   "features": KM_COLS,
                   "n_subclusters": len(b.subcluster_centers_),
                   "subcluster_centers": b.subcluster_centers_,
                   "sizes_desc": sizes_desc(blab),
                   "silhouette": silhouette_score(X, blab),
                   "labels": blab,
               })

    # ------------------------------------------------------------------ 8
    gender = mall["Gender"].astype(str).to_numpy()
    write_json(out, "metrics_mall.json",
               f"{mall_src}. kmeans5 = KMeans(n_clusters=5, n_init=10, random_state=0).fit(mall[{KM_COLS!r}])"
               ".labels_ (same as kmeans_mall.json k5.labels); ward5 = AgglomerativeClustering(n_clusters=5, "
               "linkage='ward') labels (agglomerative_mall.json); gender = mall['Gender'] strings. "
               "sklearn.metrics.adjusted_rand_score(a, b), normalized_mutual_info_score(a, b) "
               "(average_method='arithmetic').",
               {
                   "kmeans5_vs_gender": {
                       "adjusted_rand_score": adjusted_rand_score(gender, lab5),
                       "normalized_mutual_info_score": normalized_mutual_info_score(gender, lab5),
                   },
                   "kmeans5_vs_ward5": {
                       "adjusted_rand_score": adjusted_rand_score(lab5, ward5),
                       "normalized_mutual_info_score": normalized_mutual_info_score(lab5, ward5),
                   },
                   "kmeans5_labels": lab5,
                   "ward5_labels": ward5,
                   "gender": gender.tolist(),
               })


if __name__ == "__main__":
    sys.exit(main())
