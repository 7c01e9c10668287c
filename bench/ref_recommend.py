#!/usr/bin/env python3
"""Reference timing for user-based collaborative filtering (`segment recommend`).

Usage: ref_recommend.py FILE [--top 10] [--neighbors 20] [--weight quantity|count]
                        [--threads N] [--out RECS.csv]

FILE: customer_id,product_id,quantity,date (gen_purchases.py). Pipeline (all timed):
  1. pandas.read_csv
  2. customer x item CSR R (rows = sorted unique customer_id, cols = sorted unique
     product_id), value = sum of quantity (or number of purchase rows with --weight count)
  3. T = TfidfTransformer(sublinear_tf=True).fit_transform(R)
     (tf -> 1+ln(tf); idf = ln((1+n)/(1+df))+1; rows L2-normalised)
  4. NearestNeighbors(n_neighbors=neighbors+1, metric="cosine", algorithm="brute")
     .fit(T).kneighbors(T); drop the query customer itself (or the last neighbour if
     self is not among them) -> `neighbors` neighbours, similarity = 1 - distance
  5. scores = S @ T, S = sparse customer x customer neighbour-similarity matrix
  6. already purchased items (R > 0) are masked; per customer the `top` items with
     the highest score > 0 (ties inside the top list by product_id ascending; ties at
     the cut-off are arbitrary)
Prints one JSON line with seconds and per-phase timings; --out writes
customer_id,rank,product_id,score (not timed).
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp
import sklearn
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.neighbors import NearestNeighbors
from threadpoolctl import threadpool_limits


def top_n(scores, n, chunk=1024):
    """scores: CSR (customers x items). Returns (items[int64, m x n], vals[m x n]) with -1 / 0 padding."""
    m, n_items = scores.shape
    n = min(n, n_items)
    top_items = np.full((m, n), -1, dtype=np.int64)
    top_vals = np.zeros((m, n), dtype=np.float64)
    for s in range(0, m, chunk):
        e = min(m, s + chunk)
        d = scores[s:e].toarray()
        part = np.argpartition(-d, n - 1, axis=1)[:, :n]
        pv = np.take_along_axis(d, part, axis=1)
        order = np.lexsort((part, -pv), axis=1)           # score desc, item asc
        part = np.take_along_axis(part, order, axis=1)
        pv = np.take_along_axis(pv, order, axis=1)
        ok = pv > 0
        top_items[s:e] = np.where(ok, part, -1)
        top_vals[s:e] = np.where(ok, pv, 0.0)
    return top_items, top_vals


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--neighbors", type=int, default=20)
    ap.add_argument("--weight", choices=["quantity", "count"], default="quantity")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--out")
    a = ap.parse_args()
    k = a.neighbors
    ph = {}
    with threadpool_limits(limits=a.threads):
        t0 = time.perf_counter()
        df = pd.read_csv(a.file)
        t = time.perf_counter(); ph["read_csv_s"] = t - t0; tp = t

        cust_ids, ci = np.unique(df["customer_id"].to_numpy(), return_inverse=True)
        item_ids, ii = np.unique(df["product_id"].to_numpy(), return_inverse=True)
        val = (df["quantity"].to_numpy(dtype=np.float64) if a.weight == "quantity"
               else np.ones(len(df)))
        R = sp.csr_matrix((val, (ci, ii)), shape=(len(cust_ids), len(item_ids)))
        R.sum_duplicates()
        R.sort_indices()
        t = time.perf_counter(); ph["matrix_s"] = t - tp; tp = t

        T = TfidfTransformer(sublinear_tf=True).fit_transform(R).tocsr()
        t = time.perf_counter(); ph["tfidf_s"] = t - tp; tp = t

        nn = NearestNeighbors(n_neighbors=k + 1, metric="cosine", algorithm="brute").fit(T)
        dist, idx = nn.kneighbors(T)
        t = time.perf_counter(); ph["knn_s"] = t - tp; tp = t

        m = T.shape[0]
        is_self = idx == np.arange(m)[:, None]
        no_self = ~is_self.any(axis=1)
        is_self[no_self, -1] = True                      # drop farthest if self not returned
        keep = ~is_self
        nb = idx[keep].reshape(m, k)
        sim = (1.0 - dist[keep]).reshape(m, k)
        S = sp.csr_matrix((sim.ravel(), nb.ravel(), np.arange(0, m * k + 1, k)), shape=(m, m))
        scores = (S @ T).tocsr()
        bought = R.copy()
        bought.data[:] = 1.0
        scores = (scores - scores.multiply(bought)).tocsr()
        scores.eliminate_zeros()
        t = time.perf_counter(); ph["score_s"] = t - tp; tp = t

        top_items, top_vals = top_n(scores, a.top)
        t = time.perf_counter(); ph["topn_s"] = t - tp
        total = t - t0

    n_recs = int((top_items >= 0).sum())
    if a.out:
        r, c = np.nonzero(top_items >= 0)
        pd.DataFrame({"customer_id": cust_ids[r], "rank": c + 1,
                      "product_id": item_ids[top_items[r, c]],
                      "score": top_vals[r, c]}).to_csv(a.out, index=False)
    print(json.dumps({
        "tool": "sklearn", "sklearn": sklearn.__version__,
        "seconds": total, **ph,
        "rows": int(len(df)), "customers": int(m), "items": int(len(item_ids)), "nnz": int(R.nnz),
        "neighbors": k, "top": a.top, "weight": a.weight,
        "n_recs": n_recs, "customers_with_full_list": int((top_items[:, -1] >= 0).sum()),
        "mean_neighbor_sim": float(sim.mean()), "sum_top_scores": float(top_vals.sum()),
        "self_not_returned": int(no_self.sum()),
    }))


if __name__ == "__main__":
    main()
