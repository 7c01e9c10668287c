"""Vectorised (numpy-only) CSV writer used by the benchmark data generators.

Each column is rendered into a fixed-width uint8 matrix (one row per record),
padding bytes are 0; the columns are joined with ',' and '\n' and the padding
bytes are dropped. This is ~10x faster than pandas.to_csv for numeric data.

Decimal columns are written as round(x * 10**d) / 10**d with exactly d
decimals (like "%.{d}f" except in rare half-way cases, which do not matter
here: the file content is the ground truth for every consumer).
"""
import numpy as np

__all__ = ["IntCol", "DecCol", "StrCol", "write_csv"]


def _ndigits(a, width):
    nd = np.ones(a.shape, dtype=np.int64)
    for k in range(1, width):
        nd += a >= 10 ** k
    return nd


def _uint_matrix(a, width, zero_pad=False):
    """a: non-negative int64 array -> (n, width) uint8 digits, left padded with 0 bytes."""
    pows = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    m = ((a[:, None] // pows[None, :]) % 10 + 48).astype(np.uint8)
    if not zero_pad:
        nd = _ndigits(a, width)
        m[np.arange(width)[None, :] < (width - nd)[:, None]] = 0
    return m


def IntCol(values):
    a = np.asarray(values, dtype=np.int64)
    neg = a < 0
    a = np.abs(a)
    width = max(1, len(str(int(a.max()))) if a.size else 1)
    m = _uint_matrix(a, width)
    sign = np.where(neg, ord("-"), 0).astype(np.uint8)[:, None]
    return np.hstack([sign, m]) if neg.any() else m


def DecCol(values, decimals):
    x = np.asarray(values, dtype=np.float64)
    if not np.all(np.isfinite(x)):
        raise ValueError("DecCol: non-finite values")
    scale = 10 ** decimals
    q = np.rint(x * scale).astype(np.int64)
    neg = q < 0
    q = np.abs(q)
    ip, fp = q // scale, q % scale
    iw = max(1, len(str(int(ip.max()))) if ip.size else 1)
    parts = []
    if neg.any():
        parts.append(np.where(neg, ord("-"), 0).astype(np.uint8)[:, None])
    parts.append(_uint_matrix(ip, iw))
    if decimals > 0:
        parts.append(np.full((len(x), 1), ord("."), dtype=np.uint8))
        parts.append(_uint_matrix(fp, decimals, zero_pad=True))
    return np.hstack(parts)


def StrCol(codes, categories):
    """codes: int array indexing into categories (list of ASCII str without ',' '"' or newlines)."""
    enc = [c.encode("ascii") for c in categories]
    for c in enc:
        if any(ch in c for ch in b',"\n\r') or len(c) == 0:
            raise ValueError(f"bad category {c!r}")
    w = max(len(c) for c in enc)
    table = np.zeros((len(enc), w), dtype=np.uint8)
    for i, c in enumerate(enc):
        table[i, w - len(c):] = np.frombuffer(c, dtype=np.uint8)
    return table[np.asarray(codes, dtype=np.int64)]


def write_csv(path, header, columns_fn, n_rows, chunk=250_000):
    """columns_fn(start, stop) -> list of column matrices for rows [start, stop)."""
    with open(path, "wb") as f:
        f.write((",".join(header) + "\n").encode("ascii"))
        for start in range(0, n_rows, chunk):
            stop = min(n_rows, start + chunk)
            cols = columns_fn(start, stop)
            n = stop - start
            comma = np.full((n, 1), ord(","), dtype=np.uint8)
            nl = np.full((n, 1), ord("\n"), dtype=np.uint8)
            parts = []
            for i, c in enumerate(cols):
                assert c.shape[0] == n
                if i:
                    parts.append(comma)
                parts.append(c)
            parts.append(nl)
            m = np.hstack(parts).ravel()
            m[m != 0].tofile(f)
